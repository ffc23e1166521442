/**
 * The one database handle every service uses, over PGlite (embedded) or PostgreSQL. SQL goes through
 * `query`; the migrations are the one description of the tables (test/integration/table-descriptions.test.ts
 * checks the other views of them). PGlite is a single connection, so its implementation serialises access:
 * a transaction holds the connection until it ends and nothing interleaves with it.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres'
  /**
   * `name` makes it a named prepared statement on PostgreSQL: parsed once per connection and, once PostgreSQL
   * finds its generic plan as good as a custom one, planned once too. For hot reads whose text never changes
   * (the 360° view). PGlite ignores it.
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs fn in one transaction; nested calls on the tx handle join it. Rolls back when fn throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface QueryOptions {
  name?: string
}

/** Postgres int8 and numeric come back as numbers on both drivers (ids stay well below 2^53). */
export const NUMERIC_OIDS = { int8: 20, numeric: 1700 } as const

export function toNumber(v: string | null): number | null {
  return v === null ? null : Number(v)
}
