/**
 * Turning the insights API's numbers into what the charts draw, and each mark into the customer-list
 * filter it drills down to. Pure functions, so the bins, cells and links are tested without a browser.
 */
import type { DrillFilters } from '../../customers/api/drill-filters.ts'
import type { Bin, CohortsAnswer, Persona, RfmAnswer } from './insights-types.ts'

export interface BarData {
  labels: string[]
  values: number[]
  /** The customer-list filter behind each bar, in the same order. */
  drills: DrillFilters[]
}

/**
 * A histogram's bins as bars labelled "from–to", each drilling to [from, to). The last bin drills with no
 * upper bound, so the customers at the very top (a score of exactly 1, the largest value) are included.
 */
export function histogramBars(bins: Bin[], kind: 'churn' | 'clv', fmt: (n: number) => string): BarData {
  const [min, max] = kind === 'churn' ? (['churn_min', 'churn_max'] as const) : (['clv_min', 'clv_max'] as const)
  return {
    labels: bins.map((b) => `${fmt(b.from)}–${fmt(b.to)}`),
    values: bins.map((b) => b.customers),
    drills: bins.map((b, i) => (i === bins.length - 1 ? { [min]: String(b.from) } : { [min]: String(b.from), [max]: String(b.to) })),
  }
}

/** The risk bands in a fixed order (low, medium, high), whatever order the API sends. */
export function bandBars(bands: Array<{ band: string; customers: number }>, label: (band: string) => string): BarData {
  const order = ['low', 'medium', 'high']
  const sorted = [...bands].sort((a, b) => rank(order, a.band) - rank(order, b.band))
  return { labels: sorted.map((b) => label(b.band)), values: sorted.map((b) => b.customers), drills: sorted.map((b) => ({ churn_band: b.band })) }
}

const rank = (order: string[], v: string): number => {
  const i = order.indexOf(v)
  return i === -1 ? order.length : i
}

/** Heatmap cells [x, y, value] of the RFM grid: x = frequency score, y = recency score (1–5 → 0–4). */
export function rfmCells(cells: RfmAnswer['cells']): { scores: number[]; data: Array<[number, number, number]>; max: number } {
  const scores = [...new Set(cells.flatMap((c) => [c.r, c.f]))].sort((a, b) => a - b)
  const at = (s: number) => scores.indexOf(s)
  const data = cells.map((c) => [at(c.f), at(c.r), c.customers] as [number, number, number])
  return { scores, data, max: Math.max(0, ...cells.map((c) => c.customers)) }
}

/** Heatmap cells [month since first order, cohort row, retention %] of the cohort triangle, newest cohort on top. */
export function cohortCells(cohorts: CohortsAnswer['cohorts']): { rows: string[]; columns: number; data: Array<[number, number, number]> } {
  const sorted = [...cohorts].sort((a, b) => a.cohort.localeCompare(b.cohort))
  const data: Array<[number, number, number]> = []
  sorted.forEach((c, y) => c.retention.forEach((r, x) => data.push([x, y, Math.round(r * 1000) / 10])))
  return { rows: sorted.map((c) => c.cohort), columns: Math.max(0, ...sorted.map((c) => c.retention.length)), data }
}

/** The orders list for one month ('YYYY-MM'): from its first day to the first day of the next. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { from: `${month}-01`, to: `${next}-01` }
}

/** The products of a basket rule, both sides, as the bought_products filter (ids, no repeats). */
export function ruleProducts(rule: { antecedent: Array<{ id: number }>; consequent: Array<{ id: number }> }): DrillFilters {
  const ids = [...new Set([...rule.antecedent, ...rule.consequent].map((p) => p.id))]
  return { bought_products: ids.join(',') }
}

/** A persona's name in the UI language. */
export const personaName = (p: Persona, lang: string): string => (lang === 'zh-CN' ? p['zh-CN'] : p.en)

/** RFM segment sizes as bars (labels in the UI language), each drilling to its segment by its API name. */
export function segmentBars(segments: Array<{ segment: string; customers: number }>, label: (segment: string) => string): BarData {
  return { labels: segments.map((s) => label(s.segment)), values: segments.map((s) => s.customers), drills: segments.map((s) => ({ rfm_segment: s.segment })) }
}

export interface DefiningFeature {
  feature: string
  z: number
  mean: number | null
  overall_mean: number | null
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/**
 * A cluster's defining features from the model report (shape not fixed by the API: `unknown[]`): the
 * entries that name a feature and its z-score, strongest first; anything else is left out.
 */
export function definingRows(items: unknown[]): DefiningFeature[] {
  const out: DefiningFeature[] = []
  for (const it of items) {
    if (it === null || typeof it !== 'object') continue
    const o = it as Record<string, unknown>
    const z = finite(o.z)
    if (typeof o.feature !== 'string' || z === null) continue
    out.push({ feature: o.feature, z, mean: finite(o.mean), overall_mean: finite(o.overall_mean) })
  }
  return out.sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
}

/** A cluster's keywords as words: plain strings, or objects naming the word as term / keyword / word. */
export function keywordTexts(items: unknown[]): string[] {
  const words = items.map((k) => {
    if (typeof k === 'string') return k
    if (k === null || typeof k !== 'object') return ''
    const o = k as Record<string, unknown>
    const w = o.term ?? o.keyword ?? o.word
    return typeof w === 'string' ? w : ''
  })
  return [...new Set(words.filter((w) => w !== ''))]
}
