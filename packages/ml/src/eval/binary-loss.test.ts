import { test } from 'node:test'
import assert from 'node:assert/strict'
import { brierScore, logLoss } from './binary-loss.ts'

test('log-loss and Brier score match hand computation', () => {
  const y = [1, 0, 1]
  const p = [0.9, 0.2, 0.6]
  const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6)) / 3
  assert.ok(Math.abs(logLoss(y, p) - expected) < 1e-12)
  assert.ok(Math.abs(brierScore(y, p) - (0.01 + 0.04 + 0.16) / 3) < 1e-12)
  // Clipping keeps a confident mistake finite.
  assert.ok(Number.isFinite(logLoss([1], [0])))
})
