import pg from 'pg'

export interface FreshDatabase {
  url: string
  drop: () => Promise<void>
}

/**
 * A new, empty PostgreSQL database on the server of BENCH_DATABASE_URL (default the local one), or undefined
 * when no server answers. `drop` removes it, even with connections still open.
 */
export async function freshPostgres(prefix: string): Promise<FreshDatabase | undefined> {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `${prefix}_${Date.now()}`
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2000 })
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
  } catch {
    return undefined
  } finally {
    await admin.end().catch(() => undefined)
  }
  return {
    url: base.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const c = new pg.Client({ connectionString: base })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}
