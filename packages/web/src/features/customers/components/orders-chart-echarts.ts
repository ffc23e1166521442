/**
 * The ECharts parts the orders-per-month chart needs, and nothing else: imported by name so the bundler
 * keeps only these, and loaded with `import()` so they form their own chunk outside the initial JavaScript.
 */
import { init, use as registerParts } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

registerParts([BarChart, GridComponent, TooltipComponent, SVGRenderer])

export interface MonthCount {
  month: string
  count: number
}

/** Draws the bars into `el`; the caller disposes the returned chart when it unmounts. */
export function drawOrdersPerMonth(el: HTMLElement, series: MonthCount[], opts: { name: string; zh: boolean }): { dispose(): void } {
  const chart = init(el, undefined, { renderer: 'svg', locale: opts.zh ? 'ZH' : 'EN' })
  chart.setOption({
    grid: { left: 32, right: 8, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: series.map((s) => s.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: opts.name, data: series.map((s) => s.count), itemStyle: { color: '#1d4ed8' } }],
  })
  return chart
}
