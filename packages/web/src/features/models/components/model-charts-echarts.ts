/**
 * The ECharts parts the model pages draw with (lines, bars, legend), imported by name and loaded with
 * `import()` so they form their own chunk outside the dashboard's initial JavaScript.
 */
import { init, use as registerParts } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

registerParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export interface Series {
  name: string
  /** [x, y] points. */
  points: Array<[number, number]>
  kind: 'line' | 'bar' | 'dashed'
  color: string
}

export interface XYChart {
  xName: string
  yName: string
  /** Both axes 0..1 (ROC, reliability) or free. */
  unitSquare: boolean
  series: Series[]
}

/** Draws the chart into `el`; the caller disposes the returned chart when it unmounts. */
export function drawXY(el: HTMLElement, chart: XYChart, zh: boolean): { dispose(): void } {
  const c = init(el, undefined, { renderer: 'svg', locale: zh ? 'ZH' : 'EN' })
  const axis = (name: string) => ({
    type: 'value' as const, name, nameLocation: 'middle' as const, nameGap: 26,
    ...(chart.unitSquare && { min: 0, max: 1 }),
  })
  c.setOption({
    animation: false,
    grid: { left: 48, right: 12, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v)) },
    legend: { top: 0 },
    xAxis: axis(chart.xName),
    yAxis: { ...axis(chart.yName), nameGap: 34 },
    series: chart.series.map((s) =>
      s.kind === 'bar'
        ? { type: 'bar', name: s.name, data: s.points, itemStyle: { color: s.color }, barMaxWidth: 24 }
        : { type: 'line', name: s.name, data: s.points, showSymbol: false, lineStyle: { color: s.color, ...(s.kind === 'dashed' && { type: 'dashed' }) }, itemStyle: { color: s.color } },
    ),
  })
  return c
}
