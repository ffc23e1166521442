import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Matrix } from '../data/pipeline.ts'
import { fitLogistic, logisticPredictProba } from './logistic.ts'

// One binary feature: the unregularised MLE is known in closed form —
// intercept = logit(rate when x=0), weight = logit(rate when x=1) − logit(rate when x=0).
function table(): { X: Matrix; y: number[] } {
  const xs: number[] = []
  const y: number[] = []
  const add = (x: number, label: number, count: number): void => {
    for (let i = 0; i < count; i++) {
      xs.push(x)
      y.push(label)
    }
  }
  add(0, 1, 2) // x=0: 2 of 10 positive
  add(0, 0, 8)
  add(1, 1, 6) // x=1: 6 of 8 positive
  add(1, 0, 2)
  return { X: { rows: xs.length, cols: 1, data: Float64Array.from(xs) }, y }
}

const logit = (p: number): number => Math.log(p / (1 - p))

for (const solver of ['newton', 'lbfgs'] as const) {
  test(`${solver}: matches the closed-form MLE on a 2×2 table`, () => {
    const { X, y } = table()
    const m = fitLogistic(X, y, { C: 1e9, solver })
    assert.ok(Math.abs(m.intercept - logit(0.2)) < 1e-4, `intercept ${m.intercept}`)
    assert.ok(Math.abs((m.weights[0] as number) - (logit(0.75) - logit(0.2))) < 1e-4, `weight ${m.weights[0]}`)
  })
}

test('L2 shrinks the weight; solvers agree at the regularised optimum', () => {
  const { X, y } = table()
  const a = fitLogistic(X, y, { C: 0.1, solver: 'newton' })
  const b = fitLogistic(X, y, { C: 0.1, solver: 'lbfgs' })
  assert.ok(Math.abs(a.weights[0] as number) < logit(0.75) - logit(0.2))
  assert.ok(Math.abs((a.weights[0] as number) - (b.weights[0] as number)) < 1e-4)
  assert.ok(Math.abs(a.intercept - b.intercept) < 1e-4)
})

test('balanced class weights raise the minority class probability', () => {
  const { X, y } = table()
  const plain = logisticPredictProba(fitLogistic(X, y), X)
  const balanced = logisticPredictProba(fitLogistic(X, y, { classWeight: 'balanced' }), X)
  // 8 positives of 18: balancing up-weights positives, so every probability rises.
  for (let i = 0; i < plain.length; i++) assert.ok((balanced[i] as number) > (plain[i] as number))
})
