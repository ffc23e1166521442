import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitUplift, predictUplift, type UpliftSpec } from './meta-learners.ts'
import { plantedExperiment } from './synthetic-experiment.ts'

const train = plantedExperiment(1600, 1)
const fresh = plantedExperiment(600, 2)

function meanByGroup(u: Float64Array, group: Int32Array): [number, number] {
  const s = [0, 0]
  const c = [0, 0]
  for (let i = 0; i < u.length; i++) {
    const g = group[i] as number
    s[g] = (s[g] as number) + (u[i] as number)
    c[g] = (c[g] as number) + 1
  }
  return [(s[0] as number) / (c[0] as number), (s[1] as number) / (c[1] as number)]
}

// The S-learner over a linear model is left out here: with the treatment as one additive term it can only
// shift every customer's log-odds the same way (tested separately below).
const recovering: UpliftSpec[] = [
  { learner: 't-learner', base: 'logistic' },
  { learner: 't-learner', base: 'gbdt' },
  { learner: 's-learner', base: 'gbdt' },
  { learner: 'class-transformation', base: 'logistic' },
  { learner: 'class-transformation', base: 'gbdt' },
  { learner: 'x-learner', base: 'logistic' },
  { learner: 'x-learner', base: 'gbdt' },
]

for (const spec of recovering) {
  test(`${spec.learner}/${spec.base}: predicted uplift is positive for group A (+0.30 planted) and negative for B (−0.15)`, () => {
    const model = fitUplift(train.frame, train.y, train.treatment, train.schema, spec, { seed: 0, classifier: { gbdt: { nTrees: 60 } } })
    const [a, b] = meanByGroup(predictUplift(model, fresh.frame), fresh.group)
    assert.ok(a > 0.15, `group A mean uplift ${a}`)
    assert.ok(b < -0.05, `group B mean uplift ${b}`)
  })
}

test('s-learner/logistic: one additive treatment term gives every row an uplift of the same sign', () => {
  const model = fitUplift(train.frame, train.y, train.treatment, train.schema, { learner: 's-learner', base: 'logistic' })
  const u = predictUplift(model, fresh.frame)
  const positive = u.filter((v) => v > 0).length
  assert.ok(positive === 0 || positive === u.length, `${positive} of ${u.length} positive`)
})

test('class transformation stays unbiased with unequal arms (80 % treated, no effect at all)', () => {
  // Outcome 1 on 30 % of rows regardless of arm. Uncorrected, P(Z=1) = 0.8·0.3 + 0.2·0.7 = 0.38 and the
  // predicted uplift 2·0.38 − 1 = −0.24; balancing the arms first brings it back to about 0.
  const n = 3000
  const d = plantedExperiment(n, 3, 0.8)
  const noEffect = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 10 < 3 ? 1 : 0))
  const model = fitUplift(d.frame, noEffect, d.treatment, d.schema, { learner: 'class-transformation', base: 'logistic' })
  const u = predictUplift(model, d.frame)
  const mean = u.reduce((a, b) => a + b, 0) / n
  assert.ok(Math.abs(mean) < 0.05, `mean predicted uplift ${mean}`)
})

test('fitUplift: the same seed gives identical predictions; a model survives JSON', () => {
  const spec: UpliftSpec = { learner: 'class-transformation', base: 'gbdt' }
  const opts = { seed: 4, classifier: { gbdt: { nTrees: 40 } } }
  const a = predictUplift(fitUplift(train.frame, train.y, train.treatment, train.schema, spec, opts), fresh.frame)
  const model = fitUplift(train.frame, train.y, train.treatment, train.schema, spec, opts)
  assert.deepEqual(Array.from(predictUplift(model, fresh.frame)), Array.from(a))
  assert.deepEqual(Array.from(predictUplift(JSON.parse(JSON.stringify(model)), fresh.frame)), Array.from(a))
})
