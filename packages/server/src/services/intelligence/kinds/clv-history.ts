import type { Db } from '../../../store/db.ts'
import { eligibleSql, profilingRevokedSql } from '../../../features/store/eligibility-sql.ts'
import { ensurePlannerStatistics, withoutJit } from '../../../features/store/planner-statistics.ts'

const DAY = 86_400_000

/** Day number (days since 1970-01-01, UTC) of an instant: the scale the CLV summaries count in. */
export const dayNumber = (d: Date): number => Math.floor(d.getTime() / DAY)
/** The last whole day a run with exclusive end `asOf` sees. */
export const lastDayBefore = (asOf: Date): number => dayNumber(new Date(asOf.getTime() - 1))
export const dayString = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)

/**
 * Each customer's completed purchases before asOf, reduced in SQL to what the BG/NBD, Pareto/NBD and
 * Gamma-Gamma models need, for the whole period and split at a calibration end. The conventions are those
 * of `buildCalibrationHoldout` (@rapport/ml, used by `rapport analyze clv`), so both paths agree:
 * all completed orders of a customer on one UTC day are one transaction (values summed); the first is not
 * a repeat; days on or before `calibrationEnd` are the calibration period, later ones the holdout.
 * Customers whose profiling consent is revoked (as of asOf) are left out. Day numbers, not units.
 */
export interface ClvHistory {
  customerIds: number[]
  first: Float64Array
  /** Repeat transactions before asOf, the day of the last, and the value of the repeats. */
  xAll: Float64Array
  lastAll: Float64Array
  repeatValueAll: Float64Array
  /** The same within the calibration period; xCal = −1 when the first purchase is after it. */
  xCal: Float64Array
  lastCal: Float64Array
  repeatValueCal: Float64Array
  /** Transactions after the calibration end, and the value of those up to `valueEnd`. */
  xHold: Float64Array
  valueHold: Float64Array
}

export interface HistoryWindow {
  asOf: Date
  /** Last calibration day (inclusive). */
  calibrationEnd: number
  /** Last day whose holdout value is summed (inclusive). */
  valueEnd: number
}

export async function clvHistory(db: Db, workspaceId: number, w: HistoryWindow): Promise<ClvHistory> {
  const rows = await withoutJit(db, (q) => q.query<{
    customer_id: number; first: number; x_all: number; last_all: number; rv_all: number
    x_cal: number; last_cal: number | null; rv_cal: number; x_hold: number; v_hold: number
  }>(
    // The consent check runs once per customer (in "allowed", materialised), never once per order.
    `WITH allowed AS MATERIALIZED (
       SELECT c.id FROM customers c WHERE c.workspace_id = $1 AND NOT ${profilingRevokedSql('$2::timestamptz')}
     ), d AS (
       SELECT o.customer_id, floor(extract(epoch FROM o.ordered_at) / 86400)::int AS day, sum(o.total)::float8 AS value
         FROM orders o JOIN allowed a ON a.id = o.customer_id
        WHERE o.workspace_id = $1 AND o.status = 'completed' AND o.ordered_at < $2::timestamptz
        GROUP BY o.customer_id, 2
     ), f AS (SELECT d.*, min(d.day) OVER (PARTITION BY d.customer_id) AS first FROM d)
     SELECT customer_id::float8 AS customer_id, first::float8 AS first,
            (count(*) - 1)::float8 AS x_all, max(day)::float8 AS last_all,
            coalesce(sum(value) FILTER (WHERE day > first), 0)::float8 AS rv_all,
            (count(*) FILTER (WHERE day <= $3::int) - 1)::float8 AS x_cal,
            (max(day) FILTER (WHERE day <= $3::int))::float8 AS last_cal,
            coalesce(sum(value) FILTER (WHERE day > first AND day <= $3::int), 0)::float8 AS rv_cal,
            (count(*) FILTER (WHERE day > $3::int))::float8 AS x_hold,
            coalesce(sum(value) FILTER (WHERE day > $3::int AND day <= $4::int), 0)::float8 AS v_hold
       FROM f GROUP BY customer_id, first ORDER BY customer_id`,
    [workspaceId, w.asOf.toISOString(), w.calibrationEnd, w.valueEnd],
  ))
  const n = rows.length
  const col = () => new Float64Array(n)
  const h: ClvHistory = {
    customerIds: rows.map((r) => Number(r.customer_id)),
    first: col(), xAll: col(), lastAll: col(), repeatValueAll: col(),
    xCal: col(), lastCal: col(), repeatValueCal: col(), xHold: col(), valueHold: col(),
  }
  rows.forEach((r, i) => {
    h.first[i] = r.first
    h.xAll[i] = r.x_all
    h.lastAll[i] = r.last_all
    h.repeatValueAll[i] = r.rv_all
    h.xCal[i] = r.x_cal
    h.lastCal[i] = r.last_cal ?? NaN
    h.repeatValueCal[i] = r.rv_cal
    h.xHold[i] = r.x_hold
    h.valueHold[i] = r.v_hold
  })
  return h
}

/** Every customer a run as of asOf may score (eligible, profiling not revoked), and how many were left out. */
export async function clvPopulation(db: Db, workspaceId: number, asOf: Date): Promise<{ customerIds: number[]; excludedNoProfilingConsent: number }> {
  // After a bulk import PGlite's planner knows no row counts and picks nested loops that cost seconds.
  await ensurePlannerStatistics(db)
  const rows = await db.query<{ id: number; revoked: boolean }>(
    `SELECT c.id::float8 AS id, ${profilingRevokedSql('$2::timestamptz')} AS revoked
       FROM customers c WHERE c.workspace_id = $1 AND ${eligibleSql('$2::timestamptz')} ORDER BY c.id`,
    [workspaceId, asOf.toISOString()],
  )
  const customerIds: number[] = []
  let excluded = 0
  for (const r of rows) {
    if (r.revoked) excluded++
    else customerIds.push(Number(r.id))
  }
  return { customerIds, excludedNoProfilingConsent: excluded }
}
