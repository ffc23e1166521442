import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import { multiclassReport } from '../eval/multiclass-metrics.ts'
import { createAnalyzer, defaultAnalyzerConfig, type AnalyzedText, type AnalyzerConfig } from './analyzer.ts'
import { fitIndexedSpace, indexAnalyzed, indexedMatrix, indexedToFeatureSpace, type IndexedCorpus, type IndexedSpace } from './indexed-tfidf.ts'
import { argmax, linearScoresCsr, roundCoefToFloat32, type LinearModel } from './linear-model.ts'
import { fitTemperature } from './temperature.ts'
import { defaultFeatureOptions, encodeLabels, type TextClassifier } from './text-classifier.ts'
import type { Segmenter } from './tokenizer.ts'
import { needsTemperature, trainLinear, type TextModelKind } from './train-linear.ts'

/** One configuration the default may choose: analyzer settings over the defaults, a model family, C and class weighting. */
export interface TextCandidate {
  name: string
  analyzer: Partial<AnalyzerConfig>
  model: TextModelKind
  C?: number
  classWeight?: 'balanced'
}

/** The plain baseline of issue 19: character 1–3-grams only, TF-IDF, linear SVM with C = 1. */
export const PLAIN_CHAR_SVM: TextCandidate = {
  name: 'char 1–3 TF-IDF + linear SVM (C=1)',
  analyzer: { wordNgrams: null, charNgrams: { han: [1, 3], word: [1, 3] } },
  model: 'svm',
  C: 1,
}

/**
 * The small candidate set the default chooses from (issue 19): n-gram blocks (words 1–2 + characters, the
 * analyzer default, or plain character 1–3), C, and for two classes balanced class weighting. All are the
 * squared-hinge linear SVM: logistic regression (L-BFGS, the previous two-class default at C = 10) was
 * dropped as a candidate because one fit on a ChnSentiCorp training fold costs 8–12 s against 0.5–1 s for
 * the SVM, which alone breaks the 60 s for 5 folds once selection multiplies fits, and on those
 * folds the SVM at C = 0.3 matched it (0.9050 both, stratified 5-fold, seed 0). Probabilities of the chosen
 * SVM come from fitTextClassifier's fitted temperature. `--model logistic` still trains it.
 */
export function textCandidates(nClasses: number): TextCandidate[] {
  const rich: Partial<AnalyzerConfig> = {}
  const plain = PLAIN_CHAR_SVM.analyzer
  if (nClasses === 2) {
    return [
      { name: 'words 1–2 + chars, linear SVM (C=0.3)', analyzer: rich, model: 'svm', C: 0.3 },
      { name: 'words 1–2 + chars, linear SVM (C=1)', analyzer: rich, model: 'svm', C: 1 },
      { name: 'words 1–2 + chars, linear SVM (C=0.3, balanced classes)', analyzer: rich, model: 'svm', C: 0.3, classWeight: 'balanced' },
      PLAIN_CHAR_SVM,
      { name: 'char 1–3, linear SVM (C=0.3)', analyzer: plain, model: 'svm', C: 0.3 },
    ]
  }
  return [
    { name: 'words 1–2 + chars, linear SVM (C=1)', analyzer: rich, model: 'svm', C: 1 },
    { name: 'words 1–2 + chars, linear SVM (C=0.5)', analyzer: rich, model: 'svm', C: 0.5 },
    PLAIN_CHAR_SVM,
  ]
}

export interface SelectTextOptions {
  lang?: AnalyzerConfig['lang']
  /**
   * Inner folds; 1 is a single stratified holdout (the first of 3 stratified folds validates, the other two
   * train). Default innerFolds(nClasses): 3 for two classes, 1 for more.
   */
  folds?: number
  seed?: number
  candidates?: TextCandidate[]
  segmenter?: Segmenter
}

export interface TextSelection {
  chosen: TextCandidate
  /** Inner cross-validated (or holdout) accuracy of every candidate, in order. */
  scores: Array<{ name: string; accuracy: number }>
}

/**
 * Inner folds of the selection by default: 3 for two classes; for more, one stratified holdout of a third of
 * the training rows, because a one-vs-rest fit costs K binary solves (a 77-intent Banking77 fit on 6,700 rows
 * is about 7 s under load, so 3 candidates × 3 folds alone would be about a minute, against the 30 s
 * training budget of `rapport text train` for intents). The holdout still reads training rows only.
 */
export function innerFolds(nClasses: number): number {
  return nClasses === 2 ? 3 : 1
}

const analyzerKey = (c: TextCandidate): string => JSON.stringify(c.analyzer)

