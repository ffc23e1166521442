import { test } from 'node:test'
import assert from 'node:assert/strict'
import { RapportError } from '../../errors/rapport-error.ts'
import { clusterAnalysis, type ClusterOptions } from './cluster.ts'

const base: ClusterOptions = {
  features: ['x', 'y'], algo: 'kmeans', k: 'auto', seed: 3, restarts: 4, maxIterations: 300, tolerance: 1e-4, maxK: 5, eps: 0.3, minPoints: 3, standardise: true, sampleSize: 2000,
}

// Three tight groups of 6 points each, in memory: no file, no printing.
const points: number[] = []
for (const [cx, cy] of [[0, 0], [10, 0], [0, 10]] as const) for (let i = 0; i < 6; i++) points.push(cx + (i % 3) * 0.2, cy + Math.floor(i / 3) * 0.2)
const matrix = { rows: 18, cols: 2, data: Float64Array.from(points) }

test('clusterAnalysis: automatic k and DBSCAN both find the three groups; profiles are in original units', () => {
  const auto = clusterAnalysis(matrix, base)
  assert.equal(auto.summary.k, 3)
  assert.deepEqual(auto.summary.profiles.map((p) => p.size), [6, 6, 6])
  assert.equal(new Set(auto.labels.slice(0, 6)).size, 1)
  const centroids = auto.summary.profiles.map((p) => p.centroid.map((v) => Math.round(v))).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0))
  assert.deepEqual(centroids, [[0, 0], [0, 10], [10, 0]])
  const d = clusterAnalysis(matrix, { ...base, algo: 'dbscan' })
  assert.equal(d.summary.k, 3)
  assert.equal((d.summary as { noise?: number }).noise, 0)
})

test('clusterAnalysis: a k larger than the number of rows is a usage error', () => {
  assert.throws(() => clusterAnalysis(matrix, { ...base, k: 19 }), (e: unknown) => e instanceof RapportError && e.code === 'usage' && /exceeds the 18 rows/.test(e.message))
})
