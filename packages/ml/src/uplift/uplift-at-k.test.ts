import { test } from 'node:test'
import assert from 'node:assert/strict'
import { upliftAtK } from './uplift-at-k.ts'

const y = [1, 0, 1, 0, 1, 0]
const w = [1, 0, 0, 1, 1, 0]
const score = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]

test("upliftAtK 'overall': top ⌊6·0.5⌋ = 3 rows, treated rate 1/1 minus control rate 1/2", () => {
  assert.equal(upliftAtK(y, score, w, { k: 0.5, strategy: 'overall' }), 0.5)
})

test("upliftAtK 'by_group': top ⌊3·0.5⌋ = 1 row of each arm, 1 − 0", () => {
  assert.equal(upliftAtK(y, score, w, { k: 0.5, strategy: 'by_group' }), 1)
})

test("upliftAtK: an arm absent from the 'overall' cut gives NaN; a cut of zero rows throws", () => {
  // ⌊6·0.3⌋ = 1 row, the treated row 0: no control row to compare with.
  assert.ok(Number.isNaN(upliftAtK(y, score, w, { k: 0.3 })))
  // ⌊3·0.3⌋ = 0 rows per arm.
  assert.throws(() => upliftAtK(y, score, w, { k: 0.3, strategy: 'by_group' }), /selects no rows/)
  assert.throws(() => upliftAtK(y, score, w, { k: 0 }), /k must be/)
})

test('upliftAtK: ties are ranked later row first, as scikit-uplift’s reversed stable sort does', () => {
  // All scores equal: the top 2 of 4 are rows 3 (control, y=1) and 2 (treated, y=0) → 0 − 1.
  // Ranking the first rows first would take rows 0 and 1 instead and give +1.
  assert.equal(upliftAtK([1, 0, 0, 1], [0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], { k: 0.5 }), -1)
})

test('upliftAtK: k = 0.3 of 10 rows takes ⌊10·0.3⌋ = 3 rows; the default strategy is overall', () => {
  const yy = [1, 0, 0, 1, 1, 1, 1, 1, 1, 1]
  const ww = [1, 0, 1, 0, 0, 0, 0, 0, 0, 0]
  const s = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
  // Top 3: rows 0 (t, 1), 1 (c, 0), 2 (t, 0) → ½ − 0; a 4th row (c, 1) would make it ½ − ½.
  assert.equal(upliftAtK(yy, s, ww), 0.5)
})
