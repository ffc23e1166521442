import { test } from 'node:test'
import assert from 'node:assert/strict'
import { liftTable } from './lift-gains.ts'

test('lift table by quintile on a hand-checkable ranking', () => {
  // 10 rows, 4 positives; best-scored two rows are both positive.
  const y = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0]
  const s = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
  const t = liftTable(y, s, 5)
  assert.equal(t.length, 5)
  assert.equal(t[0]?.positives, 2)
  assert.ok(Math.abs((t[0]?.lift ?? 0) - 1 / 0.4) < 1e-12)
  assert.ok(Math.abs((t[0]?.cumulativeGain ?? 0) - 0.5) < 1e-12)
  assert.ok(Math.abs((t[4]?.cumulativeGain ?? 0) - 1) < 1e-12)
  assert.ok(Math.abs((t[4]?.cumulativeLift ?? 0) - 1) < 1e-12)
})
