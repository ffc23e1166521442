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

test('the default refit is what fitTextClassifier builds for the chosen candidate (vocabulary, weights, temperature)', async () => {
  const { fitTextClassifier } = await import('./text-classifier.ts')
  const full = corpus(120, 4)
  // Two positives to one negative, so the class weights matter.
  const keep = full.labels.map((l, i) => l === 'pos' || i % 4 === 3)
  const texts = full.texts.filter((_, i) => keep[i])
  const skewed = full.labels.filter((_, i) => keep[i])
  // Both SVM candidates need a temperature; the balanced one exercises class weights through both paths.
  const svm: TextCandidate = { name: 'svm balanced', analyzer: { charNgrams: null }, model: 'svm', C: 0.3, classWeight: 'balanced' }
  const { classifier, selection } = fitDefaultTextClassifier(texts, skewed, { lang: 'en', candidates: [blind, svm], seed: 3 })
  assert.equal(selection.chosen.name, 'svm balanced')
  const ref = fitTextClassifier(texts, skewed, { lang: 'en', model: 'svm', analyzer: svm.analyzer, C: 0.3, classWeight: 'balanced', seed: 3 })
  assert.equal(classifier.kind, 'svm')
  assert.deepEqual(classifier.analyzer.config, ref.analyzer.config)
  assert.ok(classifier.space.kind === 'tfidf' && ref.space.kind === 'tfidf')
  assert.deepEqual(classifier.space.words?.terms, ref.space.words?.terms)
  assert.deepEqual([...classifier.model.coef], [...ref.model.coef])
  assert.deepEqual([...classifier.model.bias], [...ref.model.bias])
  assert.notEqual(ref.model.temperature, 1)
  assert.equal(classifier.model.temperature, ref.model.temperature)
  assert.deepEqual(predictText(classifier, 'awful dirty room').probabilities, predictText(ref, 'awful dirty room').probabilities)
})

test('nested CV reports out-of-fold predictions, inner scores and times per fold', () => {
  const { texts, labels } = corpus(60, 6)
  const seen: number[] = []
  const r = nestedCrossValidateText(texts, labels, { lang: 'en', candidates: [blind, words], outerFolds: 3, onFold: (f) => seen.push(f) })
  assert.deepEqual(seen, [0, 1, 2])
  assert.equal(r.predictions.length, 60)
  assert.deepEqual(r.labels, ['neg', 'pos'])
  const ok = labels.filter((l, i) => r.labels[r.predictions[i]!] === l).length
  assert.equal(ok / 60, r.accuracy)
  assert.equal(r.innerScores.length, 3)
  assert.deepEqual(r.innerScores[0]!.map((s) => s.name), ['blind', 'words'])
  assert.equal(r.foldSeconds.length, 3)
  assert.ok(r.foldSeconds.every((s) => s >= 0) && r.prepareSeconds >= 0)
  assert.equal(r.baseline, undefined)
  assert.equal(r.foldCpuSeconds, undefined, 'no clock given, no CPU seconds')
  // A fake clock that advances one second per read: each fold reads it twice (before and after its fits).
  let tick = 0
  const timed = nestedCrossValidateText(texts, labels, { lang: 'en', candidates: [blind, words], outerFolds: 3, cpuSeconds: () => tick++ })
  assert.deepEqual(timed.foldCpuSeconds, [1, 1, 1])
})

test('the candidate sets: the plain char-SVM baseline is always one; two classes try balanced class weights', async () => {
  const { textCandidates, PLAIN_CHAR_SVM } = await import('./select-text-model.ts')
  for (const K of [2, 5]) assert.ok(textCandidates(K).includes(PLAIN_CHAR_SVM))
  assert.ok(textCandidates(2).some((c) => c.classWeight === 'balanced'))
  assert.equal(new Set(textCandidates(2).map((c) => c.name)).size, textCandidates(2).length)
})

test('folds 1 is a single stratified holdout of a third of the rows; the default uses it for more than two classes', async () => {
  const { analyzeForCandidates, innerFolds, selectTextCandidate } = await import('./select-text-model.ts')
  const { encodeLabels } = await import('./text-classifier.ts')
  assert.equal(innerFolds(2), 3)
  assert.equal(innerFolds(77), 1)
  const { texts, labels } = corpus(90, 7)
  const { names, y } = encodeLabels(labels)
  const analyzed = analyzeForCandidates(texts, [blind, words], { lang: 'en' })
  const rows = texts.map((_, i) => i)
  const one = selectTextCandidate(analyzed, rows, y, names.length, { candidates: [blind, words], folds: 1 })
  assert.equal(one.chosen.name, 'words')
  // Scored on the 30 held-out rows (15 per class), not on all 90: the blind model gets exactly half right.
  assert.equal(one.scores[0]!.accuracy, 0.5)
  for (const s of one.scores) assert.ok(Math.abs(s.accuracy * 30 - Math.round(s.accuracy * 30)) < 1e-9, `${s.name} ${s.accuracy}`)
  assert.throws(() => selectTextCandidate(analyzed, rows, y, names.length, { candidates: [blind, words], folds: 0 }), /folds/)
})
