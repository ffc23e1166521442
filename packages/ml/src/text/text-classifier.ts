import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import { createAnalyzer, defaultAnalyzerConfig, type AnalyzedText, type Analyzer, type AnalyzerConfig } from './analyzer.ts'
import { featureMatrix, featureRow, fitFeatureSpace, type FeatureSpace, type FeatureSpaceOptions } from './feature-space.ts'
import { argmax, linearScores, linearScoresCsr, roundCoefToFloat32, softmaxInPlace, type LinearModel } from './linear-model.ts'
import { fitTemperature } from './temperature.ts'
import type { Segmenter } from './tokenizer.ts'
import { needsTemperature, trainLinear, type TextModelKind, type TrainLinearOptions } from './train-linear.ts'

export interface TextClassifierOptions extends TrainLinearOptions {
  lang?: AnalyzerConfig['lang']
  model?: TextModelKind
  analyzer?: Partial<AnalyzerConfig>
  features?: FeatureSpaceOptions
  /** Share of the data held out to fit the probability temperature of margin models; 0 skips it. Default 0.1. */
  calibration?: number
  /**
   * Fit the temperature on the out-of-fold scores of every row over this many stratified folds instead of one
   * held-out share: k extra fits, for small corpora (a knowledge base's few questions per article), where a 10 %
   * share is a handful of rows and gives an arbitrary temperature. Unset: the held-out share.
   */
  calibrationFolds?: number
  segmenter?: Segmenter
}

/** A fitted text classifier: analyzer → feature space → linear model, with the class names. */
export interface TextClassifier {
  kind: TextModelKind
  labels: string[]
  analyzer: Analyzer
  space: FeatureSpace
  model: LinearModel
}

export interface TextPrediction {
  label: string
  /** Probability of the predicted label. */
  confidence: number
  /** Probability of every class, in `labels` order. */
  probabilities: Float64Array
}

/**
 * The family fitTextClassifier uses when none is given: word 1–2-grams plus character n-grams, TF-IDF
 * (defaultFeatureOptions); L2 logistic regression for two classes and the one-vs-rest linear SVM for more.
 * The product default (`rapport text train` / `eval text` without --model) no longer uses this fixed choice:
 * it selects among textCandidates by inner cross-validation (select-text-model.ts, issue 19).
 */
export function defaultTextModel(nClasses: number): TextModelKind {
  return nClasses === 2 ? 'logistic' : 'svm'
}
/**
 * Feature defaults: sublinear tf; min df 2 from 1,000 documents up (a term seen once in a large corpus is
 * mostly noise and would double the model), 1 below (in a small corpus every term counts).
 */
export function defaultFeatureOptions(nDocs: number): FeatureSpaceOptions {
  return { minDf: nDocs >= 1000 ? 2 : 1, sublinearTf: true }
}

/** Class names in sorted order and the index of each row's label. */
export function encodeLabels(labels: readonly string[]): { names: string[]; y: Int32Array } {
  const names = [...new Set(labels)].sort()
  const idx = new Map(names.map((n, i) => [n, i]))
  return { names, y: Int32Array.from(labels, (l) => idx.get(l) ?? 0) }
}

/**
 * Fits feature space and model on analysed texts (no calibration). Used by CV so folds reuse the analysis.
 * Weights are rounded to float32 (roundCoefToFloat32), so what is evaluated is what a model file holds.
 */
export function fitOnAnalyzed(
  docs: readonly AnalyzedText[],
  y: Int32Array,
  nClasses: number,
  kind: TextModelKind,
  opts: TextClassifierOptions = {},
): { space: FeatureSpace; model: LinearModel } {
  const space = fitFeatureSpace(docs, opts.features ?? defaultFeatureOptions(docs.length))
  const X = featureMatrix(space, docs)
  return { space, model: roundCoefToFloat32(trainLinear(kind, X, y, nClasses, opts)) }
}

/**
 * Trains a text classifier: normalise and tokenise (analyzer.ts), TF-IDF word and character blocks
 * (feature-space.ts), then a linear classifier. For margin models (SVM, NB-SVM, CNB) a temperature for the
 * probabilities is fitted on a stratified held-out share, then the model is refitted on all rows.
 * Cost: dominated by the classifier (see each trainer).
 */
