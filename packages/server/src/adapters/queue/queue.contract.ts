import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { JobFailure, type JobView, type Queue } from './queue.ts'

/** One database per suite and a factory for queues over it (see test/queue/queue-backends.ts). */
export interface ContractBackend {
  db: Db
  openQueue(opts?: { stopTimeoutMs?: number; timeoutMs?: number }): Queue
  close(): Promise<void>
}

/** Polls until check() returns a value (not undefined), or fails after timeoutMs. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(25)
  }
}

const inState = (q: Queue, ws: number, id: string, ...states: JobView['state'][]) => async () => {
  const j = await q.get(ws, id)
  return j && states.includes(j.state) ? j : undefined
}

/** A promise and the function that settles it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined
  const wait = new Promise<void>((resolve) => (open = resolve))
  return { wait, open }
}

/**
 * The behaviour every queue driver must have. Each test works a kind of its own, so tests sharing the
 * suite's queue do not see each other's jobs.
 */
export function queueContract(name: string, open: () => Promise<ContractBackend>): void {
  describe(`queue contract: ${name}`, () => {
    let backend: ContractBackend
    let q: Queue
    let ws2 = 0
    const ws1 = 1
    const opts = { workspaceId: ws1, actorLabel: 'cli' }

    before(async () => {
      backend = await open()
      const [row] = await backend.db.query<{ id: number }>(`INSERT INTO workspaces (slug, name) VALUES ('queue-other', 'Other') RETURNING id`)
      ws2 = Number(row?.id)
      await backend.db.exec('CREATE TABLE queue_test_marks (workspace_id bigint NOT NULL, job_id text NOT NULL, note text NOT NULL)')
      q = backend.openQueue()
      await q.start()
    })
    after(async () => {
      await q.stop()
      await backend.close()
    })

    it('runs an enqueued job to completed with its result, payload and actor', async () => {
      await q.work('t.echo', async (job) => ({ echoed: job.payload, actor: job.actorLabel, attempt: job.attempt, ws: job.workspaceId }))
      const id = await q.enqueue('t.echo', { n: 42 }, opts)
      const done = await waitFor('completion', inState(q, ws1, id, 'completed'))
      assert.deepEqual(done.result, { echoed: { n: 42 }, actor: 'cli', attempt: 1, ws: ws1 })
      assert.equal(done.kind, 't.echo')
      assert.equal(done.progress, 1)
      assert.equal(done.attempts, 1)
      assert.equal(done.error, null)
      assert.match(done.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      assert.ok(done.started_at && done.finished_at && done.started_at <= done.finished_at)
      assert.deepEqual(JSON.parse(JSON.stringify(done)), done, 'a job view is plain JSON')
    })

    it('shows progress and its message through get while the job runs', async () => {
      const release = gate()
      await q.work('t.progress', async (_job, ctx) => {
        await ctx.progress(0.5, 'half way')
        await release.wait
        return { ok: true }
      })
      const id = await q.enqueue('t.progress', {}, opts)
      const running = await waitFor('progress', async () => {
        const j = await q.get(ws1, id)
        return j?.state === 'active' && j.progress === 0.5 ? j : undefined
      })
      assert.equal(running.message, 'half way')
      assert.equal(running.finished_at, null)
      release.open()
      const done = await waitFor('completion', inState(q, ws1, id, 'completed'))
      assert.equal(done.progress, 1)
    })

    it('keeps the last progress message written just before the job ends', async () => {
      await q.work('t.steps', async (_job, ctx) => {
        await ctx.progress(0.2, 'step 1')
        await ctx.progress(0.6, 'step 2')
        await ctx.progress(0.9, 'step 3')
      })
      const id = await q.enqueue('t.steps', {}, opts)
      const done = await waitFor('completion', inState(q, ws1, id, 'completed'))
      assert.equal(done.message, 'step 3')
      assert.equal(done.progress, 1)
      assert.equal(done.result, null)
    })

    it('retries a failing job with growing delays, then leaves it failed with the last error', async () => {
      const starts: number[] = []
      await q.work('t.fail', async () => {
        starts.push(Date.now())
        throw new Error(`boom ${starts.length}`)
      })
      const id = await q.enqueue('t.fail', {}, { ...opts, retryLimit: 2, retryDelaySeconds: 1 })
      const failed = await waitFor('failure', inState(q, ws1, id, 'failed'), 20_000)
      assert.equal(failed.attempts, 3)
      assert.equal(failed.error, 'boom 3')
      assert.ok(failed.finished_at)
      assert.equal(starts.length, 3)
      const [a = 0, b = 0, c = 0] = starts
      assert.ok(b - a >= 950, `first retry after ${b - a} ms, expected ≥ 1 s`)
      assert.ok(c - b >= 1950, `second retry after ${c - b} ms, expected ≥ 2 s`)
    })

    it('with retryLimit 0 fails after one attempt', async () => {
      await q.work('t.fail-once', async () => {
        throw new RapportError('validation_failed', 'bad row 3')
      })
      const id = await q.enqueue('t.fail-once', {}, { ...opts, retryLimit: 0 })
      const failed = await waitFor('failure', inState(q, ws1, id, 'failed'))
      assert.equal(failed.attempts, 1)
      assert.equal(failed.error, 'bad row 3')
    })

    it('keeps the data of a JobFailure as the failed job\'s result, and no result for other failures', async () => {
      let runs = 0
      await q.work('t.fail-data', async () => {
        runs++
        if (runs === 1) throw new JobFailure('2 rows are not valid', { rejected: 2, errors: [{ line: 3, column: 'email', reason: 'bad' }] })
        throw new Error('plain failure')
      })
      const withData = await q.enqueue('t.fail-data', {}, { ...opts, retryLimit: 0 })
      const failed = await waitFor('failure', inState(q, ws1, withData, 'failed'))
      assert.equal(failed.error, '2 rows are not valid')
      assert.deepEqual(failed.result, { rejected: 2, errors: [{ line: 3, column: 'email', reason: 'bad' }] })
      const plain = await q.enqueue('t.fail-data', {}, { ...opts, retryLimit: 0 })
      const failedPlain = await waitFor('failure', inState(q, ws1, plain, 'failed'))
      assert.equal(failedPlain.error, 'plain failure')
      assert.equal(failedPlain.result, null)
    })

    it('clears the data of a failed attempt when the retry fails plainly', async () => {
      let runs = 0
      await q.work('t.fail-data-retry', async () => {
        runs++
        if (runs === 1) throw new JobFailure('first', { attempt: 1 })
        throw new Error('second')
      })
      const id = await q.enqueue('t.fail-data-retry', {}, { ...opts, retryLimit: 1, retryDelaySeconds: 0 })
      const failed = await waitFor('failure', inState(q, ws1, id, 'failed'), 15_000)
      assert.equal(failed.attempts, 2)
      assert.equal(failed.error, 'second')
      assert.equal(failed.result, null)
    })

    it('cancels a queued job: it never runs, and cancelling again answers false', async () => {
      let ran = 0
      await q.work('t.later', async () => void ran++)
      const id = await q.enqueue('t.later', {}, { ...opts, startAfter: new Date(Date.now() + 60_000) })
      assert.equal((await q.get(ws1, id))?.state, 'queued')
      assert.equal(await q.cancel(ws1, id), true)
      const j = await q.get(ws1, id)
      assert.equal(j?.state, 'cancelled')
      assert.ok(j?.finished_at)
      assert.equal(await q.cancel(ws1, id), false)
      assert.equal(ran, 0)
    })

    it('cancels an active job: the handler sees the signal and the job stays cancelled, not retried', async () => {
      let sawAbort = false
      let runs = 0
      await q.work('t.long', async (_job, ctx) => {
        runs++
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }))
        sawAbort = true
        ctx.signal.throwIfAborted()
      })
      const id = await q.enqueue('t.long', {}, { ...opts, retryLimit: 2, retryDelaySeconds: 0 })
      await waitFor('start', inState(q, ws1, id, 'active'))
      assert.equal(await q.cancel(ws1, id), true)
      await waitFor('the handler to see the signal', async () => (sawAbort ? true : undefined))
      await sleep(700)
      const j = await q.get(ws1, id)
      assert.equal(j?.state, 'cancelled')
      assert.equal(runs, 1)
    })

    it('dedupes by unique key while the job is queued, and takes the key again once it ended', async () => {
      await q.work('t.unique', async () => undefined)
      const later = { ...opts, uniqueKey: 'ws1:refresh', startAfter: new Date(Date.now() + 60_000) }
      const first = await q.enqueue('t.unique', { a: 1 }, later)
      assert.equal(await q.enqueue('t.unique', { a: 2 }, later), first)
      assert.notEqual(await q.enqueue('t.unique', {}, { ...later, uniqueKey: 'ws1:other' }), first)
      assert.notEqual(await q.enqueue('t.unique', {}, { ...later, workspaceId: ws2 }), first, 'keys are per workspace')
      await q.cancel(ws1, first)
      assert.notEqual(await q.enqueue('t.unique', {}, later), first)
    })

    it('gives concurrent enqueues with one unique key one job', async () => {
      const later = { ...opts, uniqueKey: 'ws1:race', startAfter: new Date(Date.now() + 60_000) }
      const ids = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => q.enqueue('t.unique-race', { n }, later)))
      assert.equal(new Set(ids).size, 1)
      assert.equal((await q.list(ws1, { kind: 't.unique-race', limit: 10 })).items.length, 1)
    })

    it('aborts an attempt that runs past its timeout and counts it as failed', async () => {
      const q2 = backend.openQueue({ timeoutMs: 300 })
      let sawAbort = 0
      await q2.work('t.slow', async (_job, ctx) => {
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }))
        sawAbort++
        ctx.signal.throwIfAborted()
      })
      await q2.start()
      try {
        const id = await q2.enqueue('t.slow', {}, { ...opts, retryLimit: 1, retryDelaySeconds: 0 })
        const failed = await waitFor('failure', inState(q, ws1, id, 'failed'), 15_000)
        assert.equal(failed.error, 'timed out after 0.3 s')
        assert.equal(failed.attempts, 2)
        assert.equal(sawAbort, 2)
      } finally {
        await q2.stop()
      }
    })

    it('fires a cron schedule every second until unscheduled', async () => {
      await q.work('t.cron', async (job) => ({ got: job.payload }))
      await q.schedule('t-cron-every-second', '* * * * * *', 't.cron', { from: 'cron' }, opts)
      const firstTwo = await waitFor('two firings', async () => {
        const page = await q.list(ws1, { kind: 't.cron', state: 'completed', limit: 10 })
        return page.items.length >= 2 ? page.items : undefined
      }, 8000)
      assert.deepEqual(firstTwo[0]?.result, { got: { from: 'cron' } })
      assert.equal(firstTwo[0]?.actor, 'cli')
      await q.unschedule('t-cron-every-second')
      await sleep(600)
      const settled = (await q.list(ws1, { kind: 't.cron', limit: 100 })).items.length
      await sleep(1500)
      assert.equal((await q.list(ws1, { kind: 't.cron', limit: 100 })).items.length, settled)
    })

    it('lists by state and kind within the workspace, pages with a cursor, and hides other workspaces', async () => {
      await q.work('t.list-a', async () => 'a')
      const later = { ...opts, startAfter: new Date(Date.now() + 60_000) }
      const a1 = await q.enqueue('t.list-a', {}, opts)
      const b1 = await q.enqueue('t.list-b', {}, later)
      const b2 = await q.enqueue('t.list-b', {}, later)
      const b3 = await q.enqueue('t.list-b', {}, later)
      const other = await q.enqueue('t.list-b', {}, { ...later, workspaceId: ws2 })
      await waitFor('completion', inState(q, ws1, a1, 'completed'))
      const bs = await q.list(ws1, { kind: 't.list-b', limit: 10 })
      assert.deepEqual(bs.items.map((j) => j.id), [b3, b2, b1], 'newest first, own workspace only')
      assert.equal(bs.nextCursor, undefined)
      const completed = await q.list(ws1, { state: 'completed', kind: 't.list-a', limit: 10 })
      assert.deepEqual(completed.items.map((j) => j.id), [a1])
      const queuedA = await q.list(ws1, { state: 'queued', kind: 't.list-a', limit: 10 })
      assert.deepEqual(queuedA.items, [])
      const p1 = await q.list(ws1, { kind: 't.list-b', limit: 2 })
      assert.deepEqual(p1.items.map((j) => j.id), [b3, b2])
      assert.ok(p1.nextCursor)
      const p2 = await q.list(ws1, { kind: 't.list-b', limit: 2, cursor: p1.nextCursor })
      assert.deepEqual(p2.items.map((j) => j.id), [b1])
      assert.equal(await q.get(ws2, b1), undefined)
      assert.equal(await q.get(ws1, other), undefined)
      assert.equal(await q.cancel(ws2, b1), false)
      assert.equal((await q.get(ws1, b1))?.state, 'queued')
      await assert.rejects(q.list(ws1, { limit: 2, cursor: 'bm9wZQ' }), (e: RapportError) => e.code === 'validation_failed')
      await assert.rejects(q.list(ws1, { limit: 0 }), (e: RapportError) => e.code === 'validation_failed')
    })

    it('rolls back the writes of a handler that throws inside ctx.transaction, and keeps those of one that returns', async () => {
      await q.work('t.tx', async (job, ctx) =>
        ctx.transaction(async (tx) => {
          await tx.query('INSERT INTO queue_test_marks (workspace_id, job_id, note) VALUES ($1, $2, $3)', [job.workspaceId, job.id, 'written'])
          if (job.payload.fail) throw new Error('failed after writing')
          return 'kept'
        }),
      )
      const bad = await q.enqueue('t.tx', { fail: true }, { ...opts, retryLimit: 0 })
      const good = await q.enqueue('t.tx', { fail: false }, opts)
      assert.equal((await waitFor('failure', inState(q, ws1, bad, 'failed'))).error, 'failed after writing')
      await waitFor('completion', inState(q, ws1, good, 'completed'))
      const marks = await backend.db.query<{ job_id: string }>('SELECT job_id FROM queue_test_marks WHERE job_id = ANY($1::text[])', [[bad, good]])
      assert.deepEqual(marks.map((m) => m.job_id), [good])
    })

    it('rejects a bad kind, payload or retry setting as validation_failed', async () => {
      const isInvalid = (e: RapportError) => e instanceof RapportError && e.code === 'validation_failed'
      await assert.rejects(q.enqueue('Bad Kind', {}, opts), isInvalid)
      await assert.rejects(q.enqueue('t.ok', { big: 'x'.repeat(70_000) }, opts), isInvalid)
      await assert.rejects(q.enqueue('t.ok', {}, { ...opts, retryDelaySeconds: 0.5 }), isInvalid)
      await assert.rejects(q.schedule('t-bad-cron', '61 * * * *', 't.ok', {}, opts), isInvalid)
    })

    it('stop() waits for a running job to finish', async () => {
      const q2 = backend.openQueue({ stopTimeoutMs: 5000 })
      const started = gate()
      await q2.work('t.stop-wait', async () => {
        started.open()
        await sleep(400)
        return 'finished'
      })
      await q2.start()
      const id = await q2.enqueue('t.stop-wait', {}, opts)
      await started.wait
      await q2.stop()
      const j = await q.get(ws1, id)
      assert.equal(j?.state, 'completed')
      assert.equal(j?.result, 'finished')
    })

    it('stop() aborts a job still running after its timeout and queues it for another attempt', async () => {
      const q2 = backend.openQueue({ stopTimeoutMs: 300 })
      const started = gate()
      await q2.work('t.stop-abort', async (_job, ctx) => {
        started.open()
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }))
        ctx.signal.throwIfAborted()
      })
      await q2.start()
      const id = await q2.enqueue('t.stop-abort', {}, { ...opts, retryDelaySeconds: 60 })
      await started.wait
      const t0 = Date.now()
      await q2.stop()
      assert.ok(Date.now() - t0 < 5000, 'stop is bounded')
      const j = await q.get(ws1, id)
      assert.equal(j?.state, 'queued')
      assert.equal(j?.error, 'the worker stopped before the job ended')
      assert.equal(j?.attempts, 1)
      await q.cancel(ws1, id)
    })
  })
}
