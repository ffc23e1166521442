import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import { multiclassReport } from '../eval/multiclass-metrics.ts'
import { createAnalyzer, defaultAnalyzerConfig, type AnalyzedText, type AnalyzerConfig } from './analyzer.ts'
import { encodeLabels, fitOnAnalyzed, fitTextClassifier, predictAnalyzed, type TextClassifier } from './text-classifier.ts'
import type { Segmenter } from './tokenizer.ts'
import type { TextModelKind } from './train-linear.ts'

/** One configuration the default may choose: analyzer settings over the defaults, a model family and C. */
export interface TextCandidate {
  name: string
  analyzer: Partial<AnalyzerConfig>
  model: TextModelKind
  C?: number
}

/** The plain baseline of issue 19: character 1–3-grams only, TF-IDF, linear SVM with C = 1. */
export const PLAIN_CHAR_SVM: TextCandidate = {
  name: 'char 1–3 TF-IDF + linear SVM (C=1)',
  analyzer: { wordNgrams: null, charNgrams: { han: [1, 3], word: [1, 3] } },
  model: 'svm',
  C: 1,
}

/**
 * The small candidate set the default chooses from: the previous fixed default (word 1–2 + character blocks,
 * logistic C = 10 for two classes, SVM C = 1 for more), the other family on the same features, and the plain
 * character 1–3 blocks with both families — so a corpus where plain characters win is no longer lost.
 * Multi-class sets skip logistic (one-vs-rest L-BFGS per class costs minutes on 77 intents).
 */
