import type { Db } from '../../../store/db.ts'
import { StoreFixture } from '../../../features/store/store-fixture.ts'

/**
 * Test data for the insight endpoints and the customer-list score filters: a workspace of generated customers,
 * products and orders (seeded, so every run is the same) with hand-inserted model versions and stored results,
 * all returned as plain lists so a test can work out each expected aggregate in JS on its own.
 */
export interface FixtureOrder {
  customer: number
  at: string
  status: 'completed' | 'cancelled'
  lines: Array<[product: number, quantity: number, unitPrice: number]>
  total: number
}

export interface FixtureScore {
  kind: 'churn' | 'clv' | 'rfm' | 'cluster' | 'next_category'
  customer: number
  score: number | null
  band: string | null
  label: string | null
  details: Record<string, unknown> | null
}

export interface FixtureRule {
  antecedent: number[]
  consequent: number[]
  support: number
  confidence: number
  lift: number
}

export interface InsightFixture {
  workspaceId: number
  customers: Array<{ id: number; channel: string | null }>
  products: number[]
  orders: FixtureOrder[]
  scores: FixtureScore[]
  recommendations: Array<{ customer: number; rank: number; product: number }>
  rules: FixtureRule[]
  /** Active version id per model kind. */
  versions: Record<string, { id: number; version: number }>
  /** A product id that exists in no workspace (a rule naming it is left out). */
  missingProduct: number
  dataEnd: Date
}

/** Park–Miller generator: small, seeded, the same on every platform. */
function rng(seed: number): () => number {
  let s = seed % 2147483647 || 1
  return () => {
    s = (s * 48271) % 2147483647
    return (s - 1) / 2147483646
  }
}

const CHANNELS = ['wechat', 'web', 'store', null] as const
const SEGMENTS = ['Champions', 'Loyal', 'At risk', 'Hibernating'] as const

