/**
 * The customer-list filters that charts drill down with (a churn band, an RFM segment, a cohort, the
 * customers who bought a rule's products, a CLV range, …). They live in the list's URL, next to the
 * list's own filters, and show as removable chips; a min/max pair is one chip.
 */
export const DRILL_KEYS = [
  'churn_band', 'churn_min', 'churn_max', 'clv_min', 'clv_max', 'p_alive_min', 'p_alive_max',
  'rfm_segment', 'cluster', 'next_category', 'cohort', 'bought_products',
] as const
export type DrillKey = (typeof DRILL_KEYS)[number]
export type DrillFilters = Partial<Record<DrillKey, string>>

/** A chip: the i18n key of what it filters on (namespace customers, `drill.<field>`), its value, the URL keys it stands for. */
export type Chip =
  | { id: string; field: string; keys: DrillKey[]; kind: 'value'; value: string }
  | { id: string; field: string; keys: DrillKey[]; kind: 'range'; from?: number; to?: number }

const RANGES: Array<{ field: string; min: DrillKey; max: DrillKey }> = [
  { field: 'churn', min: 'churn_min', max: 'churn_max' },
  { field: 'clv', min: 'clv_min', max: 'clv_max' },
  { field: 'pAlive', min: 'p_alive_min', max: 'p_alive_max' },
]
const VALUES: Array<{ field: string; key: DrillKey }> = [
  { field: 'churnBand', key: 'churn_band' },
  { field: 'rfmSegment', key: 'rfm_segment' },
  { field: 'cluster', key: 'cluster' },
  { field: 'nextCategory', key: 'next_category' },
  { field: 'cohort', key: 'cohort' },
  { field: 'boughtProducts', key: 'bought_products' },
]

const present = (v: string | undefined): v is string => v !== undefined && v !== ''
const num = (v: string | undefined): number | undefined => {
  if (!present(v)) return undefined
  const n = Number(v)
  return Number.isFinite(n) ? n : undefined
}

/** The drill-down filters in a query string (unknown keys and empty values are left out). */
export function drillFiltersFrom(params: URLSearchParams): DrillFilters {
  const out: DrillFilters = {}
  for (const k of DRILL_KEYS) {
    const v = params.get(k)
    if (present(v ?? undefined)) out[k] = v as string
  }
  return out
}

/** The chips for a set of drill-down filters, ranges first, in a fixed order. */
export function drillChips(f: DrillFilters): Chip[] {
  const chips: Chip[] = []
  for (const r of RANGES) {
    const from = num(f[r.min])
    const to = num(f[r.max])
    if (from !== undefined || to !== undefined) chips.push({ id: r.field, field: r.field, keys: [r.min, r.max], kind: 'range', from, to })
  }
  for (const v of VALUES) {
    const value = f[v.key]
    if (present(value)) chips.push({ id: v.field, field: v.field, keys: [v.key], kind: 'value', value })
  }
  return chips
}

/** The filters without what a chip stands for (what clicking its × leaves). */
export function withoutChip(f: DrillFilters, chip: Chip): DrillFilters {
  return Object.fromEntries(Object.entries(f).filter(([k]) => !chip.keys.includes(k as DrillKey))) as DrillFilters
}

/** The customers list filtered as given: the link every chart and table drills down with. */
export function customersUrl(f: DrillFilters): string {
  const qs = new URLSearchParams()
  for (const k of DRILL_KEYS) {
    const v = f[k]
    if (present(v)) qs.set(k, v)
  }
  const s = qs.toString()
  return `/customers${s ? `?${s}` : ''}`
}
