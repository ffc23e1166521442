import pg from 'pg'
import { NUMERIC_OIDS, toNumber, type Db, type QueryOptions } from './db.ts'

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === NUMERIC_OIDS.int8 || oid === NUMERIC_OIDS.numeric ? toNumber : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

/** Opens a connection pool on a PostgreSQL server (DATABASE_URL). */
export async function openPostgresDb(url: string, opts: { schema?: string } = {}): Promise<Db> {
  // Sessions run in UTC so timestamps without an offset mean the same on every server; `schema` isolates a
  // test suite in its own namespace.
  const options = `-c TimeZone=UTC${opts.schema ? ` -c search_path=${opts.schema}` : ''}`
  const pool = new pg.Pool({ connectionString: url, max: 10, types, options })
  // Transactions get connections in pipeline mode: a statement goes on the wire as soon as it is issued,
  // even while an earlier one is still running, and the replies come back in order. A bulk import issues
  // batch n+1's reference lookups and upsert while batch n's upsert runs; without pipelining each statement
  // was sent (and its parameters serialised) only once the previous reply was in, and the server sat idle
  // meanwhile (measured: a 1M-line import spent about a quarter of its time in such gaps).
  const txPool = new pg.Pool({ connectionString: url, max: 5, types, options, pipeline: true } as pg.PoolConfig)
  // Fail fast with a readable message when the server is not there.
  try {
    await pool.query('SELECT 1')
  } catch (err) {
    await pool.end()
    throw new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${(err as Error).message}`)
  }
  const onClient = (client: pg.PoolClient): Db => {
    const db: Db = {
      kind: 'postgres',
      async query<T>(text: string, params: unknown[] = [], opts: QueryOptions = {}) {
        return (await client.query({ text, values: params, name: opts.name })).rows as T[]
      },
      async exec(sql: string) {
        await client.query(sql)
      },
      async transaction<T>(fn: (tx: Db) => Promise<T>) {
        return fn(db)
      },
      async close() {},
    }
    return db
  }

  return {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = [], opts: QueryOptions = {}) {
      return (await pool.query({ text, values: params, name: opts.name })).rows as T[]
    },
    async exec(sql: string) {
      await pool.query(sql)
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      const client = await txPool.connect()
      try {
        await client.query('BEGIN')
        const out = await fn(onClient(client))
        await client.query('COMMIT')
        return out
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    async close() {
      await Promise.all([pool.end(), txPool.end()])
    },
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}
