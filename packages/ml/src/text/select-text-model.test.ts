import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitDefaultTextClassifier, nestedCrossValidateText, type TextCandidate } from './select-text-model.ts'
import { predictText } from './text-classifier.ts'
import { createRng } from '../random.ts'

// Reviews whose label is carried by one word among shared filler words.
function corpus(n: number, seed: number): { texts: string[]; labels: string[] } {
  const rng = createRng(seed)
  const filler = ['room', 'hotel', 'staff', 'breakfast', 'night', 'price', 'street', 'view']
  const texts: string[] = []
  const labels: string[] = []
  for (let i = 0; i < n; i++) {
    const pos = i % 2 === 0
    const words = Array.from({ length: 5 }, () => filler[rng.int(filler.length)]!)
    words.splice(rng.int(words.length), 0, pos ? (rng.next() < 0.5 ? 'great' : 'lovely') : rng.next() < 0.5 ? 'awful' : 'dirty')
    texts.push(words.join(' '))
    labels.push(pos ? 'pos' : 'neg')
  }
  return { texts, labels }
}

// A candidate that sees no features can only predict one class; the selection must not pick it.
const blind: TextCandidate = { name: 'blind', analyzer: { wordNgrams: null, charNgrams: null }, model: 'nb' }
const words: TextCandidate = { name: 'words', analyzer: { wordNgrams: [1, 1], charNgrams: null }, model: 'logistic', C: 10 }

test('the default keeps the candidate with the best inner cross-validated accuracy', () => {
  const { texts, labels } = corpus(90, 1)
  const { classifier, selection } = fitDefaultTextClassifier(texts, labels, { lang: 'en', candidates: [blind, words] })
  assert.equal(selection.chosen.name, 'words')
  assert.deepEqual(selection.scores.map((s) => s.name), ['blind', 'words'])
  assert.ok(selection.scores[0]!.accuracy <= 0.5 + 1e-9)
  assert.ok(selection.scores[1]!.accuracy > 0.9)
  assert.equal(predictText(classifier, 'the room was dirty').label, 'neg')
})

test('nested CV selects inside every outer fold and scores the plain char-SVM on the same folds', () => {
  const { texts, labels } = corpus(100, 2)
  const r = nestedCrossValidateText(texts, labels, { lang: 'en', candidates: [blind, words], outerFolds: 4, folds: 3, baseline: true })
  assert.equal(r.chosen.length, 4)
  assert.ok(r.chosen.every((c) => c === 'words'))
  assert.equal(r.foldAccuracy.length, 4)
  assert.ok(r.accuracy > 0.9)
  assert.ok(r.baseline && r.baseline.foldAccuracy.length === 4 && r.baseline.accuracy > 0.5)
})

test('fitSelectedOnRows selects on the training rows it is given and predicts the others', async () => {
  const { analyzeForCandidates, fitSelectedOnRows } = await import('./select-text-model.ts')
  const { encodeLabels } = await import('./text-classifier.ts')
  const { texts, labels } = corpus(80, 3)
  const { names, y } = encodeLabels(labels)
  const analyzed = analyzeForCandidates(texts, [blind, words], { lang: 'en' })
  const train = texts.map((_, i) => i).filter((i) => i % 4 !== 0)
  const held = texts.map((_, i) => i).filter((i) => i % 4 === 0)
  const fit = fitSelectedOnRows(analyzed, train, y, names.length, { candidates: [blind, words] })
  assert.equal(fit.selection.chosen.name, 'words')
  const p = fit.predict(held)
  assert.equal(p.length, held.length)
  assert.ok(held.filter((i, k) => p[k] === y[i]).length / held.length > 0.9)
})
