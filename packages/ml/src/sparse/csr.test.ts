import { test } from 'node:test'
import assert from 'node:assert/strict'
import { csrFromTriplets, csrGet, csrTranspose } from './csr.ts'

test('builds CSR with sorted columns and summed duplicates', () => {
  // [[0, 2, 0], [1, 0, 3]] with (0,1) given twice as 1 + 1
  const m = csrFromTriplets(2, 3, [1, 0, 1, 0], [2, 1, 0, 1], [3, 1, 1, 1])
  assert.deepEqual([...m.indptr], [0, 1, 3])
  assert.deepEqual([...m.indices], [1, 0, 2])
  assert.deepEqual([...m.data], [2, 1, 3])
  assert.equal(csrGet(m, 0, 1), 2)
  assert.equal(csrGet(m, 0, 0), 0)
  assert.equal(csrGet(m, 1, 2), 3)
})

test("'last' keeps the later duplicate", () => {
  const m = csrFromTriplets(1, 2, [0, 0], [1, 1], [5, 7], 'last')
  assert.deepEqual([...m.data], [7])
})

test('transpose swaps coordinates', () => {
  const m = csrFromTriplets(2, 3, [0, 1, 1], [1, 0, 2], [2, 1, 3])
  const t = csrTranspose(m)
  assert.equal(t.rows, 3)
  assert.equal(csrGet(t, 1, 0), 2)
  assert.equal(csrGet(t, 0, 1), 1)
  assert.equal(csrGet(t, 2, 1), 3)
  assert.deepEqual([...t.indptr], [0, 1, 2, 3])
})

test('rejects out-of-range entries', () => {
  assert.throws(() => csrFromTriplets(1, 1, [0], [1], [1]), /out of range/)
})
