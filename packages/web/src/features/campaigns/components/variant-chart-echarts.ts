/**
 * The ECharts parts the per-variant chart needs (bars and drawn whiskers), imported by name and loaded with
 * `import()` so they form their own chunk outside the dashboard's initial JavaScript.
 */
import { init, use as registerParts } from 'echarts/core'
import { BarChart, CustomChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts'
import type { RateBar } from '../lib/chart-bars.ts'

registerParts([BarChart, CustomChart, GridComponent, TooltipComponent, SVGRenderer])

/** Conversion rate (in %) per variant and for the holdout (grey), with the 95 % interval as a whisker. */
export function drawVariantRates(el: HTMLElement, bars: RateBar[], l: { rate: string; zh: boolean }): { dispose(): void } {
  const chart = init(el, undefined, { renderer: 'svg', locale: l.zh ? 'ZH' : 'EN' })
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100)
  chart.setOption({
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bars.map((b) => b.name) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar', name: l.rate, barMaxWidth: 48,
        data: bars.map((b) => ({ value: pct(b.rate), itemStyle: { color: b.holdout ? '#98a2b3' : '#1d4ed8' } })),
      },
      {
        type: 'custom', name: '95 %',
        data: bars.map((b, i) => [i, pct(b.low), pct(b.high)]),
        renderItem: (_p: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
          const x = api.value(0)
          const lo = api.coord([x, api.value(1)])
          const hi = api.coord([x, api.value(2)])
          const w = 8
          const line = (x1: number, y1: number, x2: number, y2: number) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style: { stroke: '#101828', lineWidth: 1.5 } })
          return { type: 'group', children: [line(lo[0] ?? 0, lo[1] ?? 0, hi[0] ?? 0, hi[1] ?? 0), line((lo[0] ?? 0) - w, lo[1] ?? 0, (lo[0] ?? 0) + w, lo[1] ?? 0), line((hi[0] ?? 0) - w, hi[1] ?? 0, (hi[0] ?? 0) + w, hi[1] ?? 0)] }
        },
        z: 10,
      },
    ],
  })
  return chart
}
