import { test } from 'node:test'
import assert from 'node:assert/strict'
import { interactions, userItemMatrix } from './interactions.ts'
import { fitPopularity } from './popularity.ts'
import { fitItemKnn } from './item-knn.ts'
import { fitImplicitAls } from './implicit-als.ts'
import { fitEase } from './ease.ts'
import { recommendTopN } from './recommend-top-n.ts'
import { csrGet } from '../sparse/csr.ts'

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`)
// 4 users × 4 items: u0 {0,1}, u1 {0,1,2}, u2 {2,3}, u3 {1,2,3}.
const data = interactions([0, 0, 1, 1, 1, 2, 2, 3, 3, 3], [0, 1, 0, 1, 2, 2, 3, 1, 2, 3], Array(10).fill(1))

test('popularity ranks by count and excludes seen items', () => {
  const m = fitPopularity(data)
  assert.deepEqual([...m.counts], [2, 3, 3, 2])
  // u0 saw 0 and 1 → [2, 3]; ties break to the lower index.
  assert.deepEqual([...recommendTopN(m, 0, 4, userItemMatrix(data))], [2, 3])
})

test('item kNN cosine similarities and scores by hand', () => {
  const m = fitItemKnn(data)
  // users of items: 0 {0,1}, 1 {0,1,3}, 2 {1,2,3}, 3 {2,3}. cos(0,1) = 2/√6, cos(1,2) = 2/3, cos(0,3) = 0.
  close(csrGet(m.sim, 0, 1), 2 / Math.sqrt(6))
  close(csrGet(m.sim, 1, 2), 2 / 3)
  assert.equal(csrGet(m.sim, 0, 3), 0)
  // u0 = {0, 1}: score(2) = cos(0,2) + cos(1,2) = 1/√6 + 2/3.
  close(m.predict(0, 2), 1 / Math.sqrt(6) + 2 / 3)
  const pruned = fitItemKnn(data, { neighbours: 1 })
  for (let i = 0; i < 4; i++) assert.ok(pruned.sim.indptr[i + 1]! - pruned.sim.indptr[i]! <= 1)
})

test('EASE matches the closed form on a 2-item case and satisfies its optimality conditions on 4 items', () => {
  // Two items, G = [[2, 1], [1, 2]] (users {0,1}, {0}, {1}); B[0][1] = G01 / (G00 + λ) = 1/3 for λ = 1.
  const two = fitEase(interactions([0, 0, 1, 2], [0, 1, 0, 1], [1, 1, 1, 1]), { lambda: 1 })
  close(two.weights[1]!, 1 / 3)
  close(two.weights[2]!, 1 / 3)
  assert.equal(two.weights[0], 0)
  const lambda = 0.5
  const m = fitEase(data, { lambda })
  const x = userItemMatrix(data)
  const n = 4
  const g = new Float64Array(16)
  for (let u = 0; u < 4; u++) for (let a = x.indptr[u]!; a < x.indptr[u + 1]!; a++) for (let b = x.indptr[u]!; b < x.indptr[u + 1]!; b++) g[x.indices[a]! * n + x.indices[b]!]! += 1
  // KKT of min ‖X − XB‖² + λ‖B‖² s.t. diag B = 0: ((G + λI)B − G)_ij = 0 for i ≠ j.
  for (let i = 0; i < n; i++) {
    assert.equal(m.weights[i * n + i], 0)
    for (let j = 0; j < n; j++) {
      if (i === j) continue
      let s = lambda * m.weights[i * n + j]! - g[i * n + j]!
      for (let k = 0; k < n; k++) s += g[i * n + k]! * m.weights[k * n + j]!
      close(s, 0)
    }
  }
})

test('implicit ALS recommends within the block a user belongs to', () => {
  // Two blocks of 6 users × 5 items; each user misses one item of their block.
  const u: number[] = []
  const i: number[] = []
  for (let a = 0; a < 12; a++) {
    const block = a < 6 ? 0 : 5
    for (let b = 0; b < 5; b++) if (b !== a % 5) (u.push(a), i.push(block + b))
  }
  const d = interactions(u, i, Array(u.length).fill(1), 12, 10)
  const m = fitImplicitAls(d, { factors: 2, reg: 1, alpha: 10, iterations: 10, seed: 1 })
  const seen = userItemMatrix(d)
  for (let a = 0; a < 12; a++) {
    const top = recommendTopN(m, a, 1, seen)[0]!
    assert.equal(top, (a < 6 ? 0 : 5) + (a % 5), `user ${a}`)
  }
  assert.deepEqual(fitImplicitAls(d, { seed: 3 }).toJSON(), fitImplicitAls(d, { seed: 3 }).toJSON())
})
