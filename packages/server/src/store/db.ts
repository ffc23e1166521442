import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema.ts'

/**
 * The one database handle every service uses, over PGlite (embedded) or PostgreSQL. Raw SQL goes through
 * `query`; typed queries through `orm` (Drizzle). PGlite is a single connection, so its implementation
 * serialises access: a transaction holds the connection until it ends and nothing interleaves with it.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres'
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs fn in one transaction; nested calls on the tx handle join it. Rolls back when fn throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
  readonly orm: Orm
  close(): Promise<void>
}

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>

/** Postgres int8 and numeric come back as numbers on both drivers (ids stay well below 2^53). */
export const NUMERIC_OIDS = { int8: 20, numeric: 1700 } as const

export function toNumber(v: string | null): number | null {
  return v === null ? null : Number(v)
}