/** Analyses every text once per distinct analyzer setting (label-free, so sharing it across folds leaks nothing). */
export function analyzeForCandidates(texts: readonly string[], candidates: readonly TextCandidate[], opts: SelectTextOptions = {}): Map<string, AnalyzedText[]> {
  const out = new Map<string, AnalyzedText[]>()
  for (const c of candidates) {
    const key = analyzerKey(c)
    if (out.has(key)) continue
    const analyzer = createAnalyzer({ ...defaultAnalyzerConfig(opts.lang ?? 'auto'), ...c.analyzer }, opts.segmenter)
    out.set(key, texts.map((t) => analyzer.analyze(t)))
  }
  return out
}

// The integer encoding of each analysed corpus, built on first use (indexed-tfidf.ts: a sorted dictionary of the
// token strings, no statistic of any row), so every fold's vocabulary and idf are counted from its own
// training rows in O(nnz) instead of rebuilt from strings (4–5 s per ChnSentiCorp fold).
const indexCache = new WeakMap<readonly AnalyzedText[], IndexedCorpus>()

function corpusFor(analyzed: Map<string, AnalyzedText[]>, c: TextCandidate, who: string): IndexedCorpus {
  const docs = analyzed.get(analyzerKey(c))
  if (docs === undefined) throw new Error(`${who}: texts not analysed for ${c.name}`)
  let corpus = indexCache.get(docs)
  if (corpus === undefined) {
    corpus = indexAnalyzed(docs)
    indexCache.set(docs, corpus)
  }
  return corpus
}

interface RowsFit {
  space: IndexedSpace
  model: LinearModel
}

/**
 * Fits one candidate on some rows exactly as fitOnAnalyzed would on those texts: vocabulary, idf (min df
 * from defaultFeatureOptions of the row count) and weights from these rows only, weights rounded to float32.
 */
function fitCandidateRows(corpus: IndexedCorpus, rows: readonly number[], y: Int32Array, nClasses: number, c: TextCandidate, seed: number): RowsFit {
  const space = fitIndexedSpace(corpus, rows, defaultFeatureOptions(rows.length))
  const X = indexedMatrix(corpus, space, rows)
  const opts = { seed, ...(c.C !== undefined ? { C: c.C } : {}), ...(c.classWeight !== undefined ? { classWeight: c.classWeight } : {}) }
  return { space, model: roundCoefToFloat32(trainLinear(c.model, X, Int32Array.from(rows, (i) => y[i]!), nClasses, opts)) }
}

function predictRows(corpus: IndexedCorpus, fit: RowsFit, rows: readonly number[]): Int32Array {
  const K = fit.model.nClasses
  const scores = linearScoresCsr(fit.model, indexedMatrix(corpus, fit.space, rows))
  const out = new Int32Array(rows.length)
  for (let r = 0; r < rows.length; r++) out[r] = argmax(scores, r * K, K)
  return out
}

/**
 * Picks the candidate with the best inner k-fold (or holdout, `folds` 1) accuracy on the rows given (training
 * rows only: the caller passes its training fold, never test data). Ties keep the earlier candidate.
 * Vocabulary, IDF and weights are fitted inside each inner fold on its inner training rows. Cost: folds ×
 * candidates fits.
 */
export function selectTextCandidate(
  analyzed: Map<string, AnalyzedText[]>,
  rows: readonly number[],
  y: Int32Array,
  nClasses: number,
  opts: SelectTextOptions = {},
): TextSelection {
  const candidates = opts.candidates ?? textCandidates(nClasses)
  const folds = opts.folds ?? innerFolds(nClasses)
  if (!Number.isInteger(folds) || folds < 1) throw new Error(`selectTextCandidate: folds must be an integer >= 1, got ${folds}`)
  const seed = opts.seed ?? 0
  const yRows = Int32Array.from(rows, (i) => y[i]!)
  const assign = stratifiedKFold(yRows, folds === 1 ? 3 : folds, seed + 1)
  const splits = Array.from({ length: folds }, (_, f) => {
    const tr: number[] = []
    const te: number[] = []
    for (let r = 0; r < rows.length; r++) (assign[r] === f ? te : tr).push(rows[r]!)
    return { tr, te }
  })
  const scores: TextSelection['scores'] = []
  let best = 0
  candidates.forEach((c, ci) => {
    const corpus = corpusFor(analyzed, c, 'selectTextCandidate')
    let ok = 0
    let scored = 0
    for (const { tr, te } of splits) {
      if (te.length === 0 || tr.length === 0) continue
      const p = predictRows(corpus, fitCandidateRows(corpus, tr, y, nClasses, c, seed), te)
      scored += te.length
      te.forEach((i, k) => {
        if (p[k] === y[i]) ok++
      })
    }
    const accuracy = scored ? ok / scored : 0
    scores.push({ name: c.name, accuracy })
    if (accuracy > scores[best]!.accuracy) best = ci
  })
  return { chosen: candidates[best]!, scores }
}

