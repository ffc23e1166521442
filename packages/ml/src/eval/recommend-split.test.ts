import { test } from 'node:test'
import assert from 'node:assert/strict'
import { stratifiedSplit } from './recommend-split.ts'

test('each group keeps rank/count <= ratio in training', () => {
  // group 0 has 4 rows → 3 train; group 1 has 1 row → 0 train (1/1 > 0.75); group 2 has 8 rows → 6 train.
  const groups = [0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2]
  const mask = stratifiedSplit(groups, 0.75, 7)
  const count = (g: number) => groups.reduce((s, x, k) => s + (x === g ? mask[k]! : 0), 0)
  assert.equal(count(0), 3)
  assert.equal(count(1), 0)
  assert.equal(count(2), 6)
})

test('same seed, same split; another seed, another split', () => {
  const groups = Array.from({ length: 200 }, (_, k) => k % 5)
  assert.deepEqual(stratifiedSplit(groups, 0.75, 1), stratifiedSplit(groups, 0.75, 1))
  assert.notDeepEqual(stratifiedSplit(groups, 0.75, 1), stratifiedSplit(groups, 0.75, 2))
  assert.throws(() => stratifiedSplit(groups, 1), /ratio/)
})
