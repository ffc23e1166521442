import assert from 'node:assert/strict'
import { test } from 'node:test'
import { csrFromTriplets } from '../sparse/csr.ts'
import { linearScores, softmaxInPlace } from './linear-model.ts'
import { trainLogistic } from './logistic.ts'

test('binary logistic regression converges to the known optimum of a tiny separable set', () => {
  // x = +1 → class 1, x = −1 → class 0, C = 1. By symmetry b = 0 and w solves w = 2σ(−w) (gradient of
  // 2·log(1 + e^{−w}) + w²/2). Solve that scalar equation by bisection, independently of the trainer.
  let lo = 0
  let hi = 2
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (mid - 2 / (1 + Math.exp(mid)) > 0) hi = mid
    else lo = mid
  }
  const X = csrFromTriplets(2, 1, [0, 1], [0, 0], [1, -1])
  const m = trainLogistic(X, Int32Array.from([1, 0]), 2, { C: 1, gtol: 1e-10 })
  // Binary models are stored as ±w/2 columns.
  const w = m.coef[1]! * 2
  assert.ok(Math.abs(w - lo) < 1e-6, `w = ${w}, expected ${lo}`)
  assert.ok(Math.abs(m.bias[1]! * 2) < 1e-6)
  const p = softmaxInPlace(linearScores(m, [0], [1]))
  assert.ok(Math.abs(p[1]! - 1 / (1 + Math.exp(-lo))) < 1e-6)
})

test('multinomial logistic regression separates three classes and has zero gradient at the optimum', () => {
  // Each class owns one feature; the optimum is symmetric: the same weight on each own feature.
  const X = csrFromTriplets(6, 3, [0, 1, 2, 3, 4, 5], [0, 0, 1, 1, 2, 2], [1, 1, 1, 1, 1, 1])
  const y = Int32Array.from([0, 0, 1, 1, 2, 2])
  const m = trainLogistic(X, y, 3, { C: 1, gtol: 1e-10 })
  for (let i = 0; i < 6; i++) {
    const s = linearScores(m, [X.indices[i]!], [1])
    assert.equal(s.indexOf(Math.max(...s)), y[i])
  }
  const own = [m.coef[0]!, m.coef[4]!, m.coef[8]!]
  for (const v of own) assert.ok(Math.abs(v - own[0]!) < 1e-6)
  // Stationarity for an own weight a and an other weight c (c = −a/2 by symmetry, biases 0):
  // d/da: C·2·(p_own − 1) + a = 0 with p_own = e^a / (e^a + 2e^c).
  const a = own[0]!
  const c = m.coef[1]!
  const pOwn = Math.exp(a) / (Math.exp(a) + 2 * Math.exp(c))
  assert.ok(Math.abs(2 * (pOwn - 1) + a) < 1e-5)
})

test('balanced class weights pull the logistic bias back towards zero on a skewed set', () => {
  const X = csrFromTriplets(10, 1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1, -1, -1])
  const y = Int32Array.from([1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
  const bias = (m: ReturnType<typeof trainLogistic>): number => linearScores(m, [], [])[1]! - linearScores(m, [], [])[0]!
  const plain = bias(trainLogistic(X, y, 2, { C: 0.1 }))
  const balanced = bias(trainLogistic(X, y, 2, { C: 0.1, classWeight: 'balanced' }))
  assert.ok(plain > 0.3, `plain bias ${plain}`)
  assert.ok(Math.abs(balanced) < plain / 4, `balanced ${balanced} vs plain ${plain}`)
})
