import { test } from 'node:test'
import assert from 'node:assert/strict'
import { calibrationTable } from './calibration-table.ts'
import { rocCurve } from './roc-curve.ts'

test('rocCurve: starts at (0,0), ends at (1,1), never decreases; a perfect ranking passes through (0,1)', () => {
  const y = [1, 1, 1, 0, 0, 0]
  const s = [0.9, 0.8, 0.7, 0.3, 0.2, 0.1]
  const c = rocCurve(y, s)
  assert.deepEqual([c[0]?.fpr, c[0]?.tpr], [0, 0])
  assert.deepEqual([c.at(-1)?.fpr, c.at(-1)?.tpr], [1, 1])
  for (let i = 1; i < c.length; i++) assert.ok((c[i]?.fpr as number) >= (c[i - 1]?.fpr as number) && (c[i]?.tpr as number) >= (c[i - 1]?.tpr as number))
  assert.ok(c.some((p) => p.fpr === 0 && p.tpr === 1))
})

test('rocCurve: tied scores make one point, and the curve is thinned to maxPoints', () => {
  const c = rocCurve([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])
  assert.equal(c.length, 2)
  const n = 10_000
  const y = Array.from({ length: n }, (_, i) => i % 2)
  const s = Array.from({ length: n }, (_, i) => i / n)
  assert.ok(rocCurve(y, s, 51).length <= 52)
})

test('calibrationTable: ECE is 0 when each bin\'s rate equals its predictions, and |gap| otherwise', () => {
  const y = [1, 0, 1, 0, 0, 0, 0, 0, 0, 0]
  const p = Array(10).fill(0.2)
  const t = calibrationTable(y, p)
  assert.equal(t.bins.length, 1)
  assert.ok(Math.abs(t.ece - 0) < 1e-12)
  const all = calibrationTable([1, 1], [0.25, 0.25])
  assert.ok(Math.abs(all.ece - 0.75) < 1e-12)
})
