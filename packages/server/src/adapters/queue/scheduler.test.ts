import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { backends } from '../../../test/backends.ts'
import type { Db } from '../../store/db.ts'
import { insertJob } from './job-rows.ts'
import { Scheduler } from './scheduler.ts'

for (const backend of backends()) {
  describe(`Scheduler with a fake clock (${backend.name})`, () => {
    let db: Db
    let clock = new Date('2026-03-04T02:59:00Z')
    const make = () =>
      new Scheduler(db, async (tx, job) => void (await insertJob(tx, randomUUID(), job)), {
        now: () => clock,
        onError: (err) => assert.fail(err as Error),
      })
    const jobs = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 't.nightly'`))[0]?.n

    before(async () => {
      db = await backend.open()
    })
    after(() => db.close())

    it('fires each tick once across two schedulers (two processes), joins a run still queued, and skips stale ticks', async () => {
      const a = make()
      const b = make()
      await a.schedule('nightly', '0 3 * * *', 't.nightly', { scope: 'all' }, { workspaceId: 1, actorLabel: 'system' })
      clock = new Date('2026-03-04T02:59:59Z')
      assert.deepEqual(await Promise.all([a.tick(), b.tick()]), [0, 0])
      clock = new Date('2026-03-04T03:00:05Z')
      const fired = await Promise.all([a.tick(), b.tick()])
      assert.equal(fired[0] + fired[1], 1)
      assert.equal(await jobs(), 1)
      const [job] = await db.query<{ payload: unknown; actor_label: string; unique_key: string }>(`SELECT payload, actor_label, unique_key FROM jobs WHERE kind = 't.nightly'`)
      assert.deepEqual(job, { payload: { scope: 'all' }, actor_label: 'system', unique_key: 'schedule:nightly' })
      assert.deepEqual(await Promise.all([a.tick(), b.tick()]), [0, 0], 'the same tick does not fire again')

      // Replacing the schedule (as every start-up does) keeps its last firing.
      await b.schedule('nightly', '0 3 * * *', 't.nightly', { scope: 'all' }, { workspaceId: 1, actorLabel: 'system' })
      assert.equal(await a.tick(), 0)

      clock = new Date('2026-03-05T03:00:01Z')
      assert.equal(await a.tick(), 1)
      assert.equal(await jobs(), 1, 'the first run is still queued, so the second firing joins it')

      clock = new Date('2026-03-08T10:00:00Z')
      assert.equal(await a.tick(), 0, 'ticks missed by more than the catch-up window are not fired')
      await a.unschedule('nightly')
      clock = new Date('2026-03-09T03:00:01Z')
      assert.equal(await a.tick(), 0)
    })
  })
}