export function fitTextClassifier(texts: readonly string[], labels: readonly string[], opts: TextClassifierOptions = {}): TextClassifier {
  if (texts.length !== labels.length) throw new Error('fitTextClassifier: texts and labels differ in length')
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig(opts.lang ?? 'auto'), ...opts.analyzer }, opts.segmenter)
  const { names, y } = encodeLabels(labels)
  if (names.length < 2) throw new Error('fitTextClassifier: need at least two distinct labels')
  const kind = opts.model ?? defaultTextModel(names.length)
  const docs = texts.map((t) => analyzer.analyze(t))
  const { space, model } = fitOnAnalyzed(docs, y, names.length, kind, opts)
  const share = opts.calibration ?? 0.1
  if (needsTemperature(kind) && opts.calibrationFolds !== undefined && texts.length >= opts.calibrationFolds) {
    model.temperature = crossValidatedTemperature(docs, y, names.length, kind, opts, opts.calibrationFolds)
  } else if (needsTemperature(kind) && share > 0 && texts.length >= 20) {
    model.temperature = heldOutTemperature(docs, y, names.length, kind, opts, share)
  }
  return { kind, labels: names, analyzer, space, model }
}

/** Temperature fitted on a stratified held-out share, the model trained on the rest. */
export function heldOutTemperature(
  docs: readonly AnalyzedText[],
  y: Int32Array,
  nClasses: number,
  kind: TextModelKind,
  opts: TextClassifierOptions,
  share: number,
): number {
  const k = Math.max(2, Math.round(1 / share))
  const folds = stratifiedKFold(y, k, opts.seed ?? 0)
  const trainIdx: number[] = []
  const testIdx: number[] = []
  for (let i = 0; i < y.length; i++) (folds[i] === 0 ? testIdx : trainIdx).push(i)
  const fit = fitOnAnalyzed(trainIdx.map((i) => docs[i]!), Int32Array.from(trainIdx, (i) => y[i]!), nClasses, kind, opts)
  const scores = linearScoresCsr(fit.model, featureMatrix(fit.space, testIdx.map((i) => docs[i]!)))
  return fitTemperature(scores, Int32Array.from(testIdx, (i) => y[i]!), nClasses)
}

/** Temperature fitted on the pooled out-of-fold scores of stratified k folds (every row scored by a model that did not see it). */
export function crossValidatedTemperature(
  docs: readonly AnalyzedText[],
  y: Int32Array,
  nClasses: number,
  kind: TextModelKind,
  opts: TextClassifierOptions,
  k: number,
): number {
  const folds = stratifiedKFold(y, k, opts.seed ?? 0)
  const K = nClasses
  const scores = new Float64Array(y.length * K)
  const order = new Int32Array(y.length)
  let at = 0
  for (let f = 0; f < k; f++) {
    const trainIdx: number[] = []
    const testIdx: number[] = []
    for (let i = 0; i < y.length; i++) (folds[i] === f ? testIdx : trainIdx).push(i)
    if (testIdx.length === 0) continue
    const fit = fitOnAnalyzed(trainIdx.map((i) => docs[i]!), Int32Array.from(trainIdx, (i) => y[i]!), nClasses, kind, opts)
    scores.set(linearScoresCsr(fit.model, featureMatrix(fit.space, testIdx.map((i) => docs[i]!))), at * K)
    for (const i of testIdx) order[at++] = y[i]!
  }
  return fitTemperature(scores.subarray(0, at * K), order.subarray(0, at), nClasses)
}

/** Class probabilities of one text. O(tokens + nnz · K). */
export function predictText(clf: TextClassifier, text: string): TextPrediction {
  const row = featureRow(clf.space, clf.analyzer.analyze(text))
  const p = softmaxInPlace(linearScores(clf.model, row.indices, row.values), clf.model.temperature)
  const best = argmax(p)
  return { label: clf.labels[best]!, confidence: p[best]!, probabilities: p }
}

/** Predicted class index of analysed texts (for evaluation loops). */
export function predictAnalyzed(space: FeatureSpace, model: LinearModel, docs: readonly AnalyzedText[]): Int32Array {
  const K = model.nClasses
  const scores = linearScoresCsr(model, featureMatrix(space, docs))
  const out = new Int32Array(docs.length)
  for (let i = 0; i < docs.length; i++) out[i] = argmax(scores, i * K, K)
  return out
}
