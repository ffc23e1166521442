import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitSvd } from './svd.ts'
import { fitSvdpp } from './svdpp.ts'
import { fitBaseline } from './baseline.ts'
import { fitBlend } from './blend.ts'
import { twoBlockRatings } from './fixtures.test-util.ts'
import { evaluateRatings } from '../eval/recommend-evaluate.ts'

const { train, test: held } = twoBlockRatings()

for (const [name, fit] of [
  ['svd', (seed: number) => fitSvd(train, { seed, factors: 4, epochs: 60, lr: 0.02, reg: 0.02 })],
  ['svdpp', (seed: number) => fitSvdpp(train, { seed, factors: 4, epochs: 60, lr: 0.02, reg: 0.02 })],
] as const) {
  test(`${name} learns the block structure that biases cannot`, () => {
    const base = evaluateRatings(fitBaseline(train), held).rmse
    const mf = evaluateRatings(fit(0), held).rmse
    // Biases alone see every user and item average ~3, so they miss by ~1.5; the factors find the blocks.
    assert.ok(base > 1.2, `baseline ${base}`)
    assert.ok(mf < 0.6, `${name} ${mf}`)
  })
  test(`${name} is deterministic under a seed`, () => {
    assert.deepEqual(fit(7).toJSON(), fit(7).toJSON())
    assert.notDeepEqual(fit(7).toJSON(), fit(8).toJSON())
  })
}

test('svd with library defaults fits and clips to the scale', () => {
  const m = fitSvd(train)
  for (let u = 0; u < 20; u++) for (let i = 0; i < 16; i++) assert.ok(m.predict(u, i) >= train.values.reduce((a, b) => Math.min(a, b)) - 1e-12)
  assert.equal(m.kind, 'svd')
  assert.equal(fitSvdpp(train).kind, 'svdpp')
})

test('blend is at least as good as its best member on held-out data here', () => {
  const members = [(d: typeof train) => fitSvd(d, { factors: 4, epochs: 60, lr: 0.02, reg: 0.02 }), (d: typeof train) => fitBaseline(d)]
  const blend = fitBlend(train, members, { holdout: 0.2 })
  const best = evaluateRatings(members[0]!(train), held).rmse
  assert.ok(evaluateRatings(blend, held).rmse < best + 0.05)
  assert.equal(blend.weights.length, 3)
})
