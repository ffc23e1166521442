import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { queueDrivers, type QueueBackend } from '../../../test/queue/queue-backends.ts'
import type { Queue } from './queue.ts'
import { reconcileWithBoss } from './reconcile.ts'

const driver = queueDrivers().find((d) => d.name.startsWith('pg-boss'))

describe('reconcileWithBoss (PostgreSQL)', { skip: driver ? false : 'TEST_DATABASE_URL is not set' }, () => {
  let backend: QueueBackend
  let q: Queue
  let boss = ''
  const opts = { workspaceId: 1, actorLabel: 'cli', startAfter: new Date(Date.now() + 3_600_000) }

  before(async () => {
    if (!driver) return
    backend = await driver.open()
    q = backend.openQueue()
    await q.start()
    const [row] = await backend.db.query<{ s: string }>(`SELECT current_schema() || '_boss' AS s`)
    boss = row?.s ?? ''
  })
  after(async () => {
    if (!driver) return
    await q.stop()
    await backend.close()
  })

  it('queues again a row left active by a killed worker, and fails one whose pg-boss job failed', async () => {
    const orphan = await q.enqueue('t.reconcile', {}, opts)
    const expired = await q.enqueue('t.reconcile', {}, opts)
    const fine = await q.enqueue('t.reconcile', {}, opts)
    // What a worker killed mid-job leaves: our row active; pg-boss waiting to retry one and giving up on the other.
    await backend.db.query(`UPDATE jobs SET state = 'active', attempts = 1 WHERE id = ANY($1::text[])`, [[orphan, expired]])
    await backend.db.query(`UPDATE "${boss}".job SET state = 'retry' WHERE id = $1::uuid`, [orphan])
    await backend.db.query(`UPDATE "${boss}".job SET state = 'failed', output = '{"message":"job expired"}' WHERE id = $1::uuid`, [expired])

    assert.equal(await reconcileWithBoss(backend.db, boss), 2)
    assert.equal((await q.get(1, orphan))?.state, 'queued')
    const failed = await q.get(1, expired)
    assert.deepEqual([failed?.state, failed?.error], ['failed', 'job expired'])
    assert.equal((await q.get(1, fine))?.state, 'queued')
    assert.equal(await reconcileWithBoss(backend.db, boss), 0, 'nothing left to change')
  })
})
