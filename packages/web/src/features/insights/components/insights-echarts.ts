/**
 * The ECharts parts the Overview and Insights charts use (bars, lines, heatmaps) and nothing else:
 * imported by name so the bundler keeps only these, and loaded with `import()` so they form their own
 * chunk outside the dashboard's initial JavaScript.
 */
import { init, use as registerParts, type EChartsCoreOption } from 'echarts/core'
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

registerParts([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer])

export interface ChartClick {
  dataIndex: number
  seriesIndex: number
  value: unknown
}

/** Draws `option` into `el` and follows its size; the caller disposes the returned chart when it unmounts. */
export function drawChart(el: HTMLElement, option: EChartsCoreOption, opts: { zh: boolean; onClick?: (c: ChartClick) => void }): { dispose(): void } {
  const chart = init(el, undefined, { renderer: 'svg', locale: opts.zh ? 'ZH' : 'EN' })
  chart.setOption(option)
  const onClick = opts.onClick
  if (onClick) chart.on('click', (p) => onClick({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0, value: p.value }))
  const resize = new ResizeObserver(() => chart.resize())
  resize.observe(el)
  return {
    dispose() {
      resize.disconnect()
      chart.dispose()
    },
  }
}
