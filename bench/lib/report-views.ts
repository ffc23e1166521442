import { markdownTable } from './report.ts'
import { brief } from './stage-report.ts'

/**
 * Readable views of the parts of an active version's report that say what the model found: cluster
 * profiles and personas, RFM segments, the CLV calibration/holdout table. A shape this file does not know
 * (a kind changed its report) is shown as compact JSON instead.
 */
type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const n = (v: unknown, digits = 3): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(digits)) : '–')
const en = (v: unknown): string => (isObj(v) ? String(v.en ?? brief(v)) : String(v ?? ''))

function clusters(value: unknown): string | undefined {
  if (!Array.isArray(value) || !value.every(isObj)) return undefined
  return markdownTable(['cluster', 'persona', 'share', 'defining features (cluster mean vs all; z)'], value.map((c) => {
    const profile = Array.isArray(c.profile) ? (c.profile.filter(isObj)) : []
    const top = [...profile].sort((a, b) => Math.abs(Number(b.z ?? 0)) - Math.abs(Number(a.z ?? 0))).slice(0, 4)
    return [String(c.cluster ?? ''), en(c.persona), n(c.share), top.map((f) => `${String(f.feature)} ${n(f.mean)} vs ${n(f.overall_mean)} (z ${n(f.z, 2)})`).join('; ')]
  }))
}

function segments(value: unknown): string | undefined {
  if (!Array.isArray(value) || !value.every(isObj)) return undefined
  return markdownTable(['segment', 'customers', 'share', 'revenue share', 'mean recency days', 'mean orders', 'mean value'],
    value.map((s) => [en(s.name ?? s.segment), n(s.customers), n(s.share), n(s.revenue_share), n(s.mean_recency_days), n(s.mean_frequency), n(s.mean_monetary)]))
}

function table(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isObj)) return undefined
  const cols = Object.keys(value[0] as Obj)
  return markdownTable(cols, value.slice(0, 12).map((r) => cols.map((c) => (typeof r[c] === 'number' ? n(r[c], 4) : brief(r[c], 60)))))
}

const VIEWS: Array<{ kind: string; key: string; title: string; view: (v: unknown) => string | undefined }> = [
  { kind: 'clusters', key: 'clusters', title: 'Cluster profiles and personas', view: clusters },
  { kind: 'rfm', key: 'segments', title: 'RFM segments', view: segments },
  { kind: 'clv', key: 'calibration_holdout', title: 'CLV calibration/holdout table (Fader–Hardie–Lee): predicted vs actual holdout purchases per calibration frequency', view: table },
]

/** Markdown blocks for one active version's report. */
export function reportViews(kind: string, report: Obj): string[] {
  return VIEWS.filter((v) => v.kind === kind && report[v.key] !== undefined).flatMap((v) => {
    const shown = v.view(report[v.key]) ?? brief(report[v.key], 1500)
    return [`${v.title} (${kind}, report \`${v.key}\`):`, '', shown, '']
  })
}