/** Options of fitTextClassifier that fitDefaultTextClassifier honours for the refit. */
export interface DefaultTextOptions extends SelectTextOptions {
  /** Held-out share for the temperature of margin models, as fitTextClassifier (default 0.1; 0 skips it). */
  calibration?: number
}

/**
 * The default text classifier: chooses among `textCandidates` by inner cross-validation on the training
 * texts, then fits the winner on all of them. The refit is what fitTextClassifier(texts, labels, { model,
 * analyzer, C, classWeight, seed, lang }) returns (same vocabulary, weights and held-out temperature; the
 * test checks it), built from the encoding the selection already made.
 */
export function fitDefaultTextClassifier(texts: readonly string[], labels: readonly string[], opts: DefaultTextOptions = {}): { classifier: TextClassifier; selection: TextSelection } {
  if (texts.length !== labels.length) throw new Error('fitDefaultTextClassifier: texts and labels differ in length')
  const { names, y } = encodeLabels(labels)
  if (names.length < 2) throw new Error('fitDefaultTextClassifier: need at least two distinct labels')
  const candidates = opts.candidates ?? textCandidates(names.length)
  const analyzed = analyzeForCandidates(texts, candidates, opts)
  const all = texts.map((_, i) => i)
  const selection = selectTextCandidate(analyzed, all, y, names.length, { ...opts, candidates })
  const c = selection.chosen
  const corpus = corpusFor(analyzed, c, 'fitDefaultTextClassifier')
  const seed = opts.seed ?? 0
  const fit = fitCandidateRows(corpus, all, y, names.length, c, seed)
  const share = opts.calibration ?? 0.1
  if (needsTemperature(c.model) && share > 0 && texts.length >= 20) {
    // As heldOutTemperature: stratified fold 0 of round(1 / share) held out, the model refitted on the rest.
    const folds = stratifiedKFold(y, Math.max(2, Math.round(1 / share)), seed)
    const tr: number[] = []
    const te: number[] = []
    for (let i = 0; i < y.length; i++) (folds[i] === 0 ? te : tr).push(i)
    const part = fitCandidateRows(corpus, tr, y, names.length, c, seed)
    const scores = linearScoresCsr(part.model, indexedMatrix(corpus, part.space, te))
    fit.model.temperature = fitTemperature(scores, Int32Array.from(te, (i) => y[i]!), names.length)
  }
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig(opts.lang ?? 'auto'), ...c.analyzer }, opts.segmenter)
  return { classifier: { kind: c.model, labels: names, analyzer, space: indexedToFeatureSpace(corpus, fit.space), model: fit.model }, selection }
}

/**
 * Selection and refit on the given training rows of pre-analysed texts (analyzeForCandidates), returning a
 * predictor for other rows: the building block of a nested estimate (`rapport eval text` runs it per fold).
 */
export function fitSelectedOnRows(
  analyzed: Map<string, AnalyzedText[]>,
  trainRows: readonly number[],
  y: Int32Array,
  nClasses: number,
  opts: SelectTextOptions = {},
): { selection: TextSelection; predict: (rows: readonly number[]) => Int32Array } {
  const selection = selectTextCandidate(analyzed, trainRows, y, nClasses, opts)
  const c = selection.chosen
  const corpus = corpusFor(analyzed, c, 'fitSelectedOnRows')
  const fit = fitCandidateRows(corpus, trainRows, y, nClasses, c, opts.seed ?? 0)
  return { selection, predict: (rows) => predictRows(corpus, fit, rows) }
}

/** Fits one candidate on the training rows and predicts others (the baseline of the nested estimate). */
export function fitCandidateOnRows(
  analyzed: Map<string, AnalyzedText[]>,
  candidate: TextCandidate,
  trainRows: readonly number[],
  y: Int32Array,
  nClasses: number,
  seed = 0,
): (rows: readonly number[]) => Int32Array {
  const corpus = corpusFor(analyzed, candidate, 'fitCandidateOnRows')
  const fit = fitCandidateRows(corpus, trainRows, y, nClasses, candidate, seed)
  return (rows) => predictRows(corpus, fit, rows)
}

