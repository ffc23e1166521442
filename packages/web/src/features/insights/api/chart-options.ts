/** ECharts options for the insight charts (plain data: no ECharts code is loaded to build them). */
import type { EChartsCoreOption } from 'echarts/core'
import type { BarData } from './chart-data.ts'

const BLUE = '#1d4ed8'
const GREEN = '#067647'

/** Bars of customers per category; horizontal for long names (segments, personas). */
export function barsOption(d: BarData, name: string, opts: { horizontal?: boolean; color?: string } = {}): EChartsCoreOption {
  const category = { type: 'category', data: d.labels, axisLabel: { interval: 0, width: 140, overflow: 'truncate' } }
  const value = { type: 'value', minInterval: 1 }
  return {
    grid: { left: opts.horizontal ? 150 : 48, right: 16, top: 12, bottom: opts.horizontal ? 24 : 48 },
    tooltip: { trigger: 'axis' },
    xAxis: opts.horizontal ? value : { ...category, axisLabel: { rotate: d.labels.length > 6 ? 30 : 0 } },
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', name, data: d.values, itemStyle: { color: opts.color ?? BLUE }, cursor: 'pointer' }],
  }
}

/** Revenue (line, left axis) and orders (bars, right axis) per month. */
export function revenueOption(months: string[], revenue: number[], orders: number[], names: { revenue: string; orders: string }): EChartsCoreOption {
  return {
    grid: { left: 64, right: 48, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { data: [names.revenue, names.orders], top: 0 },
    xAxis: { type: 'category', data: months },
    yAxis: [{ type: 'value', name: '' }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
    series: [
      { type: 'bar', name: names.orders, yAxisIndex: 1, data: orders, itemStyle: { color: '#93c5fd' }, cursor: 'pointer' },
      { type: 'line', name: names.revenue, yAxisIndex: 0, data: revenue, itemStyle: { color: BLUE }, lineStyle: { width: 2 }, symbolSize: 4 },
    ],
  }
}

/** A heatmap over two category axes; `max` sets the colour scale. */
export function heatmapOption(x: string[], y: string[], data: Array<[number, number, number]>, opts: { name: string; max: number; xName?: string; yName?: string; suffix?: string }): EChartsCoreOption {
  return {
    grid: { left: 72, right: 16, top: 12, bottom: 64 },
    tooltip: { position: 'top' },
    xAxis: { type: 'category', data: x, name: opts.xName, nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
    yAxis: { type: 'category', data: y, name: opts.yName, nameLocation: 'end', splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, opts.max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#eff6ff', BLUE] } },
    series: [{ type: 'heatmap', name: opts.name, data, label: { show: true, color: '#111827', textBorderColor: '#ffffff', textBorderWidth: 2, formatter: opts.suffix ? `{@[2]}${opts.suffix}` : '{@[2]}' }, cursor: 'pointer' }],
  }
}

export const COLORS = { BLUE, GREEN }
