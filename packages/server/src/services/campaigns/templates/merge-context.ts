import type { Db } from '../../../store/db.ts'
import type { MergeContext, RecommendationContext } from './merge-fields.ts'

export interface MergeContextOptions {
  /** The public address of Rapport's shop links, e.g. https://shop.example.com (product pages without a url). */
  baseUrl: string
  workspaceName: string
  /** Recommendations per customer, best first (default 10; at most the 20 the model stores). */
  recommendationLimit?: number
}

interface CustomerRow {
  id: number
  name: string | null
  email: string | null
  city: string | null
  country: string | null
  attributes: Record<string, unknown>
}
interface OrderRow { customer_id: number; date: string; total: number; currency: string | null }
interface ScoreRow { customer_id: number; kind: 'clv' | 'churn' | 'cluster' | 'rfm'; band: string | null; label: string | null }
interface RecommendationRow {
  customer_id: number
  sku: string
  name: string
  category: string | null
  price: number | null
  currency: string | null
  url: string | null
  image_url: string | null
}

/**
 * The merge contexts of a batch of recipients: one query per kind of table for the whole batch. Customers
 * not in the workspace are absent from the map. unsubscribe_url and view_url are left empty: the sender
 * fills them per recipient. Products carry no currency or links of their own; they come from the product's
 * attributes (currency, url, image_url), and a product without a url links to `${baseUrl}/p/<sku>`.
 */
export async function loadMergeContexts(db: Db, workspaceId: number, customerIds: number[], opts: MergeContextOptions): Promise<Map<number, MergeContext>> {
  const contexts = new Map<number, MergeContext>()
  if (customerIds.length === 0) return contexts
  const params = [workspaceId, customerIds]
  const limit = Math.max(0, Math.min(20, Math.trunc(opts.recommendationLimit ?? 10)))
  const [customers, orders, scores, recommendations] = await Promise.all([
    db.query<CustomerRow>(
      `SELECT id, name, email, city, country, attributes FROM customers WHERE workspace_id = $1 AND id = ANY($2::bigint[])`, params),
    db.query<OrderRow>(
      `SELECT DISTINCT ON (customer_id) customer_id, to_char(ordered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, total, currency
         FROM orders WHERE workspace_id = $1 AND customer_id = ANY($2::bigint[]) AND status <> 'cancelled'
        ORDER BY customer_id, ordered_at DESC, id DESC`, params),
    db.query<ScoreRow>(
      `SELECT customer_id, kind, band, label FROM customer_scores
        WHERE workspace_id = $1 AND customer_id = ANY($2::bigint[]) AND kind IN ('clv', 'churn', 'cluster', 'rfm')`, params),
    db.query<RecommendationRow>(
      `SELECT r.customer_id, p.sku, p.name, p.category, p.price, p.attributes->>'currency' AS currency,
              p.attributes->>'url' AS url, p.attributes->>'image_url' AS image_url
         FROM customer_recommendations r JOIN products p ON p.workspace_id = r.workspace_id AND p.id = r.product_id
        WHERE r.workspace_id = $1 AND r.customer_id = ANY($2::bigint[]) AND r.rank <= $3
        ORDER BY r.customer_id, r.rank`, [...params, limit]),
  ])

  for (const c of customers) {
    contexts.set(Number(c.id), {
      customer: { name: c.name, first_name: firstName(c), email: c.email, city: c.city, country: c.country },
      last_order: null,
      clv_band: null,
      churn_band: null,
      persona: null,
      rfm_segment: null,
      recommendations: [],
      unsubscribe_url: '',
      view_url: '',
      workspace: { name: opts.workspaceName },
    })
  }
  for (const o of orders) {
    const ctx = contexts.get(Number(o.customer_id))
    if (ctx) ctx.last_order = { date: o.date, total: Number(o.total), currency: o.currency }
  }
  for (const s of scores) {
    const ctx = contexts.get(Number(s.customer_id))
    if (!ctx) continue
    switch (s.kind) {
      case 'clv': ctx.clv_band = s.band; break
      case 'churn': ctx.churn_band = s.band; break
      case 'cluster': ctx.persona = s.label; break
      case 'rfm': ctx.rfm_segment = s.label; break
    }
  }
  const base = opts.baseUrl.replace(/\/+$/, '')
  for (const r of recommendations) {
    contexts.get(Number(r.customer_id))?.recommendations.push(recommendation(r, base))
  }
  return contexts
}

function recommendation(r: RecommendationRow, base: string): RecommendationContext {
  return {
    name: r.name,
    category: r.category,
    price: r.price === null ? null : Number(r.price),
    currency: r.currency,
    // Links from imported attributes go into href and src: only web links are used.
    url: webLink(r.url) ?? `${base}/p/${encodeURIComponent(r.sku)}`,
    image_url: webLink(r.image_url),
  }
}

const webLink = (s: string | null): string | null => (s !== null && /^https?:\/\/\S+$/i.test(s.trim()) ? s.trim() : null)

/**
 * attributes.first_name when imported; else the first word of a name written with spaces ("Ada Lovelace");
 * else the whole name, which is how a Chinese name (family name first, no spaces) is addressed.
 */
function firstName(c: CustomerRow): string | null {
  const given = c.attributes.first_name
  if (typeof given === 'string' && given.trim() !== '') return given.trim()
  const name = c.name?.trim() ?? ''
  if (name === '') return null
  return name.split(/\s+/)[0] ?? name
}

/** A fixed example recipient, for previews of a template without a real customer. */
export function sampleMergeContext(workspaceName = 'Example Shop'): MergeContext {
  return {
    customer: { name: 'Ada Lovelace', first_name: 'Ada', email: 'ada@example.com', city: 'London', country: 'GB' },
    last_order: { date: '2025-03-14', total: 129.5, currency: 'GBP' },
    clv_band: 'high',
    churn_band: 'low',
    persona: 'Loyal regular',
    rfm_segment: 'Champions',
    recommendations: [
      { name: 'Merino scarf', category: 'Accessories', price: 39, currency: 'GBP', url: 'https://example.com/p/scarf', image_url: 'https://example.com/img/scarf.jpg' },
      { name: 'Leather gloves', category: 'Accessories', price: 54.9, currency: 'GBP', url: 'https://example.com/p/gloves', image_url: 'https://example.com/img/gloves.jpg' },
      { name: 'Wool beanie', category: 'Hats', price: 24, currency: 'GBP', url: 'https://example.com/p/beanie', image_url: null },
    ],
    unsubscribe_url: 'https://example.com/unsubscribe/preview',
    view_url: 'https://example.com/view/preview',
    workspace: { name: workspaceName },
  }
}
