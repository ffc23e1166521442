import type { SegmentNode } from '../../packages/server/src/domain/segment-tree.ts'
import type { Db } from '../../packages/server/src/store/db.ts'
import { WORKSPACE } from './segments-data.ts'

/**
 * The benchmark's segment: five conditions, two behaviour windows, one prediction — "Shanghai customers
 * with at least two purchases in the last year and an e-mail click in 60 days, high churn risk, reachable by e-mail".
 */
export const BENCH_TREE: SegmentNode = {
  type: 'all',
  conditions: [
    { type: 'profile', field: 'city', op: 'in', value: ['上海', 'Shanghai'] },
    { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 365 }, op: '>=', value: 2 },
    { type: 'behaviour', source: 'events', measure: 'count', window: { last_days: 60 }, filter: { event_type: ['email_click'] }, op: '>=', value: 1 },
    { type: 'prediction', field: 'churn_band', op: 'is', value: 'high' },
    { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' },
  ],
}

/** What each of BENCH_TREE's conditions says, in its order, for the results file. */
export const BENCH_CONDITION_LABELS = [
  'city in (上海, Shanghai), case-insensitive as the compiler reads text',
  'orders (paid, shipped, completed) in the last 365 days ≥ 2',
  'events of type email_click in the last 60 days ≥ 1',
  'churn band is high (stored churn scores)',
  'e-mail marketing consent granted (the latest record)',
] as const

/**
 * The same segment as an expert would write it by hand: semi-joins (EXISTS) and correlated look-ups that
 * the planner can drive from the narrowest condition, with the compiler's semantics kept (case-insensitive
 * city, purchase statuses, windows ending at the evaluation instant, the latest consent with revocation
 * winning a tie). $1 is the evaluation instant.
 */
export const HAND_COUNT_SQL = `
SELECT count(*) AS n
  FROM customers c
 WHERE c.workspace_id = ${WORKSPACE}
   AND lower(c.city) IN ('上海', 'shanghai')
   AND EXISTS (SELECT 1 FROM customer_scores s
                WHERE s.workspace_id = ${WORKSPACE} AND s.kind = 'churn' AND s.customer_id = c.id AND lower(s.band) = 'high')
   AND EXISTS (SELECT 1 FROM events e
                WHERE e.workspace_id = ${WORKSPACE} AND e.customer_id = c.id AND e.type = 'email_click'
                  AND e.occurred_at >= $1::timestamptz - interval '60 days' AND e.occurred_at <= $1::timestamptz)
   AND (SELECT count(*) FROM orders o
         WHERE o.workspace_id = ${WORKSPACE} AND o.customer_id = c.id AND o.status IN ('paid', 'shipped', 'completed')
           AND o.ordered_at >= $1::timestamptz - interval '365 days' AND o.ordered_at <= $1::timestamptz) >= 2
   AND (SELECT x.status FROM consents x
         WHERE x.workspace_id = ${WORKSPACE} AND x.customer_id = c.id AND x.channel = 'email' AND x.purpose = 'marketing'
           AND x.recorded_at <= $1::timestamptz
         ORDER BY x.recorded_at DESC, (x.status = 'revoked') DESC, x.id DESC LIMIT 1) = 'granted'`

export interface DataChange {
  rescored: number
  clicks: number
  revoked: number
}

/**
 * About 1 % of the data changes between the two refreshes, each change stamped between the first refresh
 * and `at`: 1 % of the churn scores get a new score and band, 1 % of customers an e-mail click, 0.5 % of
 * those with e-mail consent a revocation — so some members leave and some customers join.
 */
export async function changeOnePercent(db: Db, first: Date, at: Date): Promise<DataChange> {
  const span = (salt: number, id: string) => `$1::timestamptz + ($2::timestamptz - $1::timestamptz) * bench_u(${id}, ${salt})`
  const params = [first.toISOString(), at.toISOString()]
  const [rescored] = await db.query<{ n: number }>(`
    WITH changed AS (
      UPDATE customer_scores s SET score = round(bench_u(s.customer_id, 82)::numeric, 4)::float8,
             percentile = round(bench_u(s.customer_id, 82)::numeric, 4)::float8 * 100,
             band = CASE WHEN bench_u(s.customer_id, 82) >= 0.7 THEN 'high' WHEN bench_u(s.customer_id, 82) >= 0.4 THEN 'medium' ELSE 'low' END
       WHERE s.workspace_id = ${WORKSPACE} AND s.kind = 'churn' AND bench_u(s.customer_id, 81) < 0.01 RETURNING 1)
    SELECT count(*)::int AS n FROM changed`)
  const [clicks] = await db.query<{ n: number }>(`
    WITH added AS (
      INSERT INTO events (workspace_id, external_id, customer_id, type, occurred_at)
      SELECT ${WORKSPACE}, 'change-click-' || c.id, c.id, 'email_click', ${span(84, 'c.id')}
        FROM customers c WHERE c.workspace_id = ${WORKSPACE} AND bench_u(c.id, 83) < 0.01 RETURNING 1)
    SELECT count(*)::int AS n FROM added`, params)
  const [revoked] = await db.query<{ n: number }>(`
    WITH added AS (
      INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at, source)
      SELECT ${WORKSPACE}, 'change-revoke-' || x.customer_id, x.customer_id, 'email', 'marketing', 'revoked', ${span(86, 'x.customer_id')}, 'bench'
        FROM consents x WHERE x.workspace_id = ${WORKSPACE} AND x.channel = 'email' AND x.status = 'granted' AND bench_u(x.customer_id, 85) < 0.005
      RETURNING 1)
    SELECT count(*)::int AS n FROM added`, params)
  return { rescored: Number(rescored?.n ?? 0), clicks: Number(clicks?.n ?? 0), revoked: Number(revoked?.n ?? 0) }
}
