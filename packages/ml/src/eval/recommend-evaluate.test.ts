import { test } from 'node:test'
import assert from 'node:assert/strict'
import { crossValidateRatings, evaluateRatings, evaluateTopN } from './recommend-evaluate.ts'
import { interactions } from '../recommend/interactions.ts'
import { fitPopularity } from '../recommend/popularity.ts'
import { fitGlobalMean } from '../recommend/global-mean.ts'
import { kFold } from './stratified-kfold.ts'

test('evaluateTopN excludes training items and scores the rest', () => {
  // Popularity: item 0 (3 users) > item 1 (2) > item 2 (1) > item 3 (0).
  const train = interactions([0, 1, 2, 0, 1, 2], [0, 0, 0, 1, 1, 2], [1, 1, 1, 1, 1, 1], 4, 4)
  // user 0 saw 0 and 1 → recommended [2, 3]; relevant {2}. user 3 is not in training → skipped.
  const test = interactions([0, 3], [2, 0], [1, 1], 4, 4)
  const r = evaluateTopN(fitPopularity(train), train, test, 1)
  assert.equal(r.users, 1)
  assert.equal(r.precision, 1)
  assert.equal(r.ndcg, 1)
  assert.equal(r.coverage, 1 / 3)
})

test('evaluateRatings and crossValidateRatings on the global mean', () => {
  const data = interactions([0, 0, 1, 1], [0, 1, 0, 1], [1, 3, 3, 5])
  const r = evaluateRatings(fitGlobalMean(data), data)
  assert.equal(r.mae, 1)
  const folds = kFold(4, 2, 0)
  const res = crossValidateRatings(data, folds, fitGlobalMean)
  assert.equal(res.length, 2)
  for (const f of res) assert.ok(f.rmse >= 0 && f.fitSeconds === 0)
})
