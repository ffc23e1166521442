import { test } from 'node:test'
import assert from 'node:assert/strict'
import { csrFromTriplets } from '../sparse/csr.ts'
import { fitKnnBaseline, kthLargest, pearsonBaselineSimilarity } from './knn-baseline.ts'
import { interactions } from './interactions.ts'

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`)

test('shrunk Pearson-baseline similarity by hand', () => {
  // Residuals (user × item): u0 [1, 2, ·], u1 [−1, −1, 1], u2 [2, ·, 1].
  const res = csrFromTriplets(3, 3, [0, 0, 1, 1, 1, 2, 2], [0, 1, 0, 1, 2, 0, 2], [1, 2, -1, -1, 1, 2, 1])
  const sim = pearsonBaselineSimilarity(res, 1)
  const at = (i: number, j: number) => {
    for (let k = sim.indptr[i]!; k < sim.indptr[i + 1]!; k++) if (sim.indices[k] === j) return sim.data[k]!
    return 0
  }
  // items 0,1 share u0, u1: Σ = 1·2 + (−1)(−1) = 3; √((1+1)(4+1)) = √10; shrink (2−1)/(2−1+1) = 1/2.
  close(at(0, 1), (3 / Math.sqrt(10)) * 0.5)
  close(at(1, 0), at(0, 1))
  // items 0,2 share u1, u2: (−1)(1) + 2·1 = 1; √((1+4)(1+1)) = √10; shrink 1/2.
  close(at(0, 2), (1 / Math.sqrt(10)) * 0.5)
  // items 1,2 share only u1: one common rater → shrink factor 0 → not stored.
  assert.equal(at(1, 2), 0)
  assert.equal(at(0, 0), 0)
})

test('prediction adds the similarity-weighted residuals of the k nearest rated items', () => {
  // Items 0 and 1 are rated identically by users 0–3, so they correlate; user 4 rated item 0 only.
  const users = [0, 0, 1, 1, 2, 2, 3, 3, 4]
  const items = [0, 1, 0, 1, 0, 1, 0, 1, 0]
  const vals = [5, 5, 1, 1, 5, 5, 1, 1, 5]
  const m = fitKnnBaseline(interactions(users, items, vals), { shrinkage: 0, k: 1 })
  const b = m.baseline.raw(4, 1)
  const r40 = 5 - m.baseline.raw(4, 0)
  // One neighbour (item 0) with positive similarity s: r̂ = b + s·r / s = b + r.
  close(m.predict(4, 1), Math.min(5, Math.max(1, b + r40)))
  // minK above the available neighbours → baseline only.
  const strict = fitKnnBaseline(interactions(users, items, vals), { shrinkage: 0, k: 1, minK: 2 })
  close(strict.predict(4, 1), Math.min(5, Math.max(1, b)))
})

test('kthLargest selects by order statistics', () => {
  assert.equal(kthLargest(Float64Array.from([3, 9, 1, 7, 5]), 2), 7)
  assert.equal(kthLargest(Float64Array.from([2, 2, 2]), 3), 2)
  assert.equal(kthLargest(Float64Array.from([4]), 1), 4)
})
