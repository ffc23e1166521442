import { test } from 'node:test'
import assert from 'node:assert/strict'
import { twoBlockRatings } from './fixtures.test-util.ts'
import { modelFromJson } from './model-json.ts'
import type { Recommender } from './types.ts'
import { fitGlobalMean } from './global-mean.ts'
import { fitBaseline } from './baseline.ts'
import { fitKnnBaseline } from './knn-baseline.ts'
import { fitSvd } from './svd.ts'
import { fitSvdpp } from './svdpp.ts'
import { fitBlend } from './blend.ts'
import { fitPopularity } from './popularity.ts'
import { fitItemKnn } from './item-knn.ts'
import { fitImplicitAls } from './implicit-als.ts'
import { fitEase } from './ease.ts'
import { fitContentTfidf } from './content-tfidf.ts'
import { HybridModel } from './hybrid.ts'

const { train } = twoBlockRatings()
const content = fitContentTfidf(Array.from({ length: 16 }, (_, i) => ({ text: `item ${i % 2 ? 'odd' : 'even'}`, categories: [`c${i % 3}`] })), train)
const models: Array<[string, () => Recommender]> = [
  ['global-mean', () => fitGlobalMean(train)],
  ['baseline', () => fitBaseline(train)],
  ['knn-baseline', () => fitKnnBaseline(train)],
  ['svd', () => fitSvd(train, { factors: 3, epochs: 5 })],
  ['svdpp', () => fitSvdpp(train, { factors: 3, epochs: 5 })],
  ['blend', () => fitBlend(train, [(d) => fitSvd(d, { factors: 2, epochs: 3 }), fitBaseline])],
  ['popularity', () => fitPopularity(train)],
  ['item-knn', () => fitItemKnn(train, { neighbours: 5 })],
  ['als', () => fitImplicitAls(train, { factors: 3, iterations: 3 })],
  ['ease', () => fitEase(train, { lambda: 10 })],
  ['content-tfidf', () => content],
  ['hybrid', () => new HybridModel(fitEase(train), content, 0.6)],
]

// One shared suite over every recommender (style.md principle 2).
for (const [name, fit] of models) {
  test(`${name}: JSON round-trip gives identical predictions and top-N`, () => {
    const m = fit()
    const back = modelFromJson(JSON.parse(JSON.stringify(m.toJSON())))
    assert.equal(back.kind, m.kind)
    assert.equal(back.nItems, m.nItems)
    const a = new Float64Array(m.nItems)
    const b = new Float64Array(m.nItems)
    for (let u = -1; u <= m.nUsers; u++) {
      m.scoreItems(u, a)
      back.scoreItems(u, b)
      assert.deepEqual(b, a, `user ${u}`)
      for (let i = -1; i <= m.nItems; i++) assert.equal(back.predict(u, i), m.predict(u, i))
    }
  })
}

test('modelFromJson rejects unknown kinds', () => {
  assert.throws(() => modelFromJson({ kind: 'nope' }), /unknown model kind/)
})
