import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import type { AnalyzedText } from './analyzer.ts'
import { featureMatrix } from './feature-space.ts'
import { linearScoresCsr } from './linear-model.ts'
import { fitTemperature } from './temperature.ts'
import { defaultTextModel, fitOnAnalyzed } from './text-classifier.ts'
import type { TextModelKind } from './train-linear.ts'
import { fitRecurrentClassifier, predictRecurrent, type RecurrentClassifier, type RecurrentClassifierOptions } from './rnn/recurrent-classifier.ts'

/**
 * Scores of some rows, row-major rows × K, on a log scale: linear scores or log-probabilities, so that
 * softmax(T · scores) are probabilities for a temperature T.
 */
export type ScoreFn = (rows: readonly number[]) => Float64Array

/** A model family as the ensemble sees it: fitted on some rows of a shared data set, it scores other rows. */
export interface ScoreLearner {
  fit(trainRows: readonly number[]): ScoreFn
}

export interface TextBlendOptions {
  /** Inner stratified folds on the training rows (default 3). */
  folds?: number
  seed?: number
  /** Weights of the recurrent model tried in the average (default 0.1, 0.2, …, 1; 1 is the recurrent model alone). */
  weights?: readonly number[]
  /**
   * The blend is used only when its inner cross-validated accuracy beats the linear model's by more than this
   * (default 0.001, a tenth of a point, so that a couple of rows do not switch it on).
   */
  minGain?: number
  /**
   * The recurrent model used at prediction time: 'bag' (default) averages the inner folds' models, which the
   * selection has trained anyway; 'refit' trains one more on all training rows.
   */
  recurrentFinal?: 'bag' | 'refit'
}

export interface BlendChoice {
  /** Weight of the recurrent probabilities in the average; 0 when the linear model is used alone. */
  weight: number
  used: boolean
  /** Inner cross-validated (out-of-fold) accuracies on the training rows. */
  linearAccuracy: number
  recurrentAccuracy: number
  /** Best blend's inner accuracy and its weight (whether or not it cleared minGain). */
  bestAccuracy: number
  bestWeight: number
  scores: Array<{ weight: number; accuracy: number }>
  /** Temperatures fitted on the out-of-fold scores, so both models' probabilities are calibrated before averaging. */
  linearTemperature: number
  recurrentTemperature: number
}

function softmaxRows(s: Float64Array, K: number, t: number): Float64Array {
  const out = new Float64Array(s.length)
  for (let i = 0; i < s.length; i += K) {
    let max = -Infinity
    for (let k = 0; k < K; k++) if (t * s[i + k]! > max) max = t * s[i + k]!
    let z = 0
    for (let k = 0; k < K; k++) z += out[i + k] = Math.exp(t * s[i + k]! - max)
    for (let k = 0; k < K; k++) out[i + k]! /= z
  }
  return out
}

function accuracyOf(pa: Float64Array, pb: Float64Array, w: number, y: ArrayLike<number>, K: number): number {
  let ok = 0
  for (let r = 0; r < y.length; r++) {
    let best = 0
    let bestV = -Infinity
    for (let k = 0; k < K; k++) {
      const v = (1 - w) * pa[r * K + k]! + w * pb[r * K + k]!
      if (v > bestV) {
        bestV = v
        best = k
      }
    }
    if (best === y[r]) ok++
  }
  return y.length > 0 ? ok / y.length : 0
}

/**
 * Chooses the averaging weight from out-of-fold scores of both models on the same rows (labels y): both are
 * temperature-calibrated (temperature.ts), the average (1 − w)·p_linear + w·p_recurrent is scored at every
 * weight, and the best weight is kept only when it beats the linear model alone by more than minGain
 * (ties keep the smaller weight). O(weights · n · K).
 */
export function chooseBlendWeight(linearOof: Float64Array, recurrentOof: Float64Array, y: Int32Array, nClasses: number, opts: TextBlendOptions = {}): BlendChoice {
  const K = nClasses
  const linearTemperature = fitTemperature(linearOof, y, K)
  const recurrentTemperature = fitTemperature(recurrentOof, y, K)
  const pl = softmaxRows(linearOof, K, linearTemperature)
  const pr = softmaxRows(recurrentOof, K, recurrentTemperature)
  const linearAccuracy = accuracyOf(pl, pr, 0, y, K)
  const scores = (opts.weights ?? [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]).map((weight) => ({ weight, accuracy: accuracyOf(pl, pr, weight, y, K) }))
  let best = { weight: 0, accuracy: linearAccuracy }
  for (const s of scores) if (s.accuracy > best.accuracy) best = s
  const used = best.weight > 0 && best.accuracy > linearAccuracy + (opts.minGain ?? 0.001)
  return {
    weight: used ? best.weight : 0,
    used,
    linearAccuracy,
    recurrentAccuracy: accuracyOf(pl, pr, 1, y, K),
    bestAccuracy: best.accuracy,
    bestWeight: best.weight,
    scores,
    linearTemperature,
    recurrentTemperature,
  }
}

export interface FittedBlend {
  choice: BlendChoice
  /** Probabilities of the ensemble (the linear model's alone when the blend was not chosen), rows × K. */
  probabilities: (rows: readonly number[]) => Float64Array
  /** Calibrated probabilities of each member, for reporting them beside the ensemble. */
  linearProbabilities: (rows: readonly number[]) => Float64Array
  recurrentProbabilities: (rows: readonly number[]) => Float64Array
}

