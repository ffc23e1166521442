import type { Db } from '../../../store/db.ts'
import { roundUp, scoreHistogram, type HistogramBin } from './score-histogram.ts'

export const CLV_BINS = 10

export interface ClvDistribution {
  histogram: HistogramBin[]
  total: number
  median: number | null
  customers: number
}

/**
 * The stored 12-month values (customer_scores kind clv): their sum, median and a histogram from 0 to a round
 * edge at or above the 95th percentile (the long tail goes into the last bin, so one big spender does not
 * squash every other bar into the first).
 */
export async function clvDistribution(db: Db, workspaceId: number): Promise<ClvDistribution> {
  const [s] = await db.query<{ n: number; total: number | null; median: number | null; p95: number | null; lo: number | null }>(
    `SELECT count(*)::int AS n, sum(score)::float8 AS total,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY score)::float8 AS median,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY score)::float8 AS p95, min(score)::float8 AS lo
     FROM customer_scores WHERE workspace_id = $1 AND kind = 'clv' AND score IS NOT NULL`,
    [workspaceId],
  )
  const n = Number(s?.n ?? 0)
  const lo = Math.min(0, Number(s?.lo ?? 0))
  const span = Number(s?.p95 ?? 0) - lo
  const hi = lo + (span > 0 ? roundUp(span) : 1)
  return {
    histogram: n === 0 ? [] : await scoreHistogram(db, workspaceId, 'clv', lo, hi, CLV_BINS),
    total: Number(s?.total ?? 0),
    median: s?.median === null || s?.median === undefined ? null : Number(s.median),
    customers: n,
  }
}
