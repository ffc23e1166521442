import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitBaseline, interactions } from '@rapport/ml'
import { RapportError } from '../../errors/rapport-error.ts'
import { evaluateRatingModel } from './evaluate-ratings.ts'

// 12 users × 10 items with two taste groups (the CLI tests' ratings, built in memory).
const u: number[] = []
const i: number[] = []
const r: number[] = []
for (let user = 0; user < 12; user++) {
  for (let item = 0; item < 10; item++) {
    if ((user * 7 + item * 3) % 5 === 0) continue
    u.push(user)
    i.push(item)
    r.push(user % 2 === item % 2 ? 4 + ((user + item) % 2) : 1 + ((user * item) % 2))
  }
}
const data = interactions(Int32Array.from(u), Int32Array.from(i), Float64Array.from(r), 12, 10)
const fit = (d: typeof data) => fitBaseline(d)

test('evaluateRatingModel: k-fold CV reports every fold and the means of their metrics', () => {
  const seen: number[] = []
  const res = evaluateRatingModel(fit, { kind: 'cv', data, folds: 3, source: 'memory' }, 0, (f) => seen.push(f.fold))
  assert.deepEqual(seen, [0, 1, 2])
  assert.equal(res.folds.length, 3)
  assert.equal(res.ratings, u.length)
  const meanRmse = res.folds.reduce((s, f) => s + f.rmse, 0) / 3
  assert.ok(Math.abs(res.rmse - meanRmse) < 1e-12)
  assert.ok(res.rmse > 0 && res.rmse < 2.5 && res.mae <= res.rmse)
})

test('evaluateRatingModel: a fixed split fits once on train; too few ratings for the folds is a usage error', () => {
  const res = evaluateRatingModel(fit, { kind: 'fixed', train: data, test: data }, 0)
  assert.equal(res.folds.length, 1)
  assert.equal(res.ratings, 2 * u.length)
  const tiny = interactions(Int32Array.from([0, 1]), Int32Array.from([0, 1]), Float64Array.from([3, 4]), 2, 2)
  assert.throws(() => evaluateRatingModel(fit, { kind: 'cv', data: tiny, folds: 3, source: 'tiny.tsv' }, 0), (e: unknown) => e instanceof RapportError && /tiny\.tsv: 2 ratings cannot fill 3 folds/.test(e.message))
})
