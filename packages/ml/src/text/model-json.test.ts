import assert from 'node:assert/strict'
import { test } from 'node:test'
import { textClassifierFromJson, textClassifierToJson } from './model-json.ts'
import { fitTextClassifier, predictText } from './text-classifier.ts'
import { TEXT_MODEL_KINDS } from './train-linear.ts'

const texts = [
  'great room and friendly staff', 'lovely stay, great breakfast', 'friendly and clean, great value',
  'dirty room and rude staff', 'terrible breakfast, dirty bathroom', 'rude, noisy and dirty',
  '房间干净，服务很好', '早餐很好，推荐', '房间很脏，服务差', '太吵了，很差',
  'great', 'dirty', 'good clean room', 'bad rude staff', '很好', '很差',
  'excellent', 'awful', 'nice staff', 'noisy room', 'clean', 'rude',
]
const labels = texts.map((_, i) => ([0, 1, 2, 6, 7, 10, 12, 14, 16, 18, 20].includes(i) ? 'pos' : 'neg'))

test('every model family survives a JSON round trip with identical outputs', () => {
  for (const model of TEXT_MODEL_KINDS) {
    const clf = fitTextClassifier(texts, labels, { model })
    const back = textClassifierFromJson(JSON.parse(JSON.stringify(textClassifierToJson(clf))))
    for (const t of ['friendly clean room', '服务很差', '']) {
      const a = predictText(clf, t)
      const b = predictText(back, t)
      assert.equal(b.label, a.label)
      assert.deepEqual([...b.probabilities], [...a.probabilities], `${model}: ${t}`)
    }
    assert.equal(predictText(clf, 'great friendly staff').label, 'pos', model)
    assert.equal(predictText(clf, 'dirty rude noisy').label, 'neg', model)
  }
})

test('model JSON is validated', () => {
  assert.throws(() => textClassifierFromJson({ format: 'other' }), /not a rapport text-classifier/)
  const json = textClassifierToJson(fitTextClassifier(texts, labels))
  assert.throws(() => textClassifierFromJson({ ...json, labels: ['only-one'] }), /shapes/)
})

test('feature hashing instead of a vocabulary trains, predicts and round-trips', () => {
  const clf = fitTextClassifier(texts, labels, { model: 'svm', features: { kind: 'hash', hashFeatures: 1 << 12 } })
  assert.equal(clf.space.kind, 'hash')
  assert.equal(clf.model.nFeatures, 2 << 12)
  const back = textClassifierFromJson(JSON.parse(JSON.stringify(textClassifierToJson(clf))))
  const a = predictText(clf, 'friendly great staff')
  assert.equal(a.label, 'pos')
  assert.deepEqual([...predictText(back, 'friendly great staff').probabilities], [...a.probabilities])
})

test('fitted weights are stored in 32 bits and reload exactly; other weights keep 64 bits; version 1 files still load', () => {
  const clf = fitTextClassifier(texts, labels, { model: 'svm' })
  const json = textClassifierToJson(clf)
  assert.equal(json.version, 2)
  assert.equal(json.model.coefBits, 32)
  assert.equal(Buffer.from(json.model.coef, 'base64').byteLength, 4 * clf.model.coef.length)
  assert.deepEqual([...textClassifierFromJson(JSON.parse(JSON.stringify(json))).model.coef], [...clf.model.coef])
  // A weight that float32 cannot hold (set by hand) is kept in 64 bits, so outputs stay identical.
  const exact = { ...clf, model: { ...clf.model, coef: Float64Array.from(clf.model.coef) } }
  exact.model.coef[0] = 0.1
  const j64 = textClassifierToJson(exact)
  assert.equal(j64.model.coefBits, 64)
  assert.equal(textClassifierFromJson(JSON.parse(JSON.stringify(j64))).model.coef[0], 0.1)
  // The first format: version 1, float64 weights, no coefBits.
  const { coefBits: _bits, ...v1model } = j64.model
  const v1 = textClassifierFromJson(JSON.parse(JSON.stringify({ ...j64, version: 1, model: v1model })))
  assert.deepEqual([...v1.model.coef], [...exact.model.coef])
  assert.deepEqual([...predictText(v1, 'friendly clean room').probabilities], [...predictText(exact, 'friendly clean room').probabilities])
})
