import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import { rocAuc } from '../eval/binary-auc.ts'
import { fitGbdt, gbdtMargin, gbdtPredict, type GbdtModel } from './gbdt.ts'

function data(seed: number, n = 600): { X: { rows: number; cols: number; data: Float64Array }; y: number[] } {
  const rng = createRng(seed)
  const d = new Float64Array(n * 4)
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 4; j++) d[i * 4 + j] = rng.normal()
    // A non-linear interaction a linear model cannot express, plus label noise.
    const s = (d[i * 4] as number) * (d[i * 4 + 1] as number) + 0.5 * Math.abs(d[i * 4 + 2] as number)
    y.push(s + 0.3 * rng.normal() > 0.3 ? 1 : 0)
  }
  return { X: { rows: n, cols: 4, data: d }, y }
}

test('GBDT learns an interaction and generalises to fresh rows', () => {
  const train = data(1)
  const fresh = data(2)
  const m = fitGbdt(train.X, train.y, { nTrees: 150, maxDepth: 3, learningRate: 0.1 })
  const auc = rocAuc(fresh.y, gbdtPredict(m, fresh.X))
  assert.ok(auc > 0.85, `held-out AUC ${auc}`)
})

test('seeded, and JSON round-trip gives identical predictions', () => {
  const { X, y } = data(4, 300)
  const a = fitGbdt(X, y, { nTrees: 30, subsample: 0.7, colsample: 0.5, seed: 9 })
  const b = fitGbdt(X, y, { nTrees: 30, subsample: 0.7, colsample: 0.5, seed: 9 })
  assert.deepEqual(a, b)
  const c = fitGbdt(X, y, { nTrees: 30, subsample: 0.7, colsample: 0.5, seed: 10 })
  assert.notDeepEqual(a, c)
  const back = JSON.parse(JSON.stringify(a)) as GbdtModel
  assert.deepEqual(gbdtPredict(back, X), gbdtPredict(a, X))
})

test('bags: one ensemble whose margin is the mean of the bags fitted alone', () => {
  const { X, y } = data(7, 300)
  const opts = { nTrees: 25, subsample: 0.7, seed: 3 }
  assert.deepEqual(fitGbdt(X, y, { ...opts, bags: 1 }), fitGbdt(X, y, opts))
  const bagged = fitGbdt(X, y, { ...opts, bags: 3 })
  assert.equal(bagged.trees.length, 75)
  const alone = [0, 1, 2].map((b) => gbdtMargin(fitGbdt(X, y, { ...opts, seed: 3 + 1000 * b }), X))
  const m = gbdtMargin(bagged, X)
  for (let i = 0; i < X.rows; i++) {
    const mean = ((alone[0]![i] as number) + (alone[1]![i] as number) + (alone[2]![i] as number)) / 3
    assert.ok(Math.abs((m[i] as number) - mean) < 1e-12, `row ${i}: ${m[i]} vs ${mean}`)
  }
  // The bags really differ (else averaging would change nothing).
  assert.ok(alone[0]!.some((v, i) => Math.abs(v - (alone[1]![i] as number)) > 1e-6))
})

test('early stopping keeps fewer trees when the validation loss stops improving', () => {
  const { X, y } = data(5, 400)
  const m = fitGbdt(X, y, { nTrees: 500, learningRate: 0.3, maxDepth: 4, earlyStopping: true, patience: 10 })
  assert.ok(m.trees.length < 500, `kept ${m.trees.length}`)
})

test('squared loss fits a regression target', () => {
  const rng = createRng(6)
  const n = 300
  const d = Float64Array.from({ length: n }, () => rng.next() * 6)
  const y = Array.from(d, (x) => Math.sin(x) * 3)
  const m = fitGbdt({ rows: n, cols: 1, data: d }, y, { loss: 'squared', nTrees: 200, learningRate: 0.1, minSamplesLeaf: 5 })
  const p = gbdtPredict(m, { rows: n, cols: 1, data: d })
  let mse = 0
  for (let i = 0; i < n; i++) mse += ((p[i] as number) - (y[i] as number)) ** 2
  assert.ok(mse / n < 0.05, `mse ${mse / n}`)
})
