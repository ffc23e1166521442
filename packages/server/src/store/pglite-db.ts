import { mkdirSync } from 'node:fs'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { PGlite } from '@electric-sql/pglite'
import { AsyncLock } from './async-lock.ts'
import { NUMERIC_OIDS, toNumber, type Db } from './db.ts'

/**
 * PGlite runs in this thread and settles its promises as microtasks, so a job that awaits one query after
 * another never lets the event loop poll for I/O: a model training on the embedded database would hold every
 * HTTP request until it ends. Each statement therefore waits for the next turn of the loop first.
 */
const yieldToLoop = (): Promise<void> => nextTurn()

/** Opens PGlite in `dataDir` (created if missing), or in memory when dataDir is 'memory://'. */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  const client = await PGlite.create(dataDir, {
    parsers: { [NUMERIC_OIDS.int8]: toNumber, [NUMERIC_OIDS.numeric]: toNumber },
  })
  const lock = new AsyncLock()
  const direct = (inTx: boolean): Db => ({
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
      const run = async () => {
        await yieldToLoop()
        return (await client.query<T>(text, params)).rows
      }
      return inTx ? run() : lock.run(run)
    },
    async exec(sql: string): Promise<void> {
      const run = async () => {
        await yieldToLoop()
        await client.exec(sql)
      }
      return inTx ? run() : lock.run(run)
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTx) return fn(direct(true))
      return lock.run(async () => {
        await client.exec('BEGIN')
        try {
          const out = await fn(direct(true))
          await client.exec('COMMIT')
          return out
        } catch (err) {
          await client.exec('ROLLBACK')
          throw err
        }
      })
    },
    async close(): Promise<void> {
      if (!inTx) await lock.run(() => client.close())
    },
  })
  return direct(false)
}