/** Most probable class of each row of a rows × K probability matrix. */
export function argmaxRows(p: Float64Array, K: number): Int32Array {
  const out = new Int32Array(p.length / K)
  for (let r = 0; r < out.length; r++) {
    let best = 0
    for (let k = 1; k < K; k++) if (p[r * K + k]! > p[r * K + best]!) best = k
    out[r] = best
  }
  return out
}

/**
 * The averaged ensemble of a linear and a recurrent model, decided on the training rows only: inner
 * stratified k-fold gives out-of-fold scores of both (k fits each), chooseBlendWeight picks the weight, the
 * linear model is refitted on all training rows, and the recurrent one is the inner folds' bag (or a refit).
 * Nothing outside `trainRows` is read. Cost: (k + 1) linear fits and k recurrent fits (+ 1 with 'refit').
 */
export function fitBlendOnRows(
  trainRows: readonly number[],
  y: Int32Array,
  nClasses: number,
  learners: { linear: ScoreLearner; recurrent: ScoreLearner },
  opts: TextBlendOptions = {},
): FittedBlend {
  const K = nClasses
  const k = opts.folds ?? 3
  const yRows = Int32Array.from(trainRows, (i) => y[i]!)
  const assign = stratifiedKFold(yRows, k, (opts.seed ?? 0) + 2)
  const linearOof = new Float64Array(trainRows.length * K)
  const recurrentOof = new Float64Array(trainRows.length * K)
  const bag: ScoreFn[] = []
  for (let f = 0; f < k; f++) {
    const tr: number[] = []
    const te: number[] = []
    const at: number[] = []
    trainRows.forEach((row, r) => {
      if (assign[r] === f) {
        te.push(row)
        at.push(r)
      } else tr.push(row)
    })
    if (te.length === 0) continue
    const ls = learners.linear.fit(tr)(te)
    const rec = learners.recurrent.fit(tr)
    bag.push(rec)
    const rs = rec(te)
    at.forEach((r, j) => {
      for (let c = 0; c < K; c++) {
        linearOof[r * K + c] = ls[j * K + c]!
        recurrentOof[r * K + c] = rs[j * K + c]!
      }
    })
  }
  const choice = chooseBlendWeight(linearOof, recurrentOof, yRows, K, opts)
  const linear = learners.linear.fit(trainRows)
  const recurrentModels = opts.recurrentFinal === 'refit' ? [learners.recurrent.fit(trainRows)] : bag
  const linearProbabilities = (rows: readonly number[]): Float64Array => softmaxRows(linear(rows), K, choice.linearTemperature)
  const recurrentProbabilities = (rows: readonly number[]): Float64Array => {
    const out = new Float64Array(rows.length * K)
    for (const m of recurrentModels) {
      const p = softmaxRows(m(rows), K, choice.recurrentTemperature)
      for (let j = 0; j < out.length; j++) out[j]! += p[j]! / recurrentModels.length
    }
    return out
  }
  const probabilities = (rows: readonly number[]): Float64Array => {
    const pl = linearProbabilities(rows)
    if (!choice.used) return pl
    const pr = recurrentProbabilities(rows)
    const w = choice.weight
    for (let j = 0; j < pl.length; j++) pl[j] = (1 - w) * pl[j]! + w * pr[j]!
    return pl
  }
  return { choice, probabilities, linearProbabilities, recurrentProbabilities }
}

export interface TextLearnerOptions {
  /** Linear family and C (default: the fixed default, defaultTextModel, with its C). */
  model?: TextModelKind
  C?: number
  recurrent?: RecurrentClassifierOptions
  seed?: number
  /** Called after every recurrent fit (for reporting epochs and times). */
  onRecurrentFit?: (m: RecurrentClassifier, rows: number) => void
}

/**
 * The two members on a shared data set of analysed texts (the linear features) and their tokens (the
 * recurrent input): TF-IDF + linear model scores, and the recurrent classifier's log-probabilities.
 */
export function textEnsembleLearners(
  docs: readonly AnalyzedText[],
  tokens: readonly (readonly string[])[],
  y: Int32Array,
  nClasses: number,
  opts: TextLearnerOptions = {},
): { linear: ScoreLearner; recurrent: ScoreLearner } {
  const kind = opts.model ?? defaultTextModel(nClasses)
  const seed = opts.seed ?? 0
  const K = nClasses
  const linear: ScoreLearner = {
    fit: (tr) => {
      const { space, model } = fitOnAnalyzed(tr.map((i) => docs[i]!), Int32Array.from(tr, (i) => y[i]!), K, kind, { seed, ...(opts.C !== undefined ? { C: opts.C } : {}) })
      return (rows) => linearScoresCsr(model, featureMatrix(space, rows.map((i) => docs[i]!)))
    },
  }
  const recurrent: ScoreLearner = {
    fit: (tr) => {
      const m = fitRecurrentClassifier(tr.map((i) => tokens[i]!), Int32Array.from(tr, (i) => y[i]!), K, { seed, ...opts.recurrent })
      opts.onRecurrentFit?.(m, tr.length)
      return (rows) => {
        const out = new Float64Array(rows.length * K)
        rows.forEach((i, j) => {
          const p = predictRecurrent(m, tokens[i]!)
          for (let c = 0; c < K; c++) out[j * K + c] = Math.log(Math.max(p[c]!, 1e-300))
        })
        return out
      }
    },
  }
  return { linear, recurrent }
}
