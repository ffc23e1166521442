import type { Consent, Customer360 } from './customer-360.ts'

/**
 * Reading the 360° view's `intelligence` part: the stored score of each kind (churn, clv, next_category,
 * rfm, cluster) with its kind-specific details, and whether the customer revoked profiling consent (then
 * nothing is stored for them, by design, and the panels say so instead of "not scored yet").
 */
export type Intelligence = Customer360['intelligence']
export type StoredScore = Intelligence['scores'][number]
export type Recommendation = Intelligence['recommendations'][number]
export type ScoreKind = 'churn' | 'clv' | 'next_category' | 'rfm' | 'cluster'

/** The registry kind that writes each score kind (cluster scores come from the `clusters` model). */
export const MODEL_KIND_OF: Record<ScoreKind | 'recommendations', string> = {
  churn: 'churn', clv: 'clv', next_category: 'next_category', rfm: 'rfm', cluster: 'clusters', recommendations: 'recommend',
}

export const scoreOf = (i: Intelligence, kind: ScoreKind): StoredScore | undefined => i.scores.find((s) => s.kind === kind)

export interface ChurnReason {
  feature: string
  value: string
  /** Log-odds contribution: > 0 raises the risk. */
  effect: number
  direction: 'up' | 'down'
}

/** The churn score's reasons, strongest first, keeping only well-formed entries. */
export function churnReasons(reasons: unknown): ChurnReason[] {
  if (!Array.isArray(reasons)) return []
  const out: ChurnReason[] = []
  for (const r of reasons as unknown[]) {
    if (typeof r !== 'object' || r === null) continue
    const { feature, value, effect } = r as Record<string, unknown>
    if (typeof feature !== 'string' || typeof effect !== 'number' || !Number.isFinite(effect) || effect === 0) continue
    out.push({ feature, value: value === null || value === undefined ? '' : String(value), effect, direction: effect > 0 ? 'up' : 'down' })
  }
  return out.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
}

const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** CLV details: P(alive) and expected orders over the horizon (other numeric details are listed as they come). */
export function clvDetails(details: unknown): { pAlive?: number; expectedOrders?: number } {
  const d = record(details)
  const pAlive = finite(d.p_alive)
  const expectedOrders = finite(d.expected_orders)
  return { ...(pAlive !== undefined && { pAlive }), ...(expectedOrders !== undefined && { expectedOrders }) }
}

/** The persona's name in the UI language, from details.persona ({ en, zh-CN }), else the stored label. */
export function personaName(score: StoredScore, lang: string): string | undefined {
  const p = record(record(score.details).persona)
  const name = lang === 'zh-CN' ? (p['zh-CN'] ?? p.en) : (p.en ?? p['zh-CN'])
  return typeof name === 'string' && name.trim() ? name : (score.label ?? undefined)
}

/** Next-category probabilities, highest first ({ probabilities: { category: p } } or [{ category, probability }]). */
export function categoryProbabilities(details: unknown): Array<{ category: string; probability: number }> {
  const p = record(details).probabilities
  const rows = Array.isArray(p)
    ? (p as unknown[]).map((r) => record(r)).map((r) => ({ category: String(r.category ?? ''), probability: finite(r.probability) ?? NaN }))
    : Object.entries(record(p)).map(([category, v]) => ({ category, probability: finite(v) ?? NaN }))
  return rows.filter((r) => r.category !== '' && Number.isFinite(r.probability)).sort((a, b) => b.probability - a.probability)
}

/** True when the customer's latest profiling-consent record (any channel) says revoked (a tie counts as revoked). */
export function profilingRevoked(history: readonly Pick<Consent, 'purpose' | 'status' | 'recorded_at'>[]): boolean {
  let latest: Pick<Consent, 'status' | 'recorded_at'> | undefined
  for (const c of history) {
    if (c.purpose !== 'profiling') continue
    const t = Date.parse(c.recorded_at)
    const l = latest ? Date.parse(latest.recorded_at) : -Infinity
    if (t > l || (t === l && c.status === 'revoked')) latest = c
  }
  return latest?.status === 'revoked'
}