export async function seedInsightWorkspace(db: Db, slug: string, seed: number, opts: { customers?: number } = {}): Promise<InsightFixture> {
  const base = new StoreFixture(db)
  const workspaceId = await base.workspace(slug)
  const fx = new StoreFixture(db, workspaceId, `${slug}-`)
  const random = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
  const products: number[] = []
  for (const category of ['tea', 'tea', 'cups', 'cups', 'snacks', null]) products.push(await fx.product(category))
  const customers: InsightFixture['customers'] = []
  const n = opts.customers ?? 30
  for (let i = 0; i < n; i++) {
    const channel = CHANNELS[i % CHANNELS.length] ?? null
    customers.push({ id: await fx.customer({ signup_at: '2024-06-01T00:00:00Z', ...(channel && { signup_channel: channel }) }), channel })
  }
  const orders: FixtureOrder[] = []
  const start = Date.parse('2025-01-01T00:00:00Z')
  const span = Date.parse('2026-06-10T00:00:00Z') - start
  for (const [i, c] of customers.entries()) {
    // Every fifth customer never orders; the others 1–6 orders spread over 17 months.
    if (i % 5 === 4) continue
    const count = 1 + Math.floor(random() * 6)
    for (let k = 0; k < count; k++) {
      const at = new Date(start + Math.floor(random() * span / 1000) * 1000).toISOString()
      const chosen = [...new Set([pick(products), pick(products), ...(random() < 0.5 ? [products[0] as number, products[2] as number] : [])])]
      const lines = chosen.map((p): [number, number, number] => [p, 1 + Math.floor(random() * 3), 5 + Math.floor(random() * 40)])
      orders.push({ customer: c.id, at, status: random() < 0.15 ? 'cancelled' : 'completed', lines, total: lines.reduce((s, [, q, u]) => s + q * u, 0) })
    }
  }
  // The last order, so the data end is known exactly: 2026-06-15T10:00:01Z.
  const lastCustomer = customers[0]?.id as number
  orders.push({ customer: lastCustomer, at: '2026-06-15T10:00:00.000Z', status: 'completed', lines: [[products[1] as number, 2, 10]], total: 20 })
  for (const o of orders) await fx.order(o.customer, o.at, o.status, 'web', o.lines, o.total)

  const versions: InsightFixture['versions'] = {}
  const version = async (kind: string, status: string, report: unknown, metrics: unknown = {}) => {
    const [row] = await db.query<{ id: number; version: number }>(
      `INSERT INTO model_versions (workspace_id, kind, version, status, actor_label, report, metrics, scored_at)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, 'test', $4, $5, '2026-06-16T00:00:00Z' FROM model_versions WHERE workspace_id = $1 AND kind = $2
       RETURNING id, version`,
      [workspaceId, kind, status, JSON.stringify(report), JSON.stringify(metrics)],
    )
    if (!row) throw new Error('no version')
    if (status === 'active') versions[kind] = { id: Number(row.id), version: Number(row.version) }
    return Number(row.id)
  }
  const missingProduct = 9_000_000_000 + seed
  const rules: FixtureRule[] = [
    { antecedent: [products[0] as number], consequent: [products[2] as number], support: 0.2, confidence: 0.6, lift: 2.5 },
    { antecedent: [products[2] as number], consequent: [products[0] as number], support: 0.2, confidence: 0.7, lift: 2.4 },
    { antecedent: [products[0] as number, products[2] as number], consequent: [products[4] as number], support: 0.05, confidence: 0.3, lift: 1.2 },
    { antecedent: [products[1] as number], consequent: [products[3] as number], support: 0.1, confidence: 0.9, lift: 1.1 },
    { antecedent: [products[5] as number], consequent: [missingProduct], support: 0.5, confidence: 0.9, lift: 9 },
  ]
  await version('churn', 'active', {}, { roc_auc: 0.8 })
  await version('clv', 'active', { calibration_table: [{ frequency: 0, customers: 12, actual: 0.2, predicted: 0.25 }, { frequency: 1, customers: 8, actual: 1.1, predicted: 1.0 }] })
  await version('rfm', 'active', { grid: [], segments: [] })
  await version('rfm', 'trained', {})
  await version('clusters', 'active', {
    k: 3, silhouette: 0.31,
    clusters: [
      { cluster: 0, customers: 11, share: 0.4, persona: { en: 'Tea lovers', 'zh-CN': '爱茶人' }, defining: [{ feature: 'share_tea', z: 1.8 }], keywords: ['香', 'fresh', 3], profile: [{ feature: 'orders', mean: 3.1 }, { z: 1 }] },
      { cluster: 1, customers: 9, persona: { en: 'Bargain hunters', 'zh-CN': '精打细算' }, defining: [], keywords: [], profile: [] },
      { cluster: 'x' },
    ],
  })
  await version('basket_rules', 'active', { rules: [...rules, { antecedent: 'bad', consequent: [], support: 1 }] })
  await version('next_category', 'active', {})
  await version('recommend', 'active', {})

  const scores: FixtureScore[] = []
  const fixed = [0, 1, 0.3, 0.6]
  for (const [i, c] of customers.entries()) {
    if (i % 7 !== 6) {
      const p = i < fixed.length ? (fixed[i] as number) : Math.round(random() * 1000) / 1000
      scores.push({ kind: 'churn', customer: c.id, score: p, band: p < 0.3 ? 'low' : p < 0.6 ? 'medium' : 'high', label: null, details: null })
    }
    if (i % 4 !== 3) {
      const value = i === 1 ? 10_000 : Math.round(random() * 50_000) / 100
      scores.push({ kind: 'clv', customer: c.id, score: value, band: null, label: null, details: { p_alive: Math.round(random() * 1000) / 1000, expected_orders: 1.5 } })
    }
    const r = 1 + (i % 5)
    const f = 1 + ((i * 3) % 5)
    scores.push({ kind: 'rfm', customer: c.id, score: null, band: null, label: SEGMENTS[(r + f) % SEGMENTS.length] as string, details: { r, f, m: 1 + ((i * 7) % 5), recency: 10 * i } })
    const cluster = i % 3
    const persona = cluster === 2 ? { en: 'Quiet ones', 'zh-CN': '沉默者' } : cluster === 0 ? { en: 'Tea lovers', 'zh-CN': '爱茶人' } : { en: 'Bargain hunters', 'zh-CN': '精打细算' }
    scores.push({ kind: 'cluster', customer: c.id, score: null, band: null, label: persona.en, details: { cluster, persona } })
    if (i % 2 === 0) scores.push({ kind: 'next_category', customer: c.id, score: 0.4, band: null, label: i % 4 === 0 ? 'tea' : 'cups', details: { tea: 0.4 } })
  }
  const versionOf = { churn: 'churn', clv: 'clv', rfm: 'rfm', cluster: 'clusters', next_category: 'next_category' } as const
  for (const s of scores) {
    await db.query(
      `INSERT INTO customer_scores (workspace_id, kind, customer_id, model_version_id, score, band, label, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [workspaceId, s.kind, s.customer, versions[versionOf[s.kind]]?.id, s.score, s.band, s.label, s.details === null ? null : JSON.stringify(s.details)],
    )
  }
  const recommendations: InsightFixture['recommendations'] = []
  for (const [i, c] of customers.slice(0, 12).entries()) {
    for (let rank = 1; rank <= 3; rank++) recommendations.push({ customer: c.id, rank, product: products[(i + rank) % 4] as number })
  }
  for (const r of recommendations) {
    await db.query(
      `INSERT INTO customer_recommendations (workspace_id, customer_id, rank, product_id, score, source, model_version_id) VALUES ($1, $2, $3, $4, 1, 'model', $5)`,
      [workspaceId, r.customer, r.rank, r.product, versions.recommend?.id],
    )
  }
  return { workspaceId, customers, products, orders, scores, recommendations, rules, versions, missingProduct, dataEnd: new Date('2026-06-15T10:00:01.000Z') }
}
