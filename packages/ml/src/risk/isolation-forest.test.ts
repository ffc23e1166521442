import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import { averagePathLength, fitIsolationForest, isolationScores, type IsolationForest } from './isolation-forest.ts'

test('planted outliers rank first, scores lie in (0, 1], seeded and JSON-stable', () => {
  const rng = createRng(4)
  const n = 1000
  const data = new Float64Array(n * 3)
  for (let i = 0; i < n * 3; i++) data[i] = rng.normal()
  const planted = [17, 333, 801]
  for (const i of planted) for (let j = 0; j < 3; j++) data[i * 3 + j] = 7 * (j % 2 ? -1 : 1)
  const X = { rows: n, cols: 3, data }
  const forest = fitIsolationForest(X, { seed: 1 })
  const s = isolationScores(forest, X)
  const top = Array.from(s.keys()).sort((a, b) => (s[b] as number) - (s[a] as number)).slice(0, 3)
  assert.deepEqual(top.sort((a, b) => a - b), planted)
  for (const v of s) assert.ok(v > 0 && v <= 1)
  assert.ok((s[17] as number) > 0.7)
  assert.deepEqual(fitIsolationForest(X, { seed: 1 }), forest)
  assert.deepEqual(isolationScores(JSON.parse(JSON.stringify(forest)) as IsolationForest, X), s)
})

test('c(n) matches the paper: c(256) ≈ 10.24', () => {
  assert.ok(Math.abs(averagePathLength(256) - 10.2448) < 1e-3)
})
