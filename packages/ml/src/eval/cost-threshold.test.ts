import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bestCostThreshold, costThreshold, meanCost } from './cost-threshold.ts'

test('theoretical threshold of the German credit 5:1 matrix is 1/6', () => {
  assert.ok(Math.abs(costThreshold({ fp: 1, fn: 5 }) - 1 / 6) < 1e-12)
})

test('mean cost counts 5 per missed positive and 1 per false alarm', () => {
  // threshold 0.5: row0 positive missed (5), row2 negative flagged (1).
  assert.equal(meanCost([1, 1, 0, 0], [0.3, 0.9, 0.6, 0.1], 0.5, { fp: 1, fn: 5 }), 6 / 4)
})

test('best threshold on training scores minimises the cost there', () => {
  const y = [0, 0, 1, 0, 1, 1]
  const p = [0.1, 0.2, 0.3, 0.4, 0.8, 0.9]
  const cost = { fp: 1, fn: 5 }
  const t = bestCostThreshold(y, p, cost)
  const best = meanCost(y, p, t, cost)
  for (const cand of [0, 0.15, 0.25, 0.35, 0.5, 0.85, 1]) assert.ok(best <= meanCost(y, p, cand, cost) + 1e-12)
  // Flag from 0.3 up: every positive caught, one false alarm (0.4) → 1/6.
  assert.equal(best, 1 / 6)
  assert.ok(t > 0.2 && t <= 0.3)
})