export interface NestedTextResult {
  accuracy: number
  macroF1: number
  foldAccuracy: number[]
  /** The candidate chosen inside each outer fold. */
  chosen: string[]
  /** Inner cross-validated accuracy of every candidate, per outer fold. */
  innerScores: Array<TextSelection['scores']>
  /** Wall seconds of selection + refit per outer fold (analysis and encoding, once per corpus, excluded). */
  foldSeconds: number[]
  /** Wall seconds of the analysis and encoding shared by all folds. */
  prepareSeconds: number
  /** With `cpuSeconds`: CPU seconds of selection + refit per outer fold (wall time is unreliable on a shared machine). */
  foldCpuSeconds?: number[]
  /** Out-of-fold predicted class index of every row, and the class names. */
  predictions: Int32Array
  labels: string[]
  /** The plain char-SVM on the same outer folds and the same analysis, for comparison. */
  baseline?: { accuracy: number; foldAccuracy: number[]; foldSeconds: number[] }
}

/**
 * Honest estimate of the default: k outer stratified folds; inside each, the selection runs on the outer
 * training rows only and its winner, refitted on them, predicts the outer test rows. With `baseline`, the
 * plain char-SVM is scored on the same folds. Cost: outer × (inner × candidates + 1) fits.
 */
export function nestedCrossValidateText(
  texts: readonly string[],
  labels: readonly string[],
  opts: SelectTextOptions & {
    outerFolds?: number
    baseline?: boolean
    onFold?: (fold: number, folds: number) => void
    /** A CPU clock in seconds (e.g. from process.cpuUsage) to report foldCpuSeconds; this package reads none itself. */
    cpuSeconds?: () => number
  } = {},
): NestedTextResult {
  const t0 = performance.now()
  const { names, y } = encodeLabels(labels)
  const candidates = opts.candidates ?? textCandidates(names.length)
  const all = opts.baseline && !candidates.includes(PLAIN_CHAR_SVM) ? [...candidates, PLAIN_CHAR_SVM] : candidates
  const analyzed = analyzeForCandidates(texts, all, opts)
  for (const c of all) corpusFor(analyzed, c, 'nestedCrossValidateText')
  const prepareSeconds = (performance.now() - t0) / 1000
  const k = opts.outerFolds ?? 5
  const seed = opts.seed ?? 0
  const assign = stratifiedKFold(y, k, seed)
  const predictions = new Int32Array(y.length)
  const foldAccuracy: number[] = []
  const foldSeconds: number[] = []
  const foldCpu: number[] = []
  const baseFold: number[] = []
  const baseSeconds: number[] = []
  let baseOk = 0
  const chosen: string[] = []
  const innerScores: NestedTextResult['innerScores'] = []
  for (let f = 0; f < k; f++) {
    opts.onFold?.(f, k)
    const tr: number[] = []
    const te: number[] = []
    for (let i = 0; i < y.length; i++) (assign[i] === f ? te : tr).push(i)
    const t1 = performance.now()
    const c1 = opts.cpuSeconds?.()
    const fit = fitSelectedOnRows(analyzed, tr, y, names.length, { ...opts, candidates })
    const p = fit.predict(te)
    foldSeconds.push((performance.now() - t1) / 1000)
    if (opts.cpuSeconds && c1 !== undefined) foldCpu.push(opts.cpuSeconds() - c1)
    chosen.push(fit.selection.chosen.name)
    innerScores.push(fit.selection.scores)
    let ok = 0
    te.forEach((i, r) => {
      predictions[i] = p[r]!
      if (p[r] === y[i]) ok++
    })
    foldAccuracy.push(ok / te.length)
    if (opts.baseline) {
      const t2 = performance.now()
      const b = fitCandidateOnRows(analyzed, PLAIN_CHAR_SVM, tr, y, names.length, seed)(te)
      baseSeconds.push((performance.now() - t2) / 1000)
      let bOk = 0
      te.forEach((i, r) => {
        if (b[r] === y[i]) bOk++
      })
      baseOk += bOk
      baseFold.push(bOk / te.length)
    }
  }
  const rep = multiclassReport(y, predictions, names)
  return {
    accuracy: rep.accuracy,
    macroF1: rep.macroF1,
    foldAccuracy,
    chosen,
    innerScores,
    foldSeconds,
    prepareSeconds,
    ...(opts.cpuSeconds ? { foldCpuSeconds: foldCpu } : {}),
    predictions,
    labels: names,
    ...(opts.baseline ? { baseline: { accuracy: baseOk / y.length, foldAccuracy: baseFold, foldSeconds: baseSeconds } } : {}),
  }
}
