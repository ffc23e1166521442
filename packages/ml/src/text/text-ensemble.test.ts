import { test } from 'node:test'
import assert from 'node:assert/strict'
import { argmaxRows, chooseBlendWeight, fitBlendOnRows, textEnsembleLearners, type ScoreLearner } from './text-ensemble.ts'
import { createAnalyzer, defaultAnalyzerConfig } from './analyzer.ts'
import { createRng } from '../random.ts'

/** A learner whose scores do not depend on its training rows: a fixed table (n × 2), recorded fit calls. */
function tableLearner(table: Float64Array, fits: number[][] = []): ScoreLearner {
  return {
    fit: (tr) => {
      fits.push([...tr])
      return (rows) => {
        const out = new Float64Array(rows.length * 2)
        rows.forEach((i, j) => out.set(table.subarray(i * 2, i * 2 + 2), j * 2))
        return out
      }
    },
  }
}

/** Two-class scores giving the true class (or the other one) a margin. */
function scores(y: Int32Array, margin: (i: number) => number): Float64Array {
  const s = new Float64Array(y.length * 2)
  for (let i = 0; i < y.length; i++) s[i * 2 + y[i]!] = margin(i)
  return s
}

const n = 120
const y = Int32Array.from({ length: n }, (_, i) => (i * 7) % 3 === 0 ? 1 : 0)

test('the ensemble falls back to the linear model when inner cross-validation shows no gain', () => {
  // The linear model is right on every row; the recurrent one on half: no blend can beat 100 %.
  const linear = scores(y, () => 3)
  const recurrent = scores(y, (i) => (i % 2 === 0 ? 3 : -3))
  const fits: number[][] = []
  const rows = Array.from({ length: 90 }, (_, i) => i)
  const b = fitBlendOnRows(rows, y, 2, { linear: tableLearner(linear), recurrent: tableLearner(recurrent, fits) }, { folds: 3 })
  assert.equal(b.choice.used, false)
  assert.equal(b.choice.weight, 0)
  assert.equal(b.choice.linearAccuracy, 1)
  const test = Array.from({ length: 30 }, (_, i) => 90 + i)
  assert.deepEqual(b.probabilities(test), b.linearProbabilities(test))
  // The inner fits never saw the rows outside the training rows, and each inner fold left its own rows out.
  assert.equal(fits.length, 3)
  for (const f of fits) assert.ok(f.every((i) => i < 90) && f.length < 90)
  // A recurrent model that only repeats the linear one adds nothing either.
  const same = chooseBlendWeight(scores(y, (i) => (i % 4 === 0 ? -1 : 2)), scores(y, (i) => (i % 4 === 0 ? -1 : 2)), y, 2)
  assert.equal(same.used, false)
  assert.equal(same.bestAccuracy, same.linearAccuracy)
})

test('the ensemble uses the average when inner cross-validation shows a gain', () => {
  // Each model is confidently right where the other is weakly wrong: 75 % each, 100 % averaged.
  const kind = (i: number): number => i % 4 // 0, 1: both right; 2: linear weakly wrong; 3: recurrent weakly wrong
  const linear = scores(y, (i) => (kind(i) === 2 ? -1 : 4))
  const recurrent = scores(y, (i) => (kind(i) === 3 ? -1 : 4))
  const rows = Array.from({ length: 96 }, (_, i) => i)
  const b = fitBlendOnRows(rows, y, 2, { linear: tableLearner(linear), recurrent: tableLearner(recurrent) }, { folds: 3 })
  assert.equal(b.choice.used, true)
  assert.ok(b.choice.weight > 0 && b.choice.weight < 1, `weight ${b.choice.weight}`)
  assert.equal(b.choice.linearAccuracy, 0.75)
  assert.equal(b.choice.recurrentAccuracy, 0.75)
  assert.equal(b.choice.bestAccuracy, 1)
  const test = Array.from({ length: 24 }, (_, i) => 96 + i)
  assert.deepEqual(argmaxRows(b.probabilities(test), 2), y.subarray(96))
  const linearOnly = argmaxRows(b.linearProbabilities(test), 2)
  assert.ok(linearOnly.some((c, j) => c !== y[96 + j]))
  // With a minimum gain above what the blend offers, the linear model is kept.
  assert.equal(fitBlendOnRows(rows, y, 2, { linear: tableLearner(linear), recurrent: tableLearner(recurrent) }, { minGain: 0.3 }).choice.used, false)
})

test('text learners: on a corpus one word decides, the linear model is perfect in inner CV and the ensemble keeps it', () => {
  const rng = createRng(5)
  const filler = ['room', 'staff', 'food', 'bed', 'view', 'desk', 'lobby']
  const texts: string[] = []
  const labels: number[] = []
  for (let i = 0; i < 150; i++) {
    const good = rng.next() < 0.5
    texts.push([filler[rng.int(7)], filler[rng.int(7)], good ? 'excellent' : 'awful', filler[rng.int(7)]].join(' '))
    labels.push(good ? 1 : 0)
  }
  const yy = Int32Array.from(labels)
  const an = createAnalyzer(defaultAnalyzerConfig('en'))
  const learners = textEnsembleLearners(texts.map((t) => an.analyze(t)), texts.map((t) => an.tokens(t)), yy, 2, { recurrent: { emb: 4, hidden: 4, epochs: 3, minCount: 1 } })
  const rows = Array.from({ length: 120 }, (_, i) => i)
  const b = fitBlendOnRows(rows, yy, 2, learners, { folds: 3 })
  assert.equal(b.choice.linearAccuracy, 1)
  assert.equal(b.choice.used, false)
  const test = Array.from({ length: 30 }, (_, i) => 120 + i)
  assert.deepEqual(argmaxRows(b.probabilities(test), 2), yy.subarray(120))
  // Deterministic given the seed.
  const again = fitBlendOnRows(rows, yy, 2, learners, { folds: 3 })
  assert.deepEqual(again.recurrentProbabilities(test), b.recurrentProbabilities(test))
})
