import { test } from 'node:test'
import assert from 'node:assert/strict'
import { prAuc, rocAuc } from './binary-auc.ts'

test('ROC-AUC counts ties as one half (hand-computed)', () => {
  // Positives score 0.8 and 0.5; negatives 0.5, 0.2, 0.1.
  // Pairs: (0.8 vs all 3) = 3 wins; (0.5 vs 0.5) tie = 0.5, (0.5 vs 0.2, 0.1) = 2 → 5.5 / 6.
  assert.ok(Math.abs(rocAuc([1, 1, 0, 0, 0], [0.8, 0.5, 0.5, 0.2, 0.1]) - 5.5 / 6) < 1e-12)
  assert.equal(rocAuc([1, 0], [0.3, 0.3]), 0.5)
  assert.equal(rocAuc([0, 1], [0.9, 0.1]), 0)
  assert.ok(Number.isNaN(rocAuc([1, 1], [0.2, 0.3])))
})

test('PR-AUC is average precision (hand-computed)', () => {
  // Ranked: 0.9(+), 0.8(−), 0.7(+), 0.1(−). AP = ½·1 + ½·(2/3) = 5/6.
  assert.ok(Math.abs(prAuc([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]) - 5 / 6) < 1e-12)
  // All tied: one threshold, precision = base rate 0.5 at recall 1.
  assert.ok(Math.abs(prAuc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]) - 0.5) < 1e-12)
})
