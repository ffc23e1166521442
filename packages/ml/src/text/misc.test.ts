import assert from 'node:assert/strict'
import { test } from 'node:test'
import { multiclassReport } from '../eval/multiclass-metrics.ts'
import { tuneAbstainThreshold } from './abstain.ts'
import { hashingRow, hashString } from './hashing.ts'
import { lexiconSentiment } from './sentiment-lexicon.ts'
import { sentimentPolarity } from './sentiment.ts'
import { fitTemperature } from './temperature.ts'

test('multi-class report: accuracy, macro-F1 and per-class values by hand', () => {
  // truth 0 0 1 1 2, pred 0 1 1 1 0: class 0 P=1/2 R=1/2; class 1 P=2/3 R=1; class 2 P=0 R=0.
  const r = multiclassReport([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], ['a', 'b', 'c'])
  assert.equal(r.accuracy, 3 / 5)
  const f1b = (2 * (2 / 3) * 1) / (2 / 3 + 1)
  assert.ok(Math.abs(r.macroF1 - (0.5 + f1b + 0) / 3) < 1e-12)
  assert.deepEqual(r.perClass.map((c) => c.support), [2, 2, 1])
})

test('abstain threshold maximises correct − cost · wrong on validation predictions', () => {
  const conf = [0.95, 0.9, 0.8, 0.6, 0.5, 0.4]
  const ok = [true, true, true, false, false, true]
  // cumulative utility with cost 1: 1, 2, 3, 2, 1, 2 → best after the third: threshold between 0.8 and 0.6.
  assert.equal(tuneAbstainThreshold(conf, ok, 1), 0.7)
  assert.equal(tuneAbstainThreshold([0.9, 0.8], [true, true]), 0)
  assert.ok(tuneAbstainThreshold([0.9, 0.8], [false, false]) > 1)
})

test('temperature scaling recovers the temperature that generated the labels', () => {
  // Two classes, scores ±s; labels drawn so that P(class 1) = σ(2 · 2s) exactly in expectation (T = 2).
  const scores: number[] = []
  const labels: number[] = []
  for (const s of [0.1, 0.3, 0.5, 0.8]) {
    const p = 1 / (1 + Math.exp(-2 * 2 * s))
    const n1 = Math.round(p * 1000)
    for (let i = 0; i < 1000; i++) {
      scores.push(-s, s)
      labels.push(i < n1 ? 1 : 0)
    }
  }
  const T = fitTemperature(Float64Array.from(scores), Int32Array.from(labels), 2)
  assert.ok(Math.abs(T - 2) < 0.05, `T = ${T}`)
})

test('feature hashing is deterministic, signed and L2-normalised', () => {
  assert.equal(hashString('price'), hashString('price'))
  assert.notEqual(hashString('price'), hashString('prices'))
  const r = hashingRow(['a', 'b', 'a'], { features: 1 << 10 })
  let norm = 0
  for (const v of r.values) norm += v * v
  assert.ok(Math.abs(norm - 1) < 1e-12)
  assert.deepEqual(hashingRow(['a', 'b', 'a'], { features: 1 << 10 }), r)
})

test('lexicon sentiment: English via wink-nlp, Chinese with negation and degree', () => {
  assert.equal(lexiconSentiment('The staff were wonderful and the room was lovely').label, 'positive')
  assert.equal(lexiconSentiment('The room was not good at all. Terrible!').label, 'negative')
  const good = lexiconSentiment('房间很干净')
  const notGood = lexiconSentiment('房间不干净')
  assert.ok(good.score > 0 && notGood.score < 0, `${good.score} ${notGood.score}`)
  assert.ok(lexiconSentiment('服务非常好').score > lexiconSentiment('服务好').score)
  assert.equal(lexiconSentiment('不满意').label, 'negative')
  assert.equal(good.mode, 'lexicon')
  assert.equal(lexiconSentiment('12345').label, 'neutral')
})

test('sentiment polarity is guessed from common label names', () => {
  assert.deepEqual(sentimentPolarity(['0', '1']), { positive: '1', negative: '0' })
  assert.deepEqual(sentimentPolarity(['neg', 'neutral', 'pos']), { positive: 'pos', negative: 'neg' })
  assert.deepEqual(sentimentPolarity(['bad', 'good']), { positive: 'good', negative: 'bad' })
})
