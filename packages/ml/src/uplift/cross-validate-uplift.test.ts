import { test } from 'node:test'
import assert from 'node:assert/strict'
import { selectRows } from '../data/frame.ts'
import { choiceName, crossValidateUplift, DEFAULT_INCUMBENT, fitChoice, predictChoice, selectUpliftLearner } from './cross-validate-uplift.ts'
import { UPLIFT_FOREST, type UpliftSpec } from './meta-learners.ts'
import { plantedExperiment } from './synthetic-experiment.ts'
import { foldRows, upliftKFold } from './uplift-folds.ts'

const data = plantedExperiment(900, 5)
const fast = { classifier: { gbdt: { nTrees: 40 } } }

test('upliftKFold: every fold holds each treatment × outcome cell within one row of its share', () => {
  const folds = upliftKFold(data.y, data.treatment, 5, 0)
  for (let cell = 0; cell < 4; cell++) {
    const counts = [0, 0, 0, 0, 0]
    for (let i = 0; i < data.y.length; i++) if (2 * (data.treatment[i] as number) + (data.y[i] as number) === cell) counts[folds[i] as number]!++
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `cell ${cell}: ${counts.join(',')}`)
  }
})

test('crossValidateUplift: same seed, same out-of-fold uplift; another seed, other folds', () => {
  const spec: UpliftSpec = { learner: 't-learner', base: 'gbdt' }
  const a = crossValidateUplift(data, { ...fast, learner: spec, folds: 3, seed: 0 })
  const b = crossValidateUplift(data, { ...fast, learner: spec, folds: 3, seed: 0 })
  const c = crossValidateUplift(data, { ...fast, learner: spec, folds: 3, seed: 1 })
  assert.deepEqual(Array.from(a.oof), Array.from(b.oof))
  assert.notDeepEqual(Array.from(a.oof), Array.from(c.oof))
  assert.equal(a.folds.length, 3)
  // The planted effect is strong: every fold ranks clearly better than random.
  for (const f of a.folds) assert.ok(f.qiniAuc > 0.2, `fold ${f.fold} qini ${f.qiniAuc}`)
})

test("crossValidateUplift 'auto': each fold's learner is the inner-CV winner on that fold's training rows alone", () => {
  const candidates: UpliftSpec[] = [
    { learner: 's-learner', base: 'logistic' },
    { learner: 'class-transformation', base: 'gbdt' },
  ]
  const cv = crossValidateUplift(data, { ...fast, learner: 'auto', candidates, pairs: false, folds: 3, seed: 0 })
  const assignment = upliftKFold(data.y, data.treatment, 3, 0)
  for (const f of cv.folds) {
    const { train } = foldRows(assignment, f.fold)
    const trainData = {
      frame: selectRows(data.frame, train),
      y: Float64Array.from(train, (i) => data.y[i] as number),
      treatment: Float64Array.from(train, (i) => data.treatment[i] as number),
      schema: data.schema,
    }
    const alone = selectUpliftLearner(trainData, { ...fast, candidates, pairs: false, seed: 0 })
    assert.equal(choiceName(f.choice), choiceName(alone.choice))
    assert.deepEqual(f.inner?.map((c) => c.qiniAuc), alone.inner.map((c) => c.qiniAuc))
  }
  // The S-learner over a linear model cannot tell who is helped from who is hurt; the inner CV sees that.
  assert.ok(cv.folds.every((f) => choiceName(f.choice) === 'class-transformation/gbdt'))
})

test('selectUpliftLearner weighs each candidate and each pair; an ensemble predicts the mean of its members', () => {
  const a: UpliftSpec = { learner: 't-learner', base: 'logistic' }
  const b: UpliftSpec = { learner: 'class-transformation', base: 'gbdt' }
  const picked = selectUpliftLearner(data, { ...fast, candidates: [a, b] })
  assert.deepEqual(picked.inner.map((c) => choiceName(c.choice)), ['t-learner/logistic', 'class-transformation/gbdt', 't-learner/logistic + class-transformation/gbdt'])
  const best = Math.max(...picked.inner.map((c) => c.qiniAuc))
  assert.equal(picked.inner.find((c) => c.choice === picked.choice)?.qiniAuc, best)
  const both = predictChoice(fitChoice(data, [a, b], fast), data.frame)
  const ua = predictChoice(fitChoice(data, a, fast), data.frame)
  const ub = predictChoice(fitChoice(data, b, fast), data.frame)
  both.forEach((v, i) => assert.ok(Math.abs(v - ((ua[i] as number) + (ub[i] as number)) / 2) < 1e-12))
})

test('selectUpliftLearner: an incumbent that cannot rank is replaced by a clearly better learner; an unreachable margin keeps it', () => {
  const weak: UpliftSpec = { learner: 's-learner', base: 'logistic' }
  const strong: UpliftSpec = { learner: 'class-transformation', base: 'gbdt' }
  const options = { ...fast, candidates: [weak, strong], pairs: false, incumbent: weak }
  const replaced = selectUpliftLearner(data, options)
  // One additive treatment term ranks nobody (meta-learners.test.ts); the planted effect is large.
  const [w, s] = replaced.inner.map((c) => c.qiniAuc) as [number, number]
  assert.ok(s > w + Math.abs(w) / 3, `inner qini ${w} vs ${s}`)
  assert.equal(choiceName(replaced.choice), 'class-transformation/gbdt')
  const kept = selectUpliftLearner(data, { ...options, margin: 1e6 })
  assert.deepEqual(kept.inner.map((c) => c.qiniAuc), replaced.inner.map((c) => c.qiniAuc))
  assert.equal(choiceName(kept.choice), 's-learner/logistic')
})

test('selectUpliftLearner: by default the X-learner over GBDT is kept unless the best choice beats it by a third', () => {
  const candidates: UpliftSpec[] = [{ learner: 't-learner', base: 'logistic' }, DEFAULT_INCUMBENT, UPLIFT_FOREST]
  const picked = selectUpliftLearner(data, { ...fast, candidates })
  const plain = selectUpliftLearner(data, { ...fast, candidates, incumbent: null })
  assert.deepEqual(picked.inner.map((c) => c.qiniAuc), plain.inner.map((c) => c.qiniAuc))
  const incumbent = picked.inner.find((c) => choiceName(c.choice) === 'x-learner/gbdt')?.qiniAuc as number
  const best = Math.max(...plain.inner.map((c) => c.qiniAuc))
  assert.equal(plain.inner.find((c) => c.choice === plain.choice)?.qiniAuc, best)
  assert.equal(choiceName(picked.choice), best > incumbent + Math.abs(incumbent) / 3 ? choiceName(plain.choice) : 'x-learner/gbdt')
})
