import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spdInverse } from './spd-inverse.ts'
import { topK } from './top-k.ts'

test('inverts a 3×3 SPD matrix', () => {
  // [[4, 2, 0], [2, 3, 1], [0, 1, 2]]: det = 4(6 − 1) − 2(4 − 0) = 12; inverse = adj / 12.
  const inv = spdInverse(Float64Array.from([4, 2, 0, 2, 3, 1, 0, 1, 2]), 3)
  const expected = [5, -4, 2, -4, 8, -4, 2, -4, 8].map((v) => v / 12)
  for (let k = 0; k < 9; k++) assert.ok(Math.abs(inv[k]! - expected[k]!) < 1e-12)
  assert.throws(() => spdInverse(Float64Array.from([1, 2, 2, 1]), 2), /not positive definite/)
})

test('topK returns the best indices, best first, skipping excluded and NaN', () => {
  assert.deepEqual([...topK([0.1, 0.9, 0.5, 0.9, Number.NaN], 3)], [1, 3, 2])
  assert.deepEqual([...topK([3, 2, 1], 2, (i) => i === 0)], [1, 2])
  assert.deepEqual([...topK([1], 5)], [0])
})
