import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { PgBossQueue } from '../../src/adapters/queue/pgboss-queue.ts'
import { waitFor } from '../../src/adapters/queue/queue.contract.ts'
import type { Db } from '../../src/store/db.ts'
import { migrate } from '../../src/store/migrate.ts'
import { openPostgresDb } from '../../src/store/postgres-db.ts'
import { freshSchema } from './queue-backends.ts'

const url = process.env.TEST_DATABASE_URL
const script = fileURLToPath(new URL('./work-script.ts', import.meta.url))

describe('two worker processes on one pg-boss queue (PostgreSQL)', { skip: url ? false : 'TEST_DATABASE_URL is not set' }, () => {
  let db: Db
  let drop: () => Promise<void>
  let schema = ''
  const children: ChildProcess[] = []

  before(async () => {
    if (!url) return
    const s = await freshSchema(url)
    schema = s.schema
    drop = s.drop
    db = await openPostgresDb(url, { schema })
    await migrate(db)
    await db.exec('CREATE TABLE queue_work_log (job_id text NOT NULL, pid integer NOT NULL)')
  })
  after(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
    if (db) await db.close()
    if (drop) await drop()
  })

  it('takes 200 jobs: each completed exactly once, and both processes did some', async () => {
    if (!url) return
    // This process only enqueues (it works no kind).
    const producer = new PgBossQueue(db, { connectionString: url, schema: `${schema}_boss`, onError: () => undefined })
    await producer.start()
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, QUEUE_TEST_URL: url, QUEUE_TEST_SCHEMA: schema },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      children.push(child)
    }
    await Promise.all(children.map(async (c) => {
      const [chunk] = (await once(c.stdout ?? c, 'data')) as [Buffer]
      assert.equal(chunk.toString().trim(), 'ready')
    }))
    const t0 = Date.now()
    const ids = new Set<string>()
    for (let i = 0; i < 200; i++) ids.add(await producer.enqueue('test.record', { i }, { workspaceId: 1, actorLabel: 'test' }))
    assert.equal(ids.size, 200)
    const enqueued = (Date.now() - t0) / 1000

    await waitFor('200 completed jobs', async () => {
      const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'test.record' AND state = 'completed'`)
      return r?.n === 200 ? true : undefined
    }, 90_000)
    const seconds = (Date.now() - t0) / 1000

    const log = await db.query<{ job_id: string; pid: number }>('SELECT job_id, pid FROM queue_work_log')
    assert.equal(log.length, 200, 'no job ran twice')
    assert.deepEqual(new Set(log.map((r) => r.job_id)), ids, 'every job ran')
    const pids = new Set(log.map((r) => r.pid))
    assert.deepEqual(pids, new Set(children.map((c) => c.pid)), 'both processes did some work')
    const states = await db.query<{ state: string; attempts: number; n: number }>(
      `SELECT state, attempts, count(*)::int AS n FROM jobs WHERE kind = 'test.record' GROUP BY 1, 2`,
    )
    assert.deepEqual(states, [{ state: 'completed', attempts: 1, n: 200 }])
    const perPid = [...pids].map((p) => log.filter((r) => r.pid === p).length)
    process.stderr.write(`  200 jobs enqueued (one at a time) in ${enqueued.toFixed(1)} s, all completed ${seconds.toFixed(1)} s after the first; jobs per process: ${perPid.join(' / ')}\n`)

    for (const c of children) c.kill('SIGTERM')
    const codes = await Promise.all(children.map(async (c) => (c.exitCode ?? (await once(c, 'exit'))[0]) as number | null))
    assert.deepEqual(codes, [0, 0], 'both stopped gracefully on SIGTERM')
    await producer.stop()
  })
})
