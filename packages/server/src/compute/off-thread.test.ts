import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { chooseK, type DenseMatrix } from '@rapport/ml'
import { offThread, stopComputeThread } from './off-thread.ts'

after(() => stopComputeThread())

const matrix = (rows: number, cols: number): DenseMatrix => ({ rows, cols, data: Float64Array.from({ length: rows * cols }, (_, i) => Math.sin(i * 7.13)) })

test('a task on the compute thread returns what the same call returns on this thread', async () => {
  const x = matrix(300, 4)
  const opts = { minK: 2, maxK: 5, seed: 3, restarts: 3, sampleSize: 300 }
  assert.deepEqual(await offThread('chooseK', x, opts), chooseK(x, opts))
})

test('the event loop keeps turning while the compute thread works', async () => {
  // The task must last long enough for timer ticks to tell: on a fast, quiet machine a fixed size can finish
  // in under 200 ms, so the data doubles until one run takes longer.
  for (let rows = 800; ; rows *= 2) {
    let ticks = 0
    let longest = 0
    let last = performance.now()
    const timer = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
      ticks++
    }, 10)
    const started = performance.now()
    await offThread('chooseK', matrix(rows, 6), { minK: 2, maxK: 10, seed: 1, restarts: 10, sampleSize: rows })
    const took = performance.now() - started
    clearInterval(timer)
    if (took <= 200 && rows < 25_600) continue
    assert.ok(took > 200, `the task should be long enough to tell (took ${took.toFixed(0)} ms at ${rows} rows)`)
    assert.ok(ticks >= took / 10 / 4, `${ticks} timer ticks in ${took.toFixed(0)} ms`)
    assert.ok(longest < took / 2, `the longest pause between ticks (${longest.toFixed(0)} ms) is well under the task's ${took.toFixed(0)} ms`)
    return
  }
})

test('an error thrown by a task rejects the call with its message, and the next call still works', async () => {
  await assert.rejects(offThread('kMeans', matrix(3, 2), { k: 10, seed: 1 }), (e: Error) => e.message.length > 0)
  const x = matrix(50, 2)
  assert.equal((await offThread('kMeans', x, { k: 2, seed: 1 })).labels.length, 50)
})
