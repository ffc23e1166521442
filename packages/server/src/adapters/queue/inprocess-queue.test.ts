import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Db } from '../../store/db.ts'
import { migrate } from '../../store/migrate.ts'
import { openPgliteDb } from '../../store/pglite-db.ts'
import { InProcessQueue } from './inprocess-queue.ts'
import { waitFor } from './queue.contract.ts'

describe('in-process queue (PGlite)', () => {
  let db: Db
  const opts = { workspaceId: 1, actorLabel: 'cli' }
  const fast = { pollMs: 50, cancelPollMs: 100, onError: () => undefined }

  before(async () => {
    db = await openPgliteDb('memory://')
    await migrate(db)
  })
  after(() => db.close())

  it('after a restart, queues again a job a killed process left active, or fails it when that was its last attempt', async () => {
    // A queue that only enqueues, then the state a process killed mid-job leaves behind.
    const first = new InProcessQueue(db, fast)
    const again = await first.enqueue('t.crash', { n: 1 }, { ...opts, retryLimit: 1 })
    const last = await first.enqueue('t.crash', { n: 2 }, { ...opts, retryLimit: 0 })
    await db.query(`UPDATE jobs SET state = 'active', attempts = 1, started_at = now() WHERE id = ANY($1::text[])`, [[again, last]])

    const restarted = new InProcessQueue(db, fast)
    await restarted.work('t.crash', async (job) => ({ attempt: job.attempt }))
    await restarted.start()
    try {
      const done = await waitFor('the interrupted job to run again', async () => {
        const j = await restarted.get(1, again)
        return j?.state === 'completed' ? j : undefined
      })
      assert.deepEqual(done.result, { attempt: 2 })
      const failed = await restarted.get(1, last)
      assert.equal(failed?.state, 'failed')
      assert.equal(failed?.error, 'interrupted: the process running it stopped')
    } finally {
      await restarted.stop()
    }
  })

  it('runs up to `concurrency` jobs at the same time and no more', async () => {
    const q = new InProcessQueue(db, { ...fast, concurrency: 2 })
    let running = 0
    let peak = 0
    await q.work('t.parallel', async () => {
      running++
      peak = Math.max(peak, running)
      await sleep(150)
      running--
    })
    await q.start()
    try {
      const ids = await Promise.all([1, 2, 3, 4, 5].map((n) => q.enqueue('t.parallel', { n }, opts)))
      await waitFor('all five', async () => ((await q.list(1, { kind: 't.parallel', state: 'completed', limit: 10 })).items.length === 5 ? true : undefined))
      assert.equal(peak, 2)
      assert.equal(ids.length, 5)
    } finally {
      await q.stop()
    }
  })

  it('starts a job right after enqueue instead of waiting for the next poll', async () => {
    const q = new InProcessQueue(db, { ...fast, pollMs: 5000 })
    await q.work('t.wake', async () => 'ok')
    await q.start()
    try {
      await sleep(100) // the loop is now asleep for 5 s
      const t0 = Date.now()
      const id = await q.enqueue('t.wake', {}, opts)
      await waitFor('completion', async () => ((await q.get(1, id))?.state === 'completed' ? true : undefined), 2000)
      assert.ok(Date.now() - t0 < 2000)
    } finally {
      await q.stop()
    }
  })
})
