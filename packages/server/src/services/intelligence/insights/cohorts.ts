import { requirePermission, type Actor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { dataEnd } from '../data-end.ts'
import { monthKey, monthStart } from './insight-reads.ts'

export interface Cohort {
  /** YYYY-MM: the month (UTC) of the customers' first completed order. */
  cohort: string
  customers: number
  /** retention[k]: share of the cohort with a completed order in the k-th month after it (k = 0 is 1). */
  retention: number[]
}

/**
 * GET /insights/cohorts: monthly acquisition cohorts over the last `months` months before the workspace's data
 * end, and the share of each still buying in each later month up to the data end's month (which is partial).
 * One SQL pass: each customer's first completed month, and the distinct months they bought in, counted per
 * (cohort, months since). Cohorts without customers are left out.
 */
export async function cohortsInsight(db: Db, actor: Actor, opts: { months: number }): Promise<{ data_end: string; cohorts: Cohort[] }> {
  requirePermission(actor, 'customers:read')
  const ws = actor.workspaceId
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const end = await dataEnd(tx, ws)
    const last = monthStart(new Date(end.getTime() - 1))
    const first = monthStart(last, -(opts.months - 1))
    const rows = await tx.query<{ cohort: string; k: number; customers: number }>(
      `WITH bought AS (
         SELECT DISTINCT customer_id, date_trunc('month', ordered_at AT TIME ZONE 'UTC') AS month
         FROM orders WHERE workspace_id = $1 AND status = 'completed' AND ordered_at < $3),
       firsts AS (SELECT customer_id, min(month) AS cohort FROM bought GROUP BY customer_id)
       SELECT to_char(f.cohort, 'YYYY-MM') AS cohort,
              ((extract(year FROM b.month) - extract(year FROM f.cohort)) * 12 + extract(month FROM b.month) - extract(month FROM f.cohort))::int AS k,
              count(*)::int AS customers
       FROM firsts f JOIN bought b ON b.customer_id = f.customer_id
       WHERE f.cohort >= $2::timestamp
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [ws, first.toISOString().slice(0, 19), end.toISOString()],
    )
    const byCohort = new Map<string, Map<number, number>>()
    for (const r of rows) {
      const m = byCohort.get(r.cohort) ?? new Map<number, number>()
      m.set(Number(r.k), Number(r.customers))
      byCohort.set(r.cohort, m)
    }
    const cohorts: Cohort[] = []
    for (let i = 0; i < opts.months; i++) {
      const month = monthStart(first, i)
      const counts = byCohort.get(monthKey(month))
      const size = counts?.get(0) ?? 0
      if (!counts || size === 0) continue
      cohorts.push({ cohort: monthKey(month), customers: size, retention: Array.from({ length: opts.months - i }, (_, k) => (counts.get(k) ?? 0) / size) })
    }
    return { data_end: end.toISOString(), cohorts }
  })
}
