import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import type { BatchWriter } from './batch-writer.ts'
import type { ValidBatch } from './valid-batch.ts'
import { WritePipeline } from './write-pipeline.ts'

const batch = (id: number): ValidBatch => ({ lines: [id], columns: { id: [id] }, raw: undefined })

/** A writer whose lookups take the given time per batch and which records the order upserts are issued in. */
function fakeWriter(lookupMs: (id: number) => number, failUpsertOf?: number) {
  const issued: number[] = []
  let running = 0
  let maxRunning = 0
  const writer = {
    async prepare(b: ValidBatch) {
      running++
      maxRunning = Math.max(maxRunning, running)
      const id = b.lines[0] as number
      await sleep(lookupMs(id))
      return [[id]]
    },
    async upsert(values: unknown[][] | undefined) {
      const id = values?.[0]?.[0] as number
      issued.push(id)
      await sleep(1)
      running--
      if (id === failUpsertOf) throw new Error(`upsert ${id} failed`)
      return { inserted: 1, updated: 0 }
    },
  }
  return { writer: writer as unknown as BatchWriter, issued, maxRunning: () => maxRunning }
}

test('upserts go out in batch order even when a later lookup answers first', async () => {
  const f = fakeWriter((id) => (id === 1 ? 30 : 1))
  let written = 0
  const p = new WritePipeline(f.writer, (c) => (written += c.inserted), 3)
  for (const id of [1, 2, 3, 4, 5]) await p.push(batch(id))
  await p.drain()
  assert.deepEqual(f.issued, [1, 2, 3, 4, 5])
  assert.equal(written, 5)
})

test('no more than `depth` batches are in flight', async () => {
  const f = fakeWriter(() => 5)
  const p = new WritePipeline(f.writer, () => undefined, 2)
  for (let id = 1; id <= 6; id++) await p.push(batch(id))
  await p.drain()
  assert.equal(f.maxRunning(), 2)
})

test('a failed write surfaces from drain (or the next push) and is the first failure in batch order', async () => {
  const f = fakeWriter(() => 1, 2)
  const p = new WritePipeline(f.writer, () => undefined, 3)
  await assert.rejects(
    (async () => {
      for (let id = 1; id <= 8; id++) await p.push(batch(id))
      await p.drain()
    })(),
    /upsert 2 failed/,
  )
})
