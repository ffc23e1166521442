import { profilingRevokedSql } from '../../../features/store/eligibility-sql.ts'
import type { Db } from '../../../store/db.ts'

/**
 * Recency (whole days from the last completed order to asOf), frequency (completed orders) and monetary
 * value (their total) of every customer with a completed order before asOf, as one GROUP BY over the orders
 * in the database; customers whose profiling consent is revoked (checked at the later of asOf and now, as
 * the feature store does) are counted and left out. Rows ascend by customer id.
 */
export interface RfmValues {
  customerIds: Float64Array
  recencyDays: Float64Array
  frequency: Float64Array
  monetary: Float64Array
  excludedNoProfilingConsent: number
}

export async function rfmValues(db: Db, workspaceId: number, asOf: Date, now = new Date()): Promise<RfmValues> {
  const checkedAt = new Date(Math.max(asOf.getTime(), now.getTime()))
  const rows = await db.query<{ id: number; recency: number; frequency: number; monetary: number; revoked: boolean }>(
    `WITH o AS (
       SELECT x.customer_id, max(x.ordered_at) AS last_at, count(*) AS n, sum(x.total) AS revenue
         FROM orders x
        WHERE x.workspace_id = $1 AND x.status = 'completed' AND x.ordered_at < $2
        GROUP BY x.customer_id)
     SELECT c.id::float8 AS id,
            floor(extract(epoch from ($2::timestamptz - o.last_at)) / 86400)::float8 AS recency,
            o.n::float8 AS frequency, o.revenue::float8 AS monetary,
            ${profilingRevokedSql('$3::timestamptz')} AS revoked
       FROM o JOIN customers c ON c.workspace_id = $1 AND c.id = o.customer_id
      ORDER BY c.id`,
    [workspaceId, asOf.toISOString(), checkedAt.toISOString()],
  )
  const kept = rows.filter((r) => !r.revoked)
  return {
    customerIds: Float64Array.from(kept, (r) => Number(r.id)),
    recencyDays: Float64Array.from(kept, (r) => Number(r.recency)),
    frequency: Float64Array.from(kept, (r) => Number(r.frequency)),
    monetary: Float64Array.from(kept, (r) => Number(r.monetary)),
    excludedNoProfilingConsent: rows.length - kept.length,
  }
}
