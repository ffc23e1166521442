import type { Db } from '../../store/db.ts'

/**
 * Analyzes the tables the feature query reads that have never been analyzed (pg_class.reltuples < 0). PGlite
 * has no autovacuum, so after a bulk import its planner knows nothing about row counts and picks nested loops
 * that cost seconds (measured on the 5,000-customer demo in PGlite: the feature query took 8.6 s under
 * EXPLAIN ANALYZE with a nested loop over consents, 0.5 s with hash joins once analyzed). On PostgreSQL
 * autovacuum normally got there first and this is one catalogue lookup. ANALYZE reads a fixed-size sample
 * per table (300 × default_statistics_target rows), so its cost does not grow with the table.
 */
const TABLES = ['customers', 'orders', 'order_items', 'products', 'events', 'reviews', 'tickets', 'consents'] as const

export async function ensurePlannerStatistics(db: Db): Promise<string[]> {
  const rows = await db.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c WHERE c.oid = ANY(ARRAY[${TABLES.map((t) => `to_regclass('${t}')`).join(', ')}]) AND c.reltuples < 0`,
  )
  const missing = rows.map((r) => r.relname).filter((t) => (TABLES as readonly string[]).includes(t))
  if (missing.length > 0) await db.exec(`ANALYZE ${missing.join(', ')}`)
  return missing
}

/**
 * Runs fn in a transaction with JIT compilation off (PostgreSQL; PGlite has no JIT and runs fn as is). The
 * feature, CLV and interaction queries are single large statements whose row estimates (CTEs, FILTER
 * aggregates) put their cost far above jit_above_cost: on the 20,000-customer demo PostgreSQL spent 1.6 s
 * compiling the feature query's expressions (jit_inline and jit_optimize) for a 2.8 s execution without JIT,
 * on every call. Called inside a transaction, fn joins it and JIT stays off until that transaction ends.
 */
export function withoutJit<T>(db: Db, fn: (q: Db) => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return fn(db)
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off')
    return fn(tx)
  })
}
