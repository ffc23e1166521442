import type { Column, Frame } from '@rapport/ml'
import type { Db } from '../../store/db.ts'
import { featureColumns } from './feature-columns.ts'
import { excludedCountQuery, featureQuery } from './feature-sql.ts'
import { ensurePlannerStatistics, withoutJit } from './planner-statistics.ts'
import { topCategories } from './top-categories.ts'

/**
 * Point-in-time customer features from the store: one row per eligible customer as of `asOf` (see
 * eligibility-sql.ts), every value computed in SQL from rows timestamped strictly before asOf (feature-sql.ts;
 * the columns are listed in feature-columns.ts), shaped here into the typed-array Frame that @rapport/ml's
 * pipeline and classifiers take (numbers as Float64Array with NaN for missing, categoricals as codes into
 * sorted levels). Computing in the database keeps Node's memory at one row per customer whatever the order
 * and event volume. Statements: a catalogue check (planner-statistics.ts), top categories (unless given), the
 * exclusion count, the features. The feature rows come from one statement, hence one snapshot; run the call
 * in a REPEATABLE READ transaction if the count and categories must come from the same one.
 *
 * Customers whose `profiling` consent is revoked get no row (and no feature is computed for them); their
 * number is reported. Scoring is this function as of now with the training set's `spec`.
 */
export interface CustomerFeatureOptions {
  asOf: Date
  customerIds?: readonly number[]
  /** Categories whose shares are columns. Default: the workspace's top `topCategories` before asOf. */
  categories?: readonly string[]
  /** Default 8. */
  topCategories?: number
  /**
   * When profiling consent is checked. Default: the later of asOf and now, so a revocation recorded after a
   * past asOf (a backtest, a training cut-off) still keeps the customer out: consent is about processing now.
   */
  consentCheckedAt?: Date
  /** Leave out columns that are not point-in-time (current ticket status); training sets do. */
  pointInTimeOnly?: boolean
}

/** What must be the same at training and scoring time for the columns to mean the same. */
export interface FeatureSpec {
  categories: string[]
}

export interface CustomerFeatures {
  asOf: Date
  /** customers.id of each row, ascending. */
  customerIds: Float64Array
  frame: Frame
  spec: FeatureSpec
  /** Eligible customers left out because their profiling consent is revoked. */
  excludedNoProfilingConsent: number
}

export const DEFAULT_TOP_CATEGORIES = 8

export async function customerFeatures(db: Db, workspaceId: number, options: CustomerFeatureOptions): Promise<CustomerFeatures> {
  const { asOf } = options
  if (Number.isNaN(asOf.getTime())) throw new RangeError('asOf is not a valid date')
  await ensurePlannerStatistics(db)
  const categories = options.categories
    ? [...options.categories]
    : await topCategories(db, workspaceId, asOf, options.topCategories ?? DEFAULT_TOP_CATEGORIES)
  const consentCheckedAt = options.consentCheckedAt ?? new Date(Math.max(asOf.getTime(), Date.now()))
  const columns = featureColumns(categories).filter((c) => c.pointInTime || !options.pointInTimeOnly)
  const input = { workspaceId, asOf, consentCheckedAt, customerIds: options.customerIds, categories, columns }
  const excludedQuery = excludedCountQuery(input)
  const query = featureQuery(input)
  const { excluded, rows } = await withoutJit(db, async (q) => {
    const tuned = db.kind === 'postgres' && !options.customerIds
    // withoutJit may join a caller's transaction: the settings are put back once the query has run.
    const [before] = tuned ? await q.query<{ i: string; w: string }>(`SELECT current_setting('enable_indexscan') AS i, current_setting('work_mem') AS w`) : []
    if (tuned) await q.exec(WHOLE_WORKSPACE_SETTINGS)
    const [n] = await q.query<{ n: number }>(excludedQuery.text, excludedQuery.params)
    const out = { excluded: n, rows: await q.query<Record<string, unknown>>(query.text, query.params) }
    if (before) await q.query(`SELECT set_config('enable_indexscan', $1, true), set_config('work_mem', $2, true)`, [before.i, before.w])
    return out
  })
  const frameColumns = columns.map((c, i): Column => {
    const key = `f${i}`
    if (c.kind === 'numeric') return { name: c.name, kind: 'numeric', values: Float64Array.from(rows, (r) => asNumber(r[key])) }
    return categorical(c.name, rows.map((r) => (r[key] === null || r[key] === undefined ? null : String(r[key]))))
  })
  return {
    asOf,
    customerIds: Float64Array.from(rows, (r) => Number(r.customer_id)),
    frame: { nRows: rows.length, columns: frameColumns },
    spec: { categories },
    excludedNoProfilingConsent: Number(excluded?.n ?? 0),
  }
}

/**
 * Planner settings for the feature query over a whole workspace on PostgreSQL (SET LOCAL: the transaction of
 * withoutJit only). Every fact table is read in full there, and with the default settings the planner read
 * events and orders through their (customer, time) indexes to feed sorted group aggregates: on the
 * 100,000-customer demo 8.8 s of random heap reads for the 4M events and 3.1 s for the orders, of a 25.8 s
 * query; sequential scans with sorts in 64 MB instead took it to 15.1 s (measured under the same load). The
 * per-customer consent lookups still use their indexes as bitmap scans. A customerIds restriction keeps the
 * defaults: then the index scans are the right plan.
 */
const WHOLE_WORKSPACE_SETTINGS = "SET LOCAL enable_indexscan = off; SET LOCAL work_mem = '64MB'"

function asNumber(v: unknown): number {
  return v === null || v === undefined ? Number.NaN : Number(v)
}

/** Codes into the sorted distinct values (code-unit order, so the same on every machine); null → −1. */
function categorical(name: string, values: readonly (string | null)[]): Column {
  const levels = [...new Set(values.filter((v): v is string => v !== null))].sort()
  const index = new Map(levels.map((l, k) => [l, k]))
  const codes = Int32Array.from(values, (v) => (v === null ? -1 : (index.get(v) ?? -1)))
  return { name, kind: 'categorical', codes, levels }
}
