import type { Db } from '../../store/db.ts'
import { profilingRevokedSql } from './eligibility-sql.ts'

/**
 * Per-order features for anomaly scoring, computed in SQL for the orders (any status) placed in [from, to)
 * by customers whose profiling consent is not revoked (checked once per customer, not per order): the total, the items (units over its lines), the
 * adjustment (total minus the lines' sum: a discount when negative, fees or shipping when positive — the
 * schema has no discount column), the UTC hour, and velocity: the same customer's orders in the 24 hours and
 * 7 days before (window functions over the customer's orders, reading 7 days before `from` so the first
 * orders' counts are complete). Columns as typed arrays, rows ascending by order id.
 */
export const ORDER_FEATURES = ['total', 'items', 'adjustment', 'hour_utc', 'orders_prev_24h', 'orders_prev_7d'] as const
export type OrderFeatureName = (typeof ORDER_FEATURES)[number]

export interface OrderFeatures {
  orderIds: Float64Array
  customerIds: Float64Array
  /** Epoch milliseconds of each order. */
  orderedAt: Float64Array
  columns: Record<OrderFeatureName, Float64Array>
  /** Orders in the window left out because their customer's profiling consent is revoked, and those customers. */
  excluded: { orders: number; customers: number }
}

export async function orderFeatures(db: Db, workspaceId: number, from: Date, to: Date, consentCheckedAt: Date): Promise<OrderFeatures> {
  const params = [workspaceId, from.toISOString(), to.toISOString(), consentCheckedAt.toISOString()]
  const revoked = profilingRevokedSql('$4::timestamptz')
  const rows = await db.query<Record<string, number>>(
    `WITH revoked AS MATERIALIZED (SELECT c.id FROM customers c WHERE c.workspace_id = $1 AND ${revoked}),
     o AS (
       SELECT x.id, x.customer_id, x.ordered_at, x.total,
              count(*) OVER (PARTITION BY x.customer_id ORDER BY x.ordered_at RANGE BETWEEN interval '24 hours' PRECEDING AND CURRENT ROW) - 1 AS orders_prev_24h,
              count(*) OVER (PARTITION BY x.customer_id ORDER BY x.ordered_at RANGE BETWEEN interval '7 days' PRECEDING AND CURRENT ROW) - 1 AS orders_prev_7d
         FROM orders x
        WHERE x.workspace_id = $1 AND x.ordered_at >= $2::timestamptz - interval '7 days' AND x.ordered_at < $3
     ), lines AS (
       SELECT i.order_id, sum(i.quantity)::float8 AS items, sum(i.quantity * i.unit_price)::float8 AS line_total
         FROM order_items i JOIN orders x ON x.workspace_id = i.workspace_id AND x.id = i.order_id
        WHERE i.workspace_id = $1 AND x.ordered_at >= $2 AND x.ordered_at < $3
        GROUP BY i.order_id
     )
     SELECT o.id, o.customer_id, (extract(epoch FROM o.ordered_at) * 1000)::float8 AS ordered_ms, o.total::float8 AS total, coalesce(l.items, 0) AS items,
            (o.total - coalesce(l.line_total, 0))::float8 AS adjustment,
            extract(hour FROM o.ordered_at AT TIME ZONE 'UTC')::float8 AS hour_utc,
            o.orders_prev_24h::float8 AS orders_prev_24h, o.orders_prev_7d::float8 AS orders_prev_7d
       FROM o
       LEFT JOIN lines l ON l.order_id = o.id
      WHERE o.ordered_at >= $2 AND o.customer_id NOT IN (SELECT id FROM revoked)
      ORDER BY o.id`,
    params,
  )
  const [excluded] = await db.query<{ orders: number; customers: number }>(
    `WITH revoked AS MATERIALIZED (SELECT c.id FROM customers c WHERE c.workspace_id = $1 AND ${revoked})
     SELECT count(*)::int AS orders, count(DISTINCT x.customer_id)::int AS customers
       FROM orders x
      WHERE x.workspace_id = $1 AND x.ordered_at >= $2 AND x.ordered_at < $3 AND x.customer_id IN (SELECT id FROM revoked)`,
    params,
  )
  const column = (name: string) => Float64Array.from(rows, (r) => Number(r[name]))
  return {
    orderIds: column('id'),
    customerIds: column('customer_id'),
    orderedAt: column('ordered_ms'),
    columns: Object.fromEntries(ORDER_FEATURES.map((f) => [f, column(f)])) as Record<OrderFeatureName, Float64Array>,
    excluded: { orders: Number(excluded?.orders ?? 0), customers: Number(excluded?.customers ?? 0) },
  }
}
