import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitBaseline } from './baseline.ts'
import { interactions } from './interactions.ts'
import { fitGlobalMean } from './global-mean.ts'

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`)
// 3 users × 3 items, two ratings each: u0 {i0: 5, i1: 3}, u1 {i0: 4, i2: 2}, u2 {i1: 1, i2: 3}; μ = 3.
const data = interactions([0, 0, 1, 1, 2, 2], [0, 1, 0, 2, 1, 2], [5, 3, 4, 2, 1, 3])

test('one ALS sweep gives the hand-computed biases (λ_u = λ_i = 1)', () => {
  const m = fitBaseline(data, { epochs: 1, regUser: 1, regItem: 1 })
  // b_u = Σ(r − μ)/(1 + n_u): u0 2/3, u1 0, u2 −2/3.
  close(m.bu[0]!, 2 / 3)
  close(m.bu[1]!, 0)
  close(m.bu[2]!, -2 / 3)
  // b_i = Σ(r − μ − b_u)/(1 + n_i): i0 (4/3 + 1)/3 = 7/9, i1 (−2/3 − 4/3)/3 = −2/3, i2 (−1 + 2/3)/3 = −1/9.
  close(m.bi[0]!, 7 / 9)
  close(m.bi[1]!, -2 / 3)
  close(m.bi[2]!, -1 / 9)
  close(m.predict(0, 2), 3 + 2 / 3 - 1 / 9)
})

test('unknown users and items fall back to the known biases; predictions are clipped', () => {
  const m = fitBaseline(data)
  close(m.predict(99, 0), Math.min(5, Math.max(1, m.mean + m.bi[0]!)))
  close(m.predict(-1, -1), m.mean)
  const extreme = fitBaseline(interactions([0, 1], [0, 0], [5, 1]), { regUser: 0, regItem: 0 })
  assert.ok(extreme.predict(0, 0) <= 5 && extreme.predict(1, 0) >= 1)
  assert.equal(fitGlobalMean(data).predict(), 3)
})
