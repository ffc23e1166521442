import { existsSync, mkdirSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
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
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true })
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await initPgliteDataDir(dataDir)
  }
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

/**
 * Creates a new database folder on a worker thread. PGlite's initdb runs a second, throwaway Postgres
 * (its own WASM heap, about 190 MiB) and builds the folder in memory (about 220 MiB of buffers) next to the
 * instance being opened; in this thread all of that stayed resident until a later full GC, which a bulk
 * import then ran on top of (measured on a fresh folder: RSS 880–910 MiB after opening against 530 MiB on an
 * existing one, and a peak of 1,057 MiB importing 1M order lines). A worker's heap is released as soon as it
 * exits, so the import starts from what an existing folder costs.
 *
 * The worker's instances live only for initdb, so they run with small shared buffers (16 MB instead of the
 * folder's 128 MB): 120 MiB less at that peak. A command-line setting, so nothing of it is written to the
 * folder; every later open uses the folder's own postgresql.conf (checked: shared_buffers stays 128 MB).
 * Cost: one more Postgres start, only when a folder is created (measured 0.2–0.7 s).
 */
async function initPgliteDataDir(dataDir: string): Promise<void> {
  const worker = new Worker(new URL('./pglite-init-worker.mjs', import.meta.url), {
    workerData: { dataDir, startParams: ['-c', 'shared_buffers=16MB'] },
    execArgv: [],
  })
  try {
    const [message] = (await Promise.race([once(worker, 'message'), once(worker, 'exit')])) as unknown[]
    if (message !== 'done') throw new Error(`creating the embedded database in ${dataDir} failed: the worker stopped with code ${String(message)}`)
  } finally {
    await worker.terminate()
  }
}
