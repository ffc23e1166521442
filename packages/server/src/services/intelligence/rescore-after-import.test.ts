import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import type { Db } from '../../store/db.ts'
import { openVersion, finishVersion, markActive } from './model-versions.ts'
import { LARGE_IMPORT_ROWS, queueRescoreAfterImport } from './rescore-after-import.ts'

describe('rescore after a large import (PGlite)', () => {
  let db: Db
  const queued: Array<{ kind: string; payload: unknown; key: string | undefined }> = []
  const ctx = () => ({ db, enqueue: async (kind: string, payload: Record<string, unknown>, o: { uniqueKey?: string | undefined }) => (queued.push({ kind, payload, key: o.uniqueKey }), 'job-1') })
  const job = { workspaceId: 1, actorLabel: 'ann@example.com' }
  before(async () => {
    db = await (backends()[0] as NonNullable<ReturnType<typeof backends>[0]>).open()
  })
  after(() => db.close())

  test('nothing is queued while no model is active, for a small import, or for products', async () => {
    assert.equal(await queueRescoreAfterImport(ctx(), job, 'orders', LARGE_IMPORT_ROWS), undefined)
    const v = await openVersion(db, 1, 'churn', 'test', null)
    await finishVersion(db, 1, v.id, { status: 'trained', artefact: {} })
    await markActive(db, 1, 'churn', v.id, 0)
    assert.equal(await queueRescoreAfterImport(ctx(), job, 'orders', LARGE_IMPORT_ROWS - 1), undefined)
    assert.equal(await queueRescoreAfterImport(ctx(), job, 'products', 10 * LARGE_IMPORT_ROWS), undefined)
    assert.equal(queued.length, 0)
  })

  test('a large import of history queues one rescore-only refresh under its own unique key', async () => {
    assert.equal(await queueRescoreAfterImport(ctx(), job, 'order_items', LARGE_IMPORT_ROWS), 'job-1')
    assert.deepEqual(queued, [{ kind: 'models.refresh', payload: { rescore_only: true }, key: 'models:rescore' }])
  })
})
