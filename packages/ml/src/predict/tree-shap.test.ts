import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import { fitGbdt } from './gbdt.ts'
import { treeShap, TreeShapCache } from './tree-shap.ts'
import { treeExpectedValue, treeValue, type Tree } from './tree.ts'

/** E[f(x) | x_S] the way path-dependent TreeSHAP defines it: unknown features follow both branches by cover. */
function conditional(tree: Tree, x: number[], known: Set<number>, k = 0): number {
  const f = tree.feature[k] as number
  if (f < 0) return tree.value[k] as number
  const l = tree.left[k] as number
  const r = tree.right[k] as number
  if (known.has(f)) return conditional(tree, x, known, (x[f] as number) > (tree.threshold[k] as number) ? r : l)
  const c = tree.cover[k] as number
  return (conditional(tree, x, known, l) * (tree.cover[l] as number) + conditional(tree, x, known, r) * (tree.cover[r] as number)) / c
}

/** Exact Shapley values by enumerating every subset (fine for 4 features). */
function bruteShapley(tree: Tree, x: number[], M: number): number[] {
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1))
  const phi = new Array<number>(M).fill(0)
  for (let i = 0; i < M; i++) {
    for (let mask = 0; mask < 1 << M; mask++) {
      if (mask & (1 << i)) continue
      const S = new Set<number>()
      for (let j = 0; j < M; j++) if (mask & (1 << j)) S.add(j)
      const w = (fact(S.size) * fact(M - S.size - 1)) / fact(M)
      const withI = new Set(S).add(i)
      phi[i] = (phi[i] as number) + w * (conditional(tree, x, withI) - conditional(tree, x, S))
    }
  }
  return phi
}

test('TreeSHAP equals brute-force Shapley values and sums to prediction minus expected value', () => {
  const rng = createRng(11)
  const n = 500
  const M = 4
  const data = new Float64Array(n * M)
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < M; j++) data[i * M + j] = Math.round(rng.normal() * 4) / 4
    y.push((data[i * M] as number) + (data[i * M + 1] as number) * (data[i * M + 2] as number) > 0.2 ? 1 : 0)
  }
  const X = { rows: n, cols: M, data }
  // Deep trees with repeated features on a path exercise the UNWIND branch.
  const model = fitGbdt(X, y, { nTrees: 5, maxDepth: 5, minSamplesLeaf: 5, learningRate: 0.5, subsample: 1 })
  for (const tree of model.trees) {
    for (let i = 0; i < 20; i++) {
      const x = Array.from(data.subarray(i * M, (i + 1) * M))
      const phi = new Float64Array(M)
      treeShap(tree, x, phi)
      const brute = bruteShapley(tree, x, M)
      for (let j = 0; j < M; j++) assert.ok(Math.abs((phi[j] as number) - (brute[j] as number)) < 1e-9, `feature ${j}: ${phi[j]} vs ${brute[j]}`)
      const sum = phi.reduce((a, b) => a + b, 0)
      assert.ok(Math.abs(sum - (treeValue(tree, X, i) - treeExpectedValue(tree))) < 1e-9)
    }
  }
})

test('TreeShapCache adds exactly what treeShap adds, row after row, for shared and new decision patterns', () => {
  const rng = createRng(5)
  const n = 400
  const M = 6
  const data = new Float64Array(n * M)
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < M; j++) data[i * M + j] = j === 5 ? (rng.next() < 0.1 ? Number.NaN : rng.normal()) : Math.round(rng.normal() * 3) / 3
    y.push((data[i * M] as number) - (data[i * M + 3] as number) > 0 ? 1 : 0)
  }
  const X = { rows: n, cols: M, data }
  for (const maxDepth of [3, 6]) {
    const model = fitGbdt(X, y, { nTrees: 8, maxDepth, minSamplesLeaf: 3, learningRate: 0.3, subsample: 1 })
    const caches = model.trees.map((t) => new TreeShapCache(t))
    for (let i = 0; i < n; i++) {
      const x = data.subarray(i * M, (i + 1) * M)
      const direct = new Float64Array(M).fill(0.25)
      const cached = new Float64Array(M).fill(0.25)
      for (const t of model.trees) treeShap(t, x, direct)
      for (const c of caches) c.add(x, cached)
      assert.deepEqual(Array.from(cached), Array.from(direct), `row ${i}, depth ${maxDepth}`)
    }
  }
})
