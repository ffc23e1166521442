import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitRidge, ridgePredict } from './ridge.ts'
import { polynomialFeatures } from './polynomial.ts'

test('ridge with a tiny penalty recovers an exact linear law', () => {
  const X = { rows: 5, cols: 2, data: Float64Array.from([0, 1, 1, 0, 2, 2, 3, 1, 4, 5]) }
  const y = [0, 1, 2, 3, 4].map((i) => 1 + 2 * (X.data[2 * i] as number) - 3 * (X.data[2 * i + 1] as number))
  const m = fitRidge(X, y, { alpha: 1e-10 })
  assert.ok(Math.abs(m.intercept - 1) < 1e-6)
  assert.ok(Math.abs((m.weights[0] as number) - 2) < 1e-6 && Math.abs((m.weights[1] as number) + 3) < 1e-6)
})

test('ridge penalty shrinks toward zero: one feature, closed form w = Sxy / (Sxx + α)', () => {
  const X = { rows: 4, cols: 1, data: Float64Array.from([1, 2, 3, 4]) }
  const y = [2, 4, 6, 8]
  // x̄ = 2.5, Sxx = 5, Sxy = 10 → w = 10 / (5 + 5) = 1 with α = 5.
  const m = fitRidge(X, y, { alpha: 5 })
  assert.ok(Math.abs((m.weights[0] as number) - 1) < 1e-12)
  assert.ok(Math.abs(m.intercept - (5 - 2.5)) < 1e-12)
})

test('polynomial ridge fits a parabola', () => {
  const xs = [-2, -1, 0, 1, 2, 3]
  const X = { rows: 6, cols: 1, data: Float64Array.from(xs) }
  const y = xs.map((x) => 3 - x + 0.5 * x * x)
  const m = fitRidge(X, y, { alpha: 1e-10, degree: 2 })
  const p = ridgePredict(m, X)
  for (let i = 0; i < 6; i++) assert.ok(Math.abs((p[i] as number) - (y[i] as number)) < 1e-6)
  assert.equal(polynomialFeatures({ rows: 1, cols: 2, data: Float64Array.from([2, 3]) }, 2).data.join(','), '2,3,4,6,9')
})