export function textCandidates(nClasses: number): TextCandidate[] {
  const rich: Partial<AnalyzerConfig> = {}
  const plain = PLAIN_CHAR_SVM.analyzer
  if (nClasses === 2) {
    return [
      { name: 'words 1–2 + chars, logistic (C=10)', analyzer: rich, model: 'logistic', C: 10 },
      { name: 'words 1–2 + chars, linear SVM (C=1)', analyzer: rich, model: 'svm', C: 1 },
      PLAIN_CHAR_SVM,
      { name: 'char 1–3, logistic (C=10)', analyzer: plain, model: 'logistic', C: 10 },
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
  /** Inner folds (default 3). */
  folds?: number
  seed?: number
  candidates?: TextCandidate[]
  segmenter?: Segmenter
}

export interface TextSelection {
  chosen: TextCandidate
  /** Inner cross-validated accuracy of every candidate, in order. */
  scores: Array<{ name: string; accuracy: number }>
}

/** Analyses every text once per distinct analyzer setting (label-free, so sharing it across folds leaks nothing). */
export function analyzeForCandidates(texts: readonly string[], candidates: readonly TextCandidate[], opts: SelectTextOptions = {}): Map<string, AnalyzedText[]> {
  const out = new Map<string, AnalyzedText[]>()
  for (const c of candidates) {
    const key = JSON.stringify(c.analyzer)
    if (out.has(key)) continue
    const analyzer = createAnalyzer({ ...defaultAnalyzerConfig(opts.lang ?? 'auto'), ...c.analyzer }, opts.segmenter)
    out.set(key, texts.map((t) => analyzer.analyze(t)))
  }
  return out
}

/**
 * Picks the candidate with the best inner k-fold accuracy on the rows given (training rows only: the caller
 * passes its training fold, never test data). Ties keep the earlier candidate. Vocabulary, IDF and weights
 * are fitted inside each inner fold. Cost: folds × candidates fits.
 */
export function selectTextCandidate(
  analyzed: Map<string, AnalyzedText[]>,
  rows: readonly number[],
  y: Int32Array,
  nClasses: number,
  opts: SelectTextOptions = {},
): TextSelection {
  const candidates = opts.candidates ?? textCandidates(nClasses)
  const folds = opts.folds ?? 3
  const seed = opts.seed ?? 0
  const yRows = Int32Array.from(rows, (i) => y[i]!)
  const assign = stratifiedKFold(yRows, folds, seed + 1)
  const scores: TextSelection['scores'] = []
  let best = 0
  candidates.forEach((c, ci) => {
    const docs = analyzed.get(JSON.stringify(c.analyzer))
    if (docs === undefined) throw new Error(`selectTextCandidate: texts not analysed for ${c.name}`)
    let ok = 0
    for (let f = 0; f < folds; f++) {
      const tr: number[] = []
      const te: number[] = []
      for (let r = 0; r < rows.length; r++) (assign[r] === f ? te : tr).push(rows[r]!)
      const fit = fitOnAnalyzed(tr.map((i) => docs[i]!), Int32Array.from(tr, (i) => y[i]!), nClasses, c.model, { seed, ...(c.C !== undefined ? { C: c.C } : {}) })
      const p = predictAnalyzed(fit.space, fit.model, te.map((i) => docs[i]!))
      te.forEach((i, k) => {
        if (p[k] === y[i]) ok++
      })
    }
    scores.push({ name: c.name, accuracy: ok / rows.length })
    if (ok / rows.length > scores[best]!.accuracy) best = ci
  })
  return { chosen: candidates[best]!, scores }
}

/**
 * The default text classifier: chooses among `textCandidates` by inner cross-validation on the training
 * texts, then fits the winner on all of them (with fitTextClassifier's calibration).
 */
export function fitDefaultTextClassifier(texts: readonly string[], labels: readonly string[], opts: SelectTextOptions = {}): { classifier: TextClassifier; selection: TextSelection } {
  const { names, y } = encodeLabels(labels)
  const candidates = opts.candidates ?? textCandidates(names.length)
  const analyzed = analyzeForCandidates(texts, candidates, opts)
  const selection = selectTextCandidate(analyzed, texts.map((_, i) => i), y, names.length, { ...opts, candidates })
  const c = selection.chosen
  const classifier = fitTextClassifier(texts, labels, {
    model: c.model,
    analyzer: c.analyzer,
    ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
    ...(c.C !== undefined ? { C: c.C } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.segmenter !== undefined ? { segmenter: opts.segmenter } : {}),
  })
  return { classifier, selection }
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
  const docs = analyzed.get(JSON.stringify(c.analyzer))
  if (docs === undefined) throw new Error(`fitSelectedOnRows: texts not analysed for ${c.name}`)
  const fit = fitOnAnalyzed(trainRows.map((i) => docs[i]!), Int32Array.from(trainRows, (i) => y[i]!), nClasses, c.model, { seed: opts.seed ?? 0, ...(c.C !== undefined ? { C: c.C } : {}) })
  return { selection, predict: (rows) => predictAnalyzed(fit.space, fit.model, rows.map((i) => docs[i]!)) }
}

export interface NestedTextResult {
  accuracy: number
  macroF1: number
  foldAccuracy: number[]
  /** The candidate chosen inside each outer fold. */
  chosen: string[]
  /** The plain char-SVM on the same outer folds and the same analysis, for comparison. */
  baseline?: { accuracy: number; foldAccuracy: number[] }
}

/**
 * Honest estimate of the default: k outer stratified folds; inside each, the selection runs on the outer
 * training rows only and its winner, refitted on them, predicts the outer test rows. With `baseline`, the
 * plain char-SVM is scored on the same folds. Cost: outer × (inner × candidates + 1) fits.
 */
export function nestedCrossValidateText(
  texts: readonly string[],
  labels: readonly string[],
  opts: SelectTextOptions & { outerFolds?: number; baseline?: boolean } = {},
): NestedTextResult {
  const { names, y } = encodeLabels(labels)
  const candidates = opts.candidates ?? textCandidates(names.length)
  const all = opts.baseline && !candidates.includes(PLAIN_CHAR_SVM) ? [...candidates, PLAIN_CHAR_SVM] : candidates
  const analyzed = analyzeForCandidates(texts, all, opts)
  const k = opts.outerFolds ?? 5
  const seed = opts.seed ?? 0
  const assign = stratifiedKFold(y, k, seed)
  const truth: number[] = []
  const pred: number[] = []
  const foldAccuracy: number[] = []
  const baseFold: number[] = []
  let baseOk = 0
  const chosen: string[] = []
  for (let f = 0; f < k; f++) {
    const tr: number[] = []
    const te: number[] = []
    for (let i = 0; i < y.length; i++) (assign[i] === f ? te : tr).push(i)
    const sel = selectTextCandidate(analyzed, tr, y, names.length, { ...opts, candidates })
    chosen.push(sel.chosen.name)
    const score = (c: TextCandidate): Int32Array => {
      const docs = analyzed.get(JSON.stringify(c.analyzer))
      if (docs === undefined) throw new Error(`nestedCrossValidateText: texts not analysed for ${c.name}`)
      const fit = fitOnAnalyzed(tr.map((i) => docs[i]!), Int32Array.from(tr, (i) => y[i]!), names.length, c.model, { seed, ...(c.C !== undefined ? { C: c.C } : {}) })
      return predictAnalyzed(fit.space, fit.model, te.map((i) => docs[i]!))
    }
    const p = score(sel.chosen)
    let ok = 0
    te.forEach((i, r) => {
      truth.push(y[i]!)
      pred.push(p[r]!)
      if (p[r] === y[i]) ok++
    })
    foldAccuracy.push(ok / te.length)
    if (opts.baseline) {
      const b = sel.chosen === PLAIN_CHAR_SVM ? p : score(PLAIN_CHAR_SVM)
      let bOk = 0
      te.forEach((i, r) => {
        if (b[r] === y[i]) bOk++
      })
      baseOk += bOk
      baseFold.push(bOk / te.length)
    }
  }
  const rep = multiclassReport(truth, pred, names)
  return {
    accuracy: rep.accuracy,
    macroF1: rep.macroF1,
    foldAccuracy,
    chosen,
    ...(opts.baseline ? { baseline: { accuracy: baseOk / y.length, foldAccuracy: baseFold } } : {}),
  }
}
