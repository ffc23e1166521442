import type { Db } from '../../../store/db.ts'
import type { MergeContext, RecommendationContext } from './merge-fields.ts'

export interface MergeContextOptions {
  /** The public address of Rapport's shop links, e.g. https://shop.example.com (product pages without a url). */
  baseUrl: string
  workspaceName: string
  /** Recommendations per customer, best first (default 10; at most the 20 the model stores). */
  recommendationLimit?: number
  /**
   * Also the contexts of a campaign's next `limit` planned recipients after ledger row `afterId`, in the same
   * query: a sender reads ahead of its claims (merge-ahead.ts) instead of asking once per small batch.
   */
  upcoming?: { campaignId: number; afterId: number; limit: number }
}

/** One customer's row with everything merged in: the last order's columns, the four scores, the recommendations as JSON. */
interface MergeRow {
  id: number
  name: string | null
  email: string | null
  city: string | null
  country: string | null
  attributes: Record<string, unknown>
  order_date: string | null
  order_total: number | null
  order_currency: string | null
  clv_band: string | null
  churn_band: string | null
  persona: string | null
  rfm_segment: string | null
  recommendations: RecommendationRow[]
}
interface RecommendationRow {
  sku: string
  name: string
  category: string | null
  price: number | null
  currency: string | null
  url: string | null
  image_url: string | null
}

/**
 * The merge contexts of a batch of recipients, in one query for the whole batch (the customer, their last
 * order, scores and recommendations joined per customer: one round trip, where one query per table took four).
 * Customers not in the workspace are absent from the map. unsubscribe_url and view_url are left empty: the
 * sender fills them per recipient. Products carry no currency or links of their own; they come from the
 * product's attributes (currency, url, image_url), and a product without a url links to `${baseUrl}/p/<sku>`.
 */
export async function loadMergeContexts(db: Db, workspaceId: number, customerIds: number[], opts: MergeContextOptions): Promise<Map<number, MergeContext>> {
  const contexts = new Map<number, MergeContext>()
  if (customerIds.length === 0) return contexts
  const limit = Math.max(0, Math.min(20, Math.trunc(opts.recommendationLimit ?? 10)))
  const rows = await db.query<MergeRow>(
    `SELECT c.id, c.name, c.email, c.city, c.country, c.attributes,
            o.date AS order_date, o.total AS order_total, o.currency AS order_currency,
            s.clv_band, s.churn_band, s.persona, s.rfm_segment, r.recommendations
       FROM customers c
       LEFT JOIN LATERAL (
         SELECT to_char(ordered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, total, currency FROM orders
          WHERE workspace_id = c.workspace_id AND customer_id = c.id AND status <> 'cancelled'
          ORDER BY ordered_at DESC, id DESC LIMIT 1) o ON true
       CROSS JOIN LATERAL (
         SELECT max(band) FILTER (WHERE kind = 'clv') AS clv_band, max(band) FILTER (WHERE kind = 'churn') AS churn_band,
                max(label) FILTER (WHERE kind = 'cluster') AS persona, max(label) FILTER (WHERE kind = 'rfm') AS rfm_segment
           FROM customer_scores WHERE workspace_id = c.workspace_id AND customer_id = c.id AND kind IN ('clv', 'churn', 'cluster', 'rfm')) s
       CROSS JOIN LATERAL (
         SELECT coalesce(json_agg(json_build_object('sku', p.sku, 'name', p.name, 'category', p.category, 'price', p.price,
                  'currency', p.attributes->>'currency', 'url', p.attributes->>'url', 'image_url', p.attributes->>'image_url') ORDER BY cr.rank), '[]') AS recommendations
           FROM customer_recommendations cr JOIN products p ON p.workspace_id = cr.workspace_id AND p.id = cr.product_id
          WHERE cr.workspace_id = c.workspace_id AND cr.customer_id = c.id AND cr.rank <= $3) r
      WHERE c.workspace_id = $1 AND c.id = ANY($2::bigint[] || ARRAY(
              SELECT customer_id FROM campaign_recipients
               WHERE workspace_id = $1 AND campaign_id = $4 AND state = 'planned' AND id > $5
               ORDER BY id LIMIT $6))`,
    [workspaceId, customerIds, limit, opts.upcoming?.campaignId ?? 0, opts.upcoming?.afterId ?? 0, opts.upcoming?.limit ?? 0])

  const base = opts.baseUrl.replace(/\/+$/, '')
  for (const c of rows) {
    contexts.set(Number(c.id), {
      customer: { name: c.name, first_name: firstName(c), email: c.email, city: c.city, country: c.country },
      last_order: c.order_date === null ? null : { date: c.order_date, total: Number(c.order_total), currency: c.order_currency },
      clv_band: c.clv_band,
      churn_band: c.churn_band,
      persona: c.persona,
      rfm_segment: c.rfm_segment,
      recommendations: c.recommendations.map((r) => recommendation(r, base)),
      unsubscribe_url: '',
      view_url: '',
      workspace: { name: opts.workspaceName },
    })
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
function firstName(c: Pick<MergeRow, 'name' | 'attributes'>): string | null {
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
