import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Db } from '../src/store/db.ts'
import { migrate } from '../src/store/migrate.ts'
import { openPgliteDb } from '../src/store/pglite-db.ts'
import { openPostgresDb } from '../src/store/postgres-db.ts'

/**
 * The databases every integration suite runs on: PGlite in memory always, and PostgreSQL when
 * TEST_DATABASE_URL is set (each suite in a fresh schema of its own, dropped when it closes).
 */
export interface Backend {
  name: 'PGlite' | 'PostgreSQL'
  open(): Promise<Db>
}

export function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'PGlite',
      async open() {
        const db = await openPgliteDb('memory://')
        await migrate(db)
        return db
      },
    },
  ]
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    list.push({
      name: 'PostgreSQL',
      async open() {
        const schema = `t_${randomBytes(6).toString('hex')}`
        const admin = new pg.Client({ connectionString: url })
        await admin.connect()
        await admin.query(`CREATE SCHEMA ${schema}`)
        await admin.end()
        const db = await openPostgresDb(url, { schema })
        await migrate(db)
        const close = db.close.bind(db)
        return Object.assign(Object.create(Object.getPrototypeOf(db) as object) as Db, db, {
          async close() {
            await close()
            const c = new pg.Client({ connectionString: url })
            await c.connect()
            await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
            await c.end()
          },
        })
      },
    })
  }
  return list
}
