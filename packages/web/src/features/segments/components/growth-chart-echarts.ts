/**
 * The ECharts parts the segment growth chart needs (a line and bars on two axes), imported by name and
 * loaded with `import()` so they form their own chunk outside the dashboard's initial JavaScript.
 */
import { init, use as registerParts } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { GrowthDay } from '../api/segment-types.ts'

registerParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export interface GrowthLabels {
  size: string
  added: string
  dropped: string
  zh: boolean
}

/** Size as a line (left axis), customers added and dropped per day as bars (right axis, dropped below 0). */
export function drawGrowth(el: HTMLElement, days: GrowthDay[], l: GrowthLabels): { dispose(): void } {
  const chart = init(el, undefined, { renderer: 'svg', locale: l.zh ? 'ZH' : 'EN' })
  chart.setOption({
    animation: false,
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: days.map((d) => d.day) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { type: 'line', name: l.size, data: days.map((d) => d.size), showSymbol: false, lineStyle: { color: '#1d4ed8' }, itemStyle: { color: '#1d4ed8' } },
      { type: 'bar', name: l.added, yAxisIndex: 1, stack: 'change', data: days.map((d) => d.added), itemStyle: { color: '#067647' }, barMaxWidth: 10 },
      { type: 'bar', name: l.dropped, yAxisIndex: 1, stack: 'change', data: days.map((d) => -d.dropped), itemStyle: { color: '#b42318' }, barMaxWidth: 10 },
    ],
  })
  return chart
}
