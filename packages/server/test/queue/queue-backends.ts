import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { InProcessQueue } from '../../src/adapters/queue/inprocess-queue.ts'
import { PgBossQueue } from '../../src/adapters/queue/pgboss-queue.ts'
import type { Queue } from '../../src/adapters/queue/queue.ts'
import type { Db } from '../../src/store/db.ts'
import { migrate } from '../../src/store/migrate.ts'
import { openPgliteDb } from '../../src/store/pglite-db.ts'
import { openPostgresDb } from '../../src/store/postgres-db.ts'

/** Timings the tests may change per queue. */
export interface TestQueueOptions {
  stopTimeoutMs?: number
  timeoutMs?: number
  now?: () => Date
}

/** A database of its own for one suite, and a way to open queues over it with fast test timings. */
export interface QueueBackend {
  name: string
  db: Db
  openQueue(opts?: TestQueueOptions): Queue
  close(): Promise<void>
}

export interface QueueDriver {
  name: string
  open(): Promise<QueueBackend>
}

/** The in-process driver on PGlite always; pg-boss on PostgreSQL when TEST_DATABASE_URL is set. */
export function queueDrivers(): QueueDriver[] {
  const drivers: QueueDriver[] = [
    {
      name: 'in-process on PGlite',
      async open() {
        const db = await openPgliteDb('memory://')
        await migrate(db)
        return {
          name: 'in-process',
          db,
          openQueue: (o = {}) =>
            new InProcessQueue(db, { pollMs: 50, cancelPollMs: 100, progressIntervalMs: 50, stopTimeoutMs: o.stopTimeoutMs, timeoutMs: o.timeoutMs, schedules: { tickMs: 100, now: o.now }, onError: quiet }),
          close: () => db.close(),
        }
      },
    },
  ]
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    drivers.push({
      name: 'pg-boss on PostgreSQL',
      async open() {
        const pgSchema = await freshSchema(url)
        const db = await openPostgresDb(url, { schema: pgSchema.schema })
        await migrate(db)
        return {
          name: 'pg-boss',
          db,
          openQueue: (o = {}) =>
            new PgBossQueue(db, {
              connectionString: url,
              schema: `${pgSchema.schema}_boss`,
              pollingIntervalSeconds: 0.5,
              cancelPollMs: 100,
              progressIntervalMs: 50,
              stopTimeoutMs: o.stopTimeoutMs,
              timeoutMs: o.timeoutMs,
              schedules: { tickMs: 100, now: o.now },
              onError: quiet,
            }),
          async close() {
            await db.close()
            await pgSchema.drop()
          },
        }
      },
    })
  }
  return drivers
}

/** A new, empty schema (plus `<schema>_boss` for pg-boss, dropped with it). */
export async function freshSchema(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  await admin(url, `CREATE SCHEMA ${schema}`)
  return { schema, drop: () => admin(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_boss CASCADE`) }
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

/** Errors the queue reports in the background are expected in some tests (a handler that throws); set RAPPORT_DEBUG to see them. */
const quiet = (err: unknown): void => {
  if (process.env.RAPPORT_DEBUG) process.stderr.write(`queue: ${(err as Error).message}\n`)
}
