import { test } from 'node:test'
import assert from 'node:assert/strict'
import { computeRfm, quintileScores, summariseSegments } from './rfm.ts'
import { RFM_SEGMENTS, rfmSegment } from './rfm-segments.ts'

test('quintile scores: ten distinct values score 1,1,2,2,…,5,5 and ties share a score', () => {
  assert.deepEqual(Array.from(quintileScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])), [5, 5, 4, 4, 3, 3, 2, 2, 1, 1])
  // Four equal values among five: mid-rank 2.5 of 5 → ⌈2.5⌉ = 3, the odd one out ranks 5 → 5.
  assert.deepEqual(Array.from(quintileScores([1, 1, 1, 1, 9])), [3, 3, 3, 3, 5])
  // Order of input does not change a customer's score.
  assert.deepEqual(Array.from(quintileScores([9, 1, 1, 1, 1])), [5, 3, 3, 3, 3])
})

test('segment map covers the 5×5 grid with all eleven names', () => {
  const names = new Set<string>()
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) names.add(rfmSegment(r, f))
  assert.deepEqual([...names].sort(), [...RFM_SEGMENTS].sort())
  assert.equal(rfmSegment(5, 5), 'Champions')
  assert.equal(rfmSegment(1, 1), 'Lost')
  assert.equal(rfmSegment(1, 5), "Can't lose them")
  assert.equal(rfmSegment(5, 1), 'New')
})

test('RFM values as of a day: later lines ignored, invoices counted once', () => {
  // customer 0: days 1 and 8 (invoice 7 has two lines); customer 1: day 9; customer 2: only after as-of.
  const input = {
    customer: Int32Array.from([0, 0, 0, 1, 2]),
    day: Float64Array.from([1, 8, 8, 9, 20]),
    amount: Float64Array.from([10, 5, 5, 100, 1]),
    transaction: Int32Array.from([3, 7, 7, 8, 9]),
  }
  const t = computeRfm(input, 10)
  assert.deepEqual(Array.from(t.customers), [0, 1])
  assert.deepEqual(Array.from(t.recency), [2, 1])
  assert.deepEqual(Array.from(t.frequency), [2, 1])
  assert.deepEqual(Array.from(t.monetary), [20, 100])
  // Two customers: ranks 1 and 2 of 2 → scores ⌈2.5⌉ = 3 and 5.
  assert.deepEqual(Array.from(t.r), [3, 5])
  assert.deepEqual(Array.from(t.f), [5, 3])
  assert.deepEqual(t.segments, ['Loyal', 'Potential loyalist'])
  const s = summariseSegments(t)
  assert.equal(s[0]?.segment, 'Potential loyalist')
  assert.ok(Math.abs((s[0]?.revenueShare ?? 0) - 100 / 120) < 1e-12)
  assert.equal(s.reduce((a, x) => a + x.customers, 0), 2)
})
