import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mae, rmse } from './rating-metrics.ts'

test('rmse and mae against hand-computed values', () => {
  // errors 1, -2, 0, 1: squares 1+4+0+1 = 6 → √(6/4); absolute 1+2+0+1 = 4 → 1
  const pred = [4, 1, 3, 5]
  const truth = [3, 3, 3, 4]
  assert.ok(Math.abs(rmse(pred, truth) - Math.sqrt(1.5)) < 1e-12)
  assert.equal(mae(pred, truth), 1)
})

test('rating metrics reject mismatched or empty input', () => {
  assert.throws(() => rmse([1], [1, 2]), /1 predictions for 2/)
  assert.throws(() => mae([], []), /no ratings/)
})
