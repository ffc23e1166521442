import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import { selectLogisticC } from './logistic-cv.ts'

function data(n: number, noise: number, seed: number): { X: { rows: number; cols: number; data: Float64Array }; y: number[] } {
  const rng = createRng(seed)
  const p = 1 + noise
  const d = new Float64Array(n * p)
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) d[i * p + j] = rng.normal()
    y.push(rng.next() < 1 / (1 + Math.exp(-2 * (d[i * p] as number))) ? 1 : 0)
  }
  return { X: { rows: n, cols: p, data: d }, y }
}

test('inner CV picks strong regularisation for few rows and many noise features, weak for plenty of clean rows', () => {
  const small = data(60, 30, 1)
  const a = selectLogisticC(small.X, small.y)
  assert.ok(a.C <= 0.3, `C ${a.C}`)
  const big = data(3000, 1, 2)
  const b = selectLogisticC(big.X, big.y)
  assert.ok(b.C >= 1, `C ${b.C}`)
  assert.equal(a.losses.length, 6)
})
