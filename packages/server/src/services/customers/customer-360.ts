import { requirePermission, type Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { notFound } from '../../errors/rapport-error.ts'
import { entityView, isoTime } from '../../store/entity-view.ts'
import type { Row } from '../records/records.ts'
import { jsonRows, withoutN } from '../../store/query/json-rows.ts'
import type { ItemRow } from '../orders/order-items.ts'
import { intelligenceFromJson, intelligenceSql, type StoredRecommendationRow, type StoredScoreRow } from '../intelligence/customer-intelligence.ts'

export const RECENT_ORDERS = 10
export const RECENT_EVENTS = 50
export const RECENT_REVIEWS = 50
export const RECENT_TICKETS = 50
export const RECENT_CAMPAIGNS = 10
export const TOP_CATEGORIES = 5
/** Orders that brought no money: counted as orders, left out of revenue and categories. */
const NOT_REVENUE = `('cancelled', 'refunded')`

export interface OrderSummary {
  orders: number
  revenue_orders: number
  revenue: number
  average_order_value: number | null
  first_order_at: string | null
  last_order_at: string | null
  top_categories: Array<{ category: string | null; revenue: number; quantity: number }>
}

const recent = (entity: 'events' | 'reviews' | 'tickets' | 'consents', timeCol: string, limit: number | null): string => {
  const v = entityView(entity)
  return jsonRows(v.select, `FROM ${v.from} WHERE t.workspace_id = $1 AND t.customer_id = $2`, `t.${timeCol} DESC, t.id DESC`, limit)
}

// The campaigns that reached them, newest first (the partial index on sent messages serves it).
const campaignsSql = jsonRows(
  `r.campaign_id, c.name, c.channel, c.status, r.variant, ${isoTime('r.sent_at')} AS sent_at,
   ${isoTime('r.opened_at')} AS opened_at, ${isoTime('r.clicked_at')} AS clicked_at, ${isoTime('r.unsubscribed_at')} AS unsubscribed_at`,
  `FROM campaign_recipients r JOIN campaigns c ON c.workspace_id = r.workspace_id AND c.id = r.campaign_id
   WHERE r.workspace_id = $1 AND r.customer_id = $2 AND r.sent_at IS NOT NULL`,
  'r.sent_at DESC, r.id DESC', RECENT_CAMPAIGNS)

const ordersView = entityView('orders')
const customersView = entityView('customers')

/**
 * The whole 360° view as one statement: one snapshot by construction (a single statement sees one), one
 * round trip, and one plan to cache (it is a named prepared statement on PostgreSQL). Measured with
 * `npm run bench -- api`: the view used to be twelve statements in a repeatable-read transaction, and
 * PostgreSQL's per-statement work (parse, plan, transaction bookkeeping) was most of its cost.
 */
const VIEW_SQL = `
SELECT
  (SELECT row_to_json(p) FROM (SELECT ${customersView.select} FROM ${customersView.from} WHERE t.workspace_id = $1 AND t.id = $2) p) AS profile,
  ${recent('consents', 'recorded_at', null)} AS consents,
  s.orders, s.revenue_orders, s.revenue, s.first_order_at, s.last_order_at,
  (SELECT coalesce(json_agg(c ORDER BY c.revenue DESC, c.category NULLS LAST), '[]'::json) FROM (
     SELECT p.category, sum(oi.quantity * oi.unit_price)::float8 AS revenue, sum(oi.quantity)::int8 AS quantity
     FROM orders o
     JOIN order_items oi ON oi.workspace_id = o.workspace_id AND oi.order_id = o.id
     JOIN products p ON p.workspace_id = oi.workspace_id AND p.id = oi.product_id
     WHERE o.workspace_id = $1 AND o.customer_id = $2 AND o.status NOT IN ${NOT_REVENUE}
     GROUP BY p.category ORDER BY revenue DESC, p.category NULLS LAST LIMIT ${TOP_CATEGORIES}) c) AS categories,
  (SELECT coalesce(json_agg(o ORDER BY o.__n), '[]'::json) FROM (
     SELECT x.*, (SELECT coalesce(json_agg(i ORDER BY i.id), '[]'::json) FROM (
       SELECT oi.id, p.sku, oi.product_id AS product_internal_id, oi.quantity, oi.unit_price::float8 AS unit_price
       FROM order_items oi JOIN products p ON p.workspace_id = oi.workspace_id AND p.id = oi.product_id
       WHERE oi.workspace_id = $1 AND oi.order_id = x.id) i) AS items
     FROM (SELECT row_number() OVER (ORDER BY t.ordered_at DESC, t.id DESC) AS __n, ${ordersView.select}
           FROM ${ordersView.from} WHERE t.workspace_id = $1 AND t.customer_id = $2
           ORDER BY t.ordered_at DESC, t.id DESC LIMIT ${RECENT_ORDERS}) x) o) AS recent_orders,
  ${recent('events', 'occurred_at', RECENT_EVENTS)} AS events,
  ${recent('reviews', 'reviewed_at', RECENT_REVIEWS)} AS reviews,
  ${recent('tickets', 'opened_at', RECENT_TICKETS)} AS tickets,
  ${intelligenceSql}
  ${campaignsSql} AS campaigns
FROM (
  SELECT count(*)::int8 AS orders,
         count(*) FILTER (WHERE status NOT IN ${NOT_REVENUE})::int8 AS revenue_orders,
         coalesce(sum(total) FILTER (WHERE status NOT IN ${NOT_REVENUE}), 0)::float8 AS revenue,
         ${isoTime('min(ordered_at)')} AS first_order_at,
         ${isoTime('max(ordered_at)')} AS last_order_at
  FROM orders WHERE workspace_id = $1 AND customer_id = $2) s`

interface ViewRow {
  profile: Row | null
  consents: Row[]
  orders: number
  revenue_orders: number
  revenue: number
  first_order_at: string | null
  last_order_at: string | null
  categories: Array<{ category: string | null; revenue: number; quantity: number }>
  recent_orders: Array<Row & { items: ItemRow[] }>
  events: Row[]
  reviews: Row[]
  tickets: Row[]
  scores: StoredScoreRow[]
  recommendations: StoredRecommendationRow[]
  campaigns: Array<{ campaign_id: number; name: string; channel: string; status: string; variant: string | null; sent_at: string; opened_at: string | null; clicked_at: string | null; unsubscribed_at: string | null }>
}

/**
 * Everything known about one customer, read in one statement (VIEW_SQL), whatever the customer's history:
 * profile; consent history and the current state (the latest record per channel and purpose); order summary
 * with top categories by line revenue; the latest orders with their lines; the latest events, reviews and
 * tickets; what the active models stored for them (customer-intelligence.ts); the campaigns that reached them.
 */
export async function customer360(db: Db, actor: Actor, customerId: number) {
  requirePermission(actor, 'customers:read')
  const [row] = await db.query<ViewRow>(VIEW_SQL, [actor.workspaceId, customerId], { name: 'customer-360' })
  if (!row?.profile) throw notFound(`customer ${customerId}`)
  const history = withoutN(row.consents)
  const current = new Map<string, Row>()
  for (const c of history) {
    const key = `${String(c.channel)}\u0000${String(c.purpose)}`
    if (!current.has(key)) current.set(key, c)
  }
  const summary: OrderSummary = {
    orders: Number(row.orders),
    revenue_orders: Number(row.revenue_orders),
    revenue: Number(row.revenue),
    average_order_value: Number(row.revenue_orders) > 0 ? Number(row.revenue) / Number(row.revenue_orders) : null,
    first_order_at: row.first_order_at,
    last_order_at: row.last_order_at,
    top_categories: row.categories.map((c) => ({ category: c.category, revenue: Number(c.revenue), quantity: Number(c.quantity) })),
  }
  return {
    profile: row.profile,
    consents: { current: [...current.values()], history },
    order_summary: summary,
    recent_orders: withoutN(row.recent_orders),
    recent_events: withoutN(row.events),
    reviews: withoutN(row.reviews),
    tickets: withoutN(row.tickets),
    intelligence: intelligenceFromJson(row.scores, row.recommendations),
    campaigns: withoutN(row.campaigns).map((c) => ({ ...c, campaign_id: Number(c.campaign_id) })),
  }
}
