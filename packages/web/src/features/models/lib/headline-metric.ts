/**
 * Which backtest number a model is judged by at a glance, and whether it beats its baseline. The server's
 * `report.primary` names it when the report is at hand; the registry list carries only the flat metrics,
 * so the choice there follows the same order the kinds use for their primary metric.
 */
export type Metrics = Record<string, number | null>

export interface Headline {
  name: string
  value: number | null
  baseline: number | null
  higherIsBetter: boolean
  /** True / false when both numbers exist, else undefined. */
  beatsBaseline: boolean | undefined
}

const PREFERRED = ['roc_auc', 'ndcg_at_10', 'map_at_10', 'recall_at_10', 'precision_at_10', 'accuracy', 'macro_f1', 'mae', 'rmse', 'log_likelihood', 'silhouette', 'lift']
const BOOKKEEPING = new Set(['rows', 'positive_rate'])

/** Lower is better for losses and errors; higher for everything else (AUC, nDCG, lift, likelihood …). */
export const lowerIsBetter = (name: string): boolean => /(^|_)(loss|error|mae|rmse|mape|brier|deviance)(_|$)/.test(name)

export function pickHeadline(metrics: Metrics, primary?: { name: string; higherIsBetter?: boolean }): Headline | undefined {
  const own = Object.keys(metrics).filter((k) => !k.startsWith('baseline_') && !BOOKKEEPING.has(k))
  const name =
    (primary && primary.name in metrics ? primary.name : undefined) ??
    PREFERRED.find((k) => k in metrics) ??
    own.find((k) => `baseline_${k}` in metrics) ??
    own[0]
  if (name === undefined) return undefined
  const value = metrics[name] ?? null
  const baseline = metrics[`baseline_${name}`] ?? null
  const higherIsBetter = primary?.name === name && primary.higherIsBetter !== undefined ? primary.higherIsBetter : !lowerIsBetter(name)
  const beatsBaseline = value === null || baseline === null ? undefined : higherIsBetter ? value >= baseline : value <= baseline
  return { name, value, baseline, higherIsBetter, beatsBaseline }
}

export interface MetricRow {
  name: string
  value: number | null
  baseline: number | null
}

/** The metrics as rows of model vs baseline (a baseline-only metric gets a row with no model value). */
export function metricRows(metrics: Metrics): MetricRow[] {
  const rows = new Map<string, MetricRow>()
  for (const [k, v] of Object.entries(metrics)) {
    const base = k.startsWith('baseline_')
    const name = base ? k.slice('baseline_'.length) : k
    const row = rows.get(name) ?? { name, value: null, baseline: null }
    if (base) row.baseline = v
    else row.value = v
    rows.set(name, row)
  }
  return [...rows.values()]
}

/** A metric in the UI language: whole numbers as such, others with up to 3 decimals; missing as —. */
export function formatMetric(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return new Intl.NumberFormat(lang, { maximumFractionDigits: Number.isInteger(value) ? 0 : 3 }).format(value)
}
