import type { Series, XYChart } from '../../models/components/model-charts-echarts.ts'
import type { Results } from '../api/campaign-types.ts'

export type Curves = NonNullable<Results['curves']>
export type CurvesReason = NonNullable<Results['curves_reason']>

const MODEL = '#1d4ed8'
const REFERENCE = '#9ca3af'

/** Share of recipients in %, as the x axis shows it. */
const pct = (share: number) => share * 100

/** Qini: incremental conversions of the model's ranking against taking recipients at random. */
export function qiniChart(c: Curves, l: { x: string; y: string; model: string; random: string }): XYChart {
  const model: Series = { name: l.model, points: c.points.map((p) => [pct(p.share), p.qini]), kind: 'line', color: MODEL }
  const random: Series = { name: l.random, points: c.points.map((p) => [pct(p.share), p.random]), kind: 'dashed', color: REFERENCE }
  return { xName: l.x, yName: l.y, unitSquare: false, series: [model, random] }
}

/**
 * Uplift among the top share, in percentage points. Taking recipients at random gives the whole group's
 * uplift at every share, so that is the reference line; the first points, before both groups have anyone, are left out.
 */
export function upliftChart(c: Curves, l: { x: string; y: string; model: string; random: string }): XYChart {
  const measured = c.points.filter((p): p is typeof p & { uplift: number } => p.uplift !== null)
  const overall = measured.at(-1)?.uplift ?? 0
  const model: Series = { name: l.model, points: measured.map((p) => [pct(p.share), p.uplift * 100]), kind: 'line', color: MODEL }
  const random: Series = { name: l.random, points: [[0, overall * 100], [100, overall * 100]], kind: 'dashed', color: REFERENCE }
  return { xName: l.x, yName: l.y, unitSquare: false, series: [model, random] }
}
