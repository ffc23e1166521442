import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { queueDrivers, type QueueBackend } from '../../../test/queue/queue-backends.ts'

const driver = queueDrivers().find((d) => d.name.startsWith('pg-boss'))

describe('pg-boss queue (PostgreSQL)', { skip: driver ? false : 'TEST_DATABASE_URL is not set' }, () => {
  let backend: QueueBackend

  before(async () => {
    if (driver) backend = await driver.open()
  })
  after(async () => {
    if (driver) await backend.close()
  })

  it('lets several processes make the queue of a new kind at the same time', async () => {
    // Separate queues have separate pg-boss instances and pools, as separate processes do.
    const queues = [1, 2, 3, 4].map(() => backend.openQueue())
    await Promise.all(queues.map((q) => q.start()))
    try {
      for (let round = 0; round < 3; round++) {
        const ids = await Promise.all(queues.map((q, i) => q.enqueue(`t.new-${round}`, { i }, { workspaceId: 1, actorLabel: 'cli' })))
        assert.equal(new Set(ids).size, queues.length)
      }
    } finally {
      await Promise.all(queues.map((q) => q.stop()))
    }
  })
})
