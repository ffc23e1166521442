/** ECharts options for the desk reports (plain data: no ECharts code is loaded to build them). */
import type { EChartsCoreOption } from 'echarts/core'
import type { DeskReport } from '../api/desk-admin.ts'
import { daysBetween, type DayRange } from './report-range.ts'

const BLUE = '#1d4ed8'
const GREEN = '#067647'
const GREY = '#98a2b3'
const RED = '#b42318'

/** Every day of the range, with zeros where nothing was opened (the API lists only days with conversations). */
export function volumeDays(report: DeskReport, range: DayRange): DeskReport['volume'] {
  const byDay = new Map(report.volume.map((v) => [v.day, v]))
  const days = new Set([...daysBetween(range), ...byDay.keys()])
  return [...days].sort().map((day) => byDay.get(day) ?? { day, opened: 0, solved: 0 })
}

export function volumeOption(days: DeskReport['volume'], names: { opened: string; solved: string }): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { data: [names.opened, names.solved], top: 0 },
    xAxis: { type: 'category', data: days.map((d) => d.day) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: names.opened, data: days.map((d) => d.opened), itemStyle: { color: BLUE }, barMaxWidth: 14 },
      { type: 'bar', name: names.solved, data: days.map((d) => d.solved), itemStyle: { color: GREEN }, barMaxWidth: 14 },
    ],
  }
}

export function sentimentOption(weeks: DeskReport['sentiment'], names: { positive: string; neutral: string; negative: string }): EChartsCoreOption {
  const series = (['positive', 'neutral', 'negative'] as const).map((k, i) => ({
    type: 'bar', name: names[k], stack: 'sentiment', data: weeks.map((w) => w[k]), itemStyle: { color: [GREEN, GREY, RED][i] }, barMaxWidth: 28,
  }))
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { data: [names.positive, names.neutral, names.negative], top: 0 },
    xAxis: { type: 'category', data: weeks.map((w) => w.week) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  }
}

/** Bars of counts per label, horizontal for long labels (intents). */
export function countBarsOption(labels: string[], values: number[], name: string, opts: { horizontal?: boolean } = {}): EChartsCoreOption {
  const category = { type: 'category', data: labels, axisLabel: { interval: 0, width: 140, overflow: 'truncate' } }
  const value = { type: 'value', minInterval: 1 }
  return {
    animation: false,
    grid: { left: opts.horizontal ? 150 : 40, right: 16, top: 12, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', name, data: values, itemStyle: { color: BLUE }, barMaxWidth: 24 }],
  }
}
