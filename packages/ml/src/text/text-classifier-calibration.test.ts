import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitTextClassifier, predictText } from './text-classifier.ts'

// A knowledge base's shape: five articles, four or five ways of asking each, two of them alike (returns).
const ARTICLES = [
  ['How long does delivery take?', 'When will my parcel arrive?', 'How many days is shipping?', 'delivery time for my order', 'how fast do you ship'],
  ['How do I reset my password?', 'I forgot my password', 'cannot log in to my account', 'change my account password', 'password reset link'],
  ['Which payment methods do you accept?', 'can I pay with Alipay', 'do you take credit cards', 'pay by WeChat Pay', 'payment options'],
  ['How do I return a pair of shoes?', 'return shoes that do not fit', 'send back shoes', 'shoes return label'],
  ['How do I return a shirt?', 'return a shirt that does not fit', 'send back a shirt', 'shirt return label'],
]
const texts = ARTICLES.flat()
const labels = ARTICLES.flatMap((qs, i) => qs.map(() => `a${i}`))
const topTwo = (p: Float64Array): [number, number] => {
  const s = [...p].sort((a, b) => b - a)
  return [s[0] ?? 0, s[1] ?? 0]
}

test('on a corpus of 23 questions the 10 % held-out temperature saturates at its bound; the 5-fold one stays inside it', () => {
  const held = fitTextClassifier(texts, labels, { lang: 'en', seed: 0 })
  const folded = fitTextClassifier(texts, labels, { lang: 'en', seed: 0, calibrationFolds: 5 })
  assert.ok((held.model.temperature ?? 1) > 900, `held-out T = ${held.model.temperature}`)
  const t = folded.model.temperature ?? 1
  assert.ok(t > 0.02 && t < 900, `5-fold T = ${t}`)
})

test('with the 5-fold temperature a question two articles answer alike gets two close probabilities, and a clear one stays sure', () => {
  const clf = fitTextClassifier(texts, labels, { lang: 'en', seed: 0, calibrationFolds: 5 })
  const [a, b] = topTwo(predictText(clf, 'how do I return it, it does not fit').probabilities)
  assert.ok(a - b < 0.2, `top two ${a.toFixed(3)} / ${b.toFixed(3)}`)
  const clear = predictText(clf, 'how fast do you ship my parcel')
  assert.equal(clear.label, 'a0')
  assert.ok(clear.confidence > 0.9, `confidence ${clear.confidence}`)
})

test('the 5-fold temperature is the same for the same seed and texts', () => {
  const a = fitTextClassifier(texts, labels, { lang: 'en', seed: 3, calibrationFolds: 5 }).model.temperature
  const b = fitTextClassifier(texts, labels, { lang: 'en', seed: 3, calibrationFolds: 5 }).model.temperature
  assert.equal(a, b)
})
