import { encodeBaskets, type Baskets } from '@rapport/ml'
import type { Db } from '../../store/db.ts'
import { profilingRevokedSql } from './eligibility-sql.ts'
import { ensurePlannerStatistics } from './planner-statistics.ts'

/**
 * Completed-order baskets (the distinct products of each order) before `asOf`, split at `splitAt` into the
 * baskets before it and the ones from it, leaving out orders of customers whose profiling consent is revoked.
 * SQL groups the lines per order and packs every basket into one string (`12,40;7,9,31;…`), so Node gets
 * one row whatever the number of orders. Item names of the Baskets are product ids as text.
 */
export interface OrderBaskets {
  early: Baskets
  late: Baskets
  /** Customers with a completed order before asOf left out for want of profiling consent. */
  excludedNoProfilingConsent: number
}

export async function orderBaskets(db: Db, workspaceId: number, w: { asOf: Date; splitAt: Date; consentCheckedAt?: Date }): Promise<OrderBaskets> {
  await ensurePlannerStatistics(db)
  const checked = (w.consentCheckedAt ?? new Date(Math.max(w.asOf.getTime(), Date.now()))).toISOString()
  const [row] = await db.query<{ early: string | null; late: string | null; excluded: number }>(
    `WITH revoked AS (
       SELECT c.id FROM customers c
        WHERE c.workspace_id = $1 AND ${profilingRevokedSql('$4::timestamptz')}
          AND EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = $1 AND o.customer_id = c.id AND o.status = 'completed' AND o.ordered_at < $2::timestamptz)),
     b AS (
       SELECT o.ordered_at >= $3::timestamptz AS late, string_agg(DISTINCT i.product_id::text, ',') AS items
         FROM orders o JOIN order_items i ON i.workspace_id = o.workspace_id AND i.order_id = o.id
        WHERE o.workspace_id = $1 AND o.status = 'completed' AND o.ordered_at < $2::timestamptz
          AND o.customer_id NOT IN (SELECT id FROM revoked)
        GROUP BY o.id, o.ordered_at)
     SELECT (SELECT string_agg(items, ';') FROM b WHERE NOT late) AS early,
            (SELECT string_agg(items, ';') FROM b WHERE late) AS late,
            (SELECT count(*) FROM revoked) AS excluded`,
    [workspaceId, w.asOf.toISOString(), w.splitAt.toISOString(), checked],
  )
  const parse = (s: string | null | undefined): Baskets => encodeBaskets(s ? s.split(';').map((b) => b.split(',')) : [])
  return { early: parse(row?.early), late: parse(row?.late), excludedNoProfilingConsent: Number(row?.excluded ?? 0) }
}
