import { test } from 'node:test'
import assert from 'node:assert/strict'
import { denseFromRows } from './dense-matrix.ts'
import { kMeans, lloydIteration } from './kmeans.ts'
import { silhouetteScore } from './silhouette.ts'
import { chooseK } from './choose-k.ts'
import { dbscan } from './dbscan.ts'
import { KdTree } from './kd-tree.ts'
import { fitStandardiser, standardise, unstandardise } from './standardise.ts'
import { clusterProfiles } from './profiles.ts'
import { createRng } from '../random.ts'

// Three well-separated groups: around (0,0), (10,0) and (0,10).
const groups = [
  [0, 0], [0.5, 0], [0, 0.5], [0.4, 0.4],
  [10, 0], [10.5, 0], [10, 0.5], [10.4, 0.3],
  [0, 10], [0.5, 10], [0.2, 10.5],
]
const truth = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]

/** Same partition up to relabelling. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const map = new Map<number, number>()
  for (let i = 0; i < a.length; i++) {
    const m = map.get(a[i] as number)
    if (m === undefined) map.set(a[i] as number, b[i] as number)
    else if (m !== b[i]) return false
  }
  return new Set(map.values()).size === map.size
}

test('k-means separates separable points and reports exact centroids', () => {
  const x = denseFromRows(groups)
  const fit = kMeans(x, { k: 3, seed: 1 })
  assert.ok(samePartition(fit.labels, truth))
  const c = fit.labels[8] as number
  assert.ok(Math.abs((fit.centroids[c * 2] as number) - 0.7 / 3) < 1e-12)
  assert.ok(Math.abs((fit.centroids[c * 2 + 1] as number) - 30.5 / 3) < 1e-12)
  assert.deepEqual(Array.from(fit.sizes).sort(), [3, 4, 4])
  // Same seed, same answer.
  assert.deepEqual(kMeans(x, { k: 3, seed: 1 }).labels, fit.labels)
})

test('one Lloyd step moves centres to their cluster means', () => {
  const x = denseFromRows([[0], [1], [9], [11]])
  const centroids = Float64Array.from([0, 5])
  const labels = new Int32Array(4)
  const next = new Float64Array(2)
  const inertia = lloydIteration(x, centroids, 2, labels, next, new Int32Array(2))
  assert.deepEqual(Array.from(labels), [0, 0, 1, 1])
  assert.deepEqual(Array.from(next), [0.5, 10])
  assert.equal(inertia, 0 + 1 + 16 + 36)
})

test('silhouette: hand-checked two-cluster line and automatic k', () => {
  // Points 0, 1 | 5, 6: a(0)=1, b(0)=5.5 → s=(5.5−1)/5.5; symmetric for the rest except inner points.
  const x = denseFromRows([[0], [1], [5], [6]])
  const labels = Int32Array.from([0, 0, 1, 1])
  const s0 = (5.5 - 1) / 5.5
  const s1 = (4.5 - 1) / 4.5
  assert.ok(Math.abs(silhouetteScore(x, labels, 2) - (s0 + s1 + s1 + s0) / 4) < 1e-12)
  const auto = chooseK(denseFromRows(groups), { maxK: 5, seed: 2 })
  assert.equal(auto.best.k, 3)
  assert.equal(auto.scores.length, 4)
})

test('DBSCAN finds the groups and flags an outlier as noise', () => {
  const x = denseFromRows([...groups, [50, 50]])
  const r = dbscan(x, { eps: 1, minPoints: 3 })
  assert.equal(r.clusters, 3)
  assert.equal(r.noise, 1)
  assert.equal(r.labels[11], -1)
  assert.ok(samePartition(r.labels.subarray(0, 11), truth))
})

test('k-d tree radius query equals brute force on random points', () => {
  const rng = createRng(5)
  const rows = Array.from({ length: 500 }, () => [rng.normal(), rng.normal(), rng.normal()])
  const x = denseFromRows(rows)
  const tree = new KdTree(x)
  for (const q of [0, 17, 250, 499]) {
    const got: number[] = []
    tree.radius(q, 0.6, (i) => got.push(i))
    const want = rows
      .map((r, i) => [i, Math.hypot(r[0]! - rows[q]![0]!, r[1]! - rows[q]![1]!, r[2]! - rows[q]![2]!)] as const)
      .filter(([, dist]) => dist <= 0.6)
      .map(([i]) => i)
    assert.deepEqual(got.sort((a, b) => a - b), want)
  }
})

test('standardise round-trips and profiles speak original units', () => {
  const x = denseFromRows([[1, 100], [3, 100], [5, 400], [7, 400]])
  const s = fitStandardiser(x)
  assert.deepEqual(Array.from(s.means), [4, 250])
  assert.ok(Math.abs((s.scales[0] as number) - Math.sqrt(5)) < 1e-12)
  const z = standardise(x, s)
  const back = unstandardise(z, s)
  back.data.forEach((v, i) => assert.ok(Math.abs(v - (x.data[i] as number)) < 1e-12))
  const p = clusterProfiles(x, Int32Array.from([0, 0, 1, 1]), ['visits', 'spend'], 1)
  assert.equal(p.length, 2)
  assert.deepEqual(p[0]?.centroid, [2, 100])
  assert.equal(p[0]?.distinguishing[0]?.feature, 'spend') // spend differs by 1 sd, visits by 2/√5
  assert.equal(p[1]?.share, 0.5)
})

test('the WebAssembly SIMD Lloyd step is bit-identical to the JavaScript one', async () => {
  const { createSimdLloyd } = await import('./lloyd-simd.ts')
  const { kMeansPlusPlus } = await import('./kmeans.ts')
  const rng = createRng(9)
  for (const [n, d, k] of [[3000, 5, 11], [2500, 1, 3], [4000, 8, 8]] as const) {
    const x = { rows: n, cols: d, data: Float64Array.from({ length: n * d }, () => rng.normal() * 3) }
    const simd = createSimdLloyd(x, k)
    assert.ok(simd, 'WebAssembly SIMD is available on Node 20')
    const c = kMeansPlusPlus(x, k, createRng(2))
    const [l1, n1, c1] = [new Int32Array(n), new Float64Array(k * d), new Int32Array(k)]
    const [l2, n2, c2] = [new Int32Array(n), new Float64Array(k * d), new Int32Array(k)]
    for (let it = 0; it < 3; it++) {
      assert.equal(simd.step(c, l2, n2, c2), lloydIteration(x, c, k, l1, n1, c1))
      assert.deepEqual(l2, l1)
      assert.deepEqual(n2, n1)
      assert.deepEqual(c2, c1)
      c.set(n1)
    }
    assert.deepEqual(kMeans(x, { k, seed: 4, restarts: 2, simd: true }), kMeans(x, { k, seed: 4, restarts: 2, simd: false }))
  }
})
