import { requirePermission, type Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { notFound } from '../../errors/rapport-error.ts'
import { entityView } from '../../store/entity-view.ts'
import type { Row } from '../records/records.ts'
import { readItems } from '../orders/order-items.ts'
import { customerIntelligence } from '../intelligence/customer-intelligence.ts'

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

/**
 * Everything known about one customer, read in one repeatable-read snapshot with a fixed number of queries
 * (twelve, whatever the customer's history): profile; consent history and the current state (the latest
 * record per channel and purpose); order summary with top categories by line revenue; the latest orders
 * with their lines; the latest events, reviews and tickets; what the active models stored for them (customer-intelligence.ts); the
 * campaigns that reached them.
 */
export async function customer360(db: Db, actor: Actor, customerId: number) {
  requirePermission(actor, 'customers:read')
  const workspaceId = actor.workspaceId
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const recent = async (entity: 'orders' | 'events' | 'reviews' | 'tickets' | 'consents', timeCol: string, limit: number | null) => {
      const v = entityView(entity)
      return tx.query<Row>(
        `SELECT ${v.select} FROM ${v.from} WHERE t.workspace_id = $1 AND t.customer_id = $2
         ORDER BY t.${timeCol} DESC, t.id DESC${limit === null ? '' : ` LIMIT ${limit}`}`,
        [workspaceId, customerId],
      )
    }
    const cv = entityView('customers')
    // The reads are independent: issued together, they travel pipelined on PostgreSQL's transaction
    // connection (one round trip's wait instead of eight); PGlite runs them one after another.
    const [profiles, history, sums, categories, orders, events, reviews, tickets, intelligence, campaigns] = await Promise.all([
      tx.query<Row>(`SELECT ${cv.select} FROM ${cv.from} WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, customerId]),
      recent('consents', 'recorded_at', null),
      tx.query<{ orders: number; revenue_orders: number; revenue: number; first_order_at: string | null; last_order_at: string | null }>(
        `SELECT count(*)::int8 AS orders,
                count(*) FILTER (WHERE status NOT IN ${NOT_REVENUE})::int8 AS revenue_orders,
                coalesce(sum(total) FILTER (WHERE status NOT IN ${NOT_REVENUE}), 0)::float8 AS revenue,
                to_char(min(ordered_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS first_order_at,
                to_char(max(ordered_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_order_at
         FROM orders WHERE workspace_id = $1 AND customer_id = $2`,
        [workspaceId, customerId],
      ),
      tx.query<{ category: string | null; revenue: number; quantity: number }>(
        `SELECT p.category, sum(oi.quantity * oi.unit_price)::float8 AS revenue, sum(oi.quantity)::int8 AS quantity
         FROM orders o
         JOIN order_items oi ON oi.workspace_id = o.workspace_id AND oi.order_id = o.id
         JOIN products p ON p.workspace_id = oi.workspace_id AND p.id = oi.product_id
         WHERE o.workspace_id = $1 AND o.customer_id = $2 AND o.status NOT IN ${NOT_REVENUE}
         GROUP BY p.category ORDER BY revenue DESC, p.category NULLS LAST LIMIT ${TOP_CATEGORIES}`,
        [workspaceId, customerId],
      ),
      recent('orders', 'ordered_at', RECENT_ORDERS),
      recent('events', 'occurred_at', RECENT_EVENTS),
      recent('reviews', 'reviewed_at', RECENT_REVIEWS),
      recent('tickets', 'opened_at', RECENT_TICKETS),
      customerIntelligence(tx, workspaceId, customerId),
      // The campaigns that reached them, newest first (the partial index on sent messages serves it).
      tx.query<{ campaign_id: string; name: string; channel: string; status: string; variant: string | null; sent_at: string; opened_at: string | null; clicked_at: string | null; unsubscribed_at: string | null }>(
        `SELECT r.campaign_id, c.name, c.channel, c.status, r.variant,
                to_char(r.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sent_at,
                to_char(r.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS opened_at,
                to_char(r.clicked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS clicked_at,
                to_char(r.unsubscribed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS unsubscribed_at
           FROM campaign_recipients r JOIN campaigns c ON c.workspace_id = r.workspace_id AND c.id = r.campaign_id
          WHERE r.workspace_id = $1 AND r.customer_id = $2 AND r.sent_at IS NOT NULL
          ORDER BY r.sent_at DESC, r.id DESC LIMIT ${RECENT_CAMPAIGNS}`,
        [workspaceId, customerId],
      ),
    ])
    const profile = profiles[0]
    if (!profile) throw notFound(`customer ${customerId}`)
    const current = new Map<string, Row>()
    for (const c of history) {
      const key = `${String(c.channel)}\u0000${String(c.purpose)}`
      if (!current.has(key)) current.set(key, c)
    }
    const s = sums[0]
    const items = await readItems(tx, workspaceId, orders.map((o) => Number(o.id)))
    const summary: OrderSummary = {
      orders: Number(s?.orders ?? 0),
      revenue_orders: Number(s?.revenue_orders ?? 0),
      revenue: Number(s?.revenue ?? 0),
      average_order_value: s && Number(s.revenue_orders) > 0 ? Number(s.revenue) / Number(s.revenue_orders) : null,
      first_order_at: s?.first_order_at ?? null,
      last_order_at: s?.last_order_at ?? null,
      top_categories: categories.map((c) => ({ category: c.category, revenue: Number(c.revenue), quantity: Number(c.quantity) })),
    }
    return {
      profile,
      consents: { current: [...current.values()], history },
      order_summary: summary,
      recent_orders: orders.map((o) => ({ ...o, items: items.get(Number(o.id)) ?? [] })),
      recent_events: events,
      reviews,
      tickets,
      intelligence,
      campaigns: campaigns.map((c) => ({ ...c, campaign_id: Number(c.campaign_id) })),
    }
  })
}
