import assert from 'node:assert/strict'
import { test } from 'node:test'
import { csrFromTriplets } from '../sparse/csr.ts'
import { balancedClassWeights, trainBinarySvm, trainLinearSvm } from './linear-svm.ts'
import { linearScores } from './linear-model.ts'
import { logCountRatio, trainNbSvm } from './nbsvm.ts'

test('dual coordinate descent reaches the squared-hinge SVM optimum on a 1-D set', () => {
  // x = +1 (y = +1), x = −1 (y = −1), bias feature 1. Primal ½(w² + b²) + C Σ max(0, 1 − y(wx + b))²; by
  // symmetry b = 0 and w = 4C / (1 + 4C).
  const X = csrFromTriplets(2, 1, [0, 1], [0, 0], [1, -1])
  for (const C of [0.25, 1, 4]) {
    const w = trainBinarySvm(X, Int8Array.from([1, -1]), { C, eps: 1e-8 })
    assert.ok(Math.abs(w[0]! - (4 * C) / (1 + 4 * C)) < 1e-6, `C=${C}: w=${w[0]}`)
    assert.ok(Math.abs(w[1]!) < 1e-6)
  }
})

test('one-vs-rest linear SVM classifies a separable 3-class set', () => {
  const X = csrFromTriplets(6, 4, [0, 1, 2, 3, 4, 5, 0, 3], [0, 0, 1, 1, 2, 2, 3, 3], [1, 0.8, 1, 0.9, 1, 0.7, 0.2, 0.2])
  const y = Int32Array.from([0, 0, 1, 1, 2, 2])
  const m = trainLinearSvm(X, y, 3)
  for (let i = 0; i < 6; i++) {
    const a = X.indptr[i]!
    const b = X.indptr[i + 1]!
    const s = linearScores(m, X.indices.subarray(a, b), X.data.subarray(a, b))
    assert.equal(s.indexOf(Math.max(...s)), y[i])
  }
})

test('NB log-count ratio matches the hand computation and NB-SVM separates the classes', () => {
  // Binarised: positives (rows 0, 1) have feature 0 twice, feature 1 once; the negative has features 1, 2.
  const X = csrFromTriplets(3, 3, [0, 0, 1, 2, 2], [0, 1, 0, 1, 2], [0.5, 0.5, 1, 0.7, 0.7])
  const y = Int8Array.from([1, 1, -1])
  const r = logCountRatio(X, y, 1)
  // p = 1 + (2, 1, 0) = (3, 2, 1), ‖p‖₁ = 6; q = 1 + (0, 1, 1) = (1, 2, 2), ‖q‖₁ = 5.
  assert.ok(Math.abs(r[0]! - Math.log(3 / 6 / (1 / 5))) < 1e-12)
  assert.ok(Math.abs(r[1]! - Math.log(2 / 6 / (2 / 5))) < 1e-12)
  assert.ok(Math.abs(r[2]! - Math.log(1 / 6 / (2 / 5))) < 1e-12)
  const m = trainNbSvm(X, Int32Array.from([1, 1, 0]), 2)
  const pos = linearScores(m, [0], [1])
  const neg = linearScores(m, [2], [1])
  assert.ok(pos[1]! > pos[0]! && neg[0]! > neg[1]!)
})

test("balanced class weights move the boundary towards the large class (scikit-learn's class_weight='balanced')", () => {
  assert.deepEqual([...balancedClassWeights(Int32Array.from([0, 1, 1, 1]), 2)], [2, 4 / 6])
  // Eight rows of class 1 at x = 1, two of class 0 at x = -1, and an ambiguous probe at 0 scored by the bias.
  const X = csrFromTriplets(10, 1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1, -1, -1])
  const y = Int32Array.from([1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
  const plain = trainLinearSvm(X, y, 2, { C: 0.05 })
  const balanced = trainLinearSvm(X, y, 2, { C: 0.05, classWeight: 'balanced' })
  const bias = (m: typeof plain): number => linearScores(m, [], [])[1]! - linearScores(m, [], [])[0]!
  // Unweighted, the majority pulls the bias to its side; balanced, the two classes weigh the same (bias ≈ 0).
  assert.ok(bias(plain) > 0.05, `plain bias ${bias(plain)}`)
  assert.ok(Math.abs(bias(balanced)) < Math.abs(bias(plain)) / 4, `balanced ${bias(balanced)} vs plain ${bias(plain)}`)
})
