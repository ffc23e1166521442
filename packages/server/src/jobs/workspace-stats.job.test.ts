import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { queueDrivers, type QueueBackend } from '../../test/queue/queue-backends.ts'
import { waitFor } from '../adapters/queue/queue.contract.ts'
import type { Queue } from '../adapters/queue/queue.ts'
import { jobRegistry } from './registry.ts'
import type { WorkspaceStats } from './workspace-stats.job.ts'

for (const driver of queueDrivers()) {
  describe(`workspace.stats job (${driver.name})`, () => {
    let backend: QueueBackend
    let q: Queue
    let ws2 = 0

    before(async () => {
      backend = await driver.open()
      const [row] = await backend.db.query<{ id: number }>(`INSERT INTO workspaces (slug, name) VALUES ('stats-other', 'Other') RETURNING id`)
      ws2 = Number(row?.id)
      await backend.db.query(`INSERT INTO customers (workspace_id, external_id) VALUES (1, 'a'), (1, 'b'), (1, 'c'), ($1, 'z')`, [ws2])
      await backend.db.query(`INSERT INTO products (workspace_id, sku, name) VALUES ($1, 'p1', 'Tea')`, [ws2])
      q = backend.openQueue()
      for (const [kind, handler] of jobRegistry) await q.work(kind, handler)
      await q.start()
    })
    after(async () => {
      await q.stop()
      await backend.close()
    })

    it("counts the workspace's own rows per table and stores them as the result", async () => {
      const id = await q.enqueue('workspace.stats', {}, { workspaceId: 1, actorLabel: 'cli' })
      const done = await waitFor('completion', async () => {
        const j = await q.get(1, id)
        return j?.state === 'completed' || j?.state === 'failed' ? j : undefined
      })
      assert.equal(done.error, null)
      const stats = done.result as WorkspaceStats
      assert.equal(stats.tables.customers, 3)
      assert.equal(stats.tables.products, 0)
      assert.equal(stats.tables.orders, 0)
      assert.equal(stats.tables.jobs, undefined, 'the queue bookkeeping is not counted')
      assert.equal(stats.total, Object.values(stats.tables).reduce((a, b) => a + b, 0))

      const other = await q.enqueue('workspace.stats', {}, { workspaceId: ws2, actorLabel: 'cli' })
      const done2 = await waitFor('completion', async () => {
        const j = await q.get(ws2, other)
        return j?.state === 'completed' ? j : undefined
      })
      assert.deepEqual([(done2.result as WorkspaceStats).tables.customers, (done2.result as WorkspaceStats).tables.products], [1, 1])
    })

    it('fails without retrying on options it does not take', async () => {
      const id = await q.enqueue('workspace.stats', { tables: ['customers'] }, { workspaceId: 1, actorLabel: 'cli', retryLimit: 0 })
      const done = await waitFor('failure', async () => {
        const j = await q.get(1, id)
        return j?.state === 'failed' ? j : undefined
      })
      assert.match(done.error ?? '', /workspace\.stats takes no options/)
    })
  })
}
