import assert from 'node:assert/strict'
import { test } from 'node:test'
import { csrFromTriplets } from '../sparse/csr.ts'
import { linearScores, softmaxInPlace } from './linear-model.ts'
import { trainComplementNb, trainMultinomialNb } from './naive-bayes.ts'

const close = (a: number, b: number, eps = 1e-9): void => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`)

// Counts: doc0 (class 0) = [2, 1, 0]; doc1 (class 0) = [1, 0, 0]; doc2 (class 1) = [0, 1, 3].
const X = csrFromTriplets(3, 3, [0, 0, 1, 2, 2], [0, 1, 0, 1, 2], [2, 1, 1, 1, 3])
const y = Int32Array.from([0, 0, 1])

test('multinomial NB log-probabilities match the hand computation', () => {
  const m = trainMultinomialNb(X, y, 2, { alpha: 1 })
  // class 0 counts (3, 1, 0), total 4, +α·F = 7: θ = (4/7, 2/7, 1/7); class 1 counts (0, 1, 3), total 4: (1/7, 2/7, 4/7).
  close(m.coef[0 * 2 + 0]!, Math.log(4 / 7))
  close(m.coef[2 * 2 + 0]!, Math.log(1 / 7))
  close(m.coef[2 * 2 + 1]!, Math.log(4 / 7))
  close(m.bias[0]!, Math.log(2 / 3))
  close(m.bias[1]!, Math.log(1 / 3))
  // x = (1, 0, 1): joint log-likelihoods log(2/3) + log(4/7) + log(1/7) and log(1/3) + log(1/7) + log(4/7).
  const s = linearScores(m, [0, 2], [1, 1])
  close(s[0]!, Math.log(2 / 3) + Math.log(4 / 7) + Math.log(1 / 7))
  close(s[1]!, Math.log(1 / 3) + Math.log(1 / 7) + Math.log(4 / 7))
  const p = softmaxInPlace(s)
  close(p[0]!, 2 / 3) // the likelihoods tie, so the posterior is the prior
})

test('complement NB scores a class by the other classes’ distribution', () => {
  const m = trainComplementNb(X, y, 2, { alpha: 1 })
  // complement of class 0 = class 1 counts (0, 1, 3) → θ̃ = (1/7, 2/7, 4/7); weight = −log θ̃.
  close(m.coef[0 * 2 + 0]!, -Math.log(1 / 7))
  close(m.coef[2 * 2 + 0]!, -Math.log(4 / 7))
  const s = linearScores(m, [2], [1])
  assert.ok(s[1]! > s[0]!, 'feature 2 belongs to class 1')
})
