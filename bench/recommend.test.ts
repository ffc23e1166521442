import { test } from 'node:test'
import assert from 'node:assert/strict'
import { evaluateRatings, evaluateTopN, fitBaseline, fitEase, fitSvd, kFold, stratifiedSplit, subsetInteractions } from '@rapport/ml'
import { dataFile } from './lib/report.ts'
import { loadMovieLens } from './recommend.ts'
import { must } from './lib/must.ts'

// MovieLens-100k checks on one fold / one split (the full 5-fold numbers come from `npm run bench -- recommend`).
const file = dataFile('movielens-100k', 'u.data')

test('ML-100k fold 1: baseline matches Surprise, SVD beats it by the issue margin', { skip: file ? false : 'shared data absent' }, async () => {
  const data = await loadMovieLens(must(file, 'the MovieLens file'))
  assert.equal(data.users.length, 100000)
  const mask = Array.from(kFold(data.users.length, 5, 0), (f) => f === 0)
  const train = subsetInteractions(data, mask, false)
  const test = subsetInteractions(data, mask, true)
  const base = evaluateRatings(fitBaseline(train), test)
  // Surprise BaselineOnly, 5-fold: RMSE 0.944, MAE 0.748.
  assert.ok(Math.abs(base.rmse - 0.944) < 0.005, `baseline ${base.rmse}`)
  const svd = evaluateRatings(fitSvd(train), test)
  assert.ok(svd.rmse <= 0.915, `svd ${svd.rmse}`)
})

test('ML-100k stratified split: EASE reaches nDCG@10 >= 0.46 and P@10 >= 0.40', { skip: file ? false : 'shared data absent' }, async () => {
  const data = await loadMovieLens(must(file, 'the MovieLens file'))
  const mask = stratifiedSplit(data.users, 0.75, 42)
  const train = subsetInteractions(data, mask, true)
  const test = subsetInteractions(data, mask, false)
  assert.equal(train.users.length + test.users.length, 100000)
  const r = evaluateTopN(fitEase(train), train, test, 10)
  assert.equal(r.users, 943)
  assert.ok(r.ndcg >= 0.46, `ndcg ${r.ndcg}`)
  assert.ok(r.precision >= 0.4, `precision ${r.precision}`)
})
