import {
  analyzeForCandidates,
  createAnalyzer,
  defaultAnalyzerConfig,
  encodeLabels,
  fitOnAnalyzed,
  fitSelectedOnRows,
  multiclassReport,
  nestedCrossValidateText,
  predictAnalyzed,
  stratifiedKFold,
  textCandidates,
  type TextModelKind,
  type TextSelection,
} from '@rapport/ml'
import { UsageError } from '../../errors/rapport-error.ts'

export interface LabelledTexts {
  file: string
  texts: readonly string[]
  labels: readonly string[]
}

export interface EvaluateTextOptions {
  lang: 'zh' | 'en' | 'auto'
  /**
   * A fixed classifier family, cross-validated as before. Unset: the default (`rapport text train` without
   * --model), which chooses its configuration by inner CV (3 folds for two classes, a stratified holdout for more); it is then estimated by nested CV.
   */
  model?: TextModelKind | undefined
  folds: number
  seed: number
  onFold?: (fold: number, folds: number) => void
}

/**
 * Evaluates a text classifier: stratified k-fold CV on one labelled set, or a fixed train/test split when
 * `test` is given. Texts are analysed once; vocabulary and model are fitted per fold on training rows only.
 */
export function evaluateTextClassifier(first: LabelledTexts, test: LabelledTexts | undefined, o: EvaluateTextOptions) {
  const { names, y } = encodeLabels([...first.labels, ...(test?.labels ?? [])])
  if (names.length < 2) throw new UsageError(`${first.file}: the label column has fewer than two distinct values`)
  if (o.model === undefined) return evaluateDefault(first, test, o, names, y)
  const kind = o.model
  const analyzer = createAnalyzer(defaultAnalyzerConfig(o.lang))
  const t0 = performance.now()
  const docs = [...first.texts, ...(test?.texts ?? [])].map((t) => analyzer.analyze(t))
  const analyzeSeconds = (performance.now() - t0) / 1000
  const label = (i: number): number => y[i] as number
  const pred = new Int32Array(docs.length)
  const foldAccuracy: number[] = []
  let fitSeconds = 0
  let evalIdx: number[]
  const runSplit = (train: number[], testRows: number[]): void => {
    const t1 = performance.now()
    const { space, model } = fitOnAnalyzed(train.map((i) => docs[i] as (typeof docs)[number]), Int32Array.from(train, label), names.length, kind, { seed: o.seed })
    fitSeconds += (performance.now() - t1) / 1000
    const p = predictAnalyzed(space, model, testRows.map((i) => docs[i] as (typeof docs)[number]))
    let ok = 0
    testRows.forEach((i, r) => {
      pred[i] = p[r] as number
      if (p[r] === y[i]) ok++
    })
    foldAccuracy.push(testRows.length ? ok / testRows.length : 0)
  }
  if (test) {
    const n1 = first.texts.length
    evalIdx = Array.from({ length: test.texts.length }, (_, r) => n1 + r)
    runSplit(Array.from({ length: n1 }, (_, i) => i), evalIdx)
  } else {
    if (docs.length < o.folds) throw new UsageError(`${first.file}: ${docs.length} rows cannot fill ${o.folds} folds`)
    const folds = stratifiedKFold(y, o.folds, o.seed)
    evalIdx = Array.from({ length: docs.length }, (_, i) => i)
    for (let f = 0; f < o.folds; f++) {
      o.onFold?.(f, o.folds)
      const tr: number[] = []
      const te: number[] = []
      for (let i = 0; i < docs.length; i++) (folds[i] === f ? te : tr).push(i)
      runSplit(tr, te)
    }
  }
  const rep = multiclassReport(Int32Array.from(evalIdx, label), Int32Array.from(evalIdx, (i) => pred[i] as number), names)
  return {
    protocol: test ? 'fixed split' : `stratified ${o.folds}-fold`,
    files: test ? { train: first.file, test: test.file } : { file: first.file },
    rows: test ? { train: first.texts.length, test: test.texts.length } : first.texts.length,
    classes: names.length,
    model: kind,
    lang: o.lang,
    seed: o.seed,
    accuracy: rep.accuracy,
    macroF1: rep.macroF1,
    foldAccuracy,
    fitSeconds,
    analyzeSeconds,
    perClass: rep.perClass,
  }
}

/** Per outer split: the candidate the default chose and every candidate's inner accuracy on that split's training rows. */
interface FoldSelection {
  fold: number
  chosen: string
  innerAccuracy: TextSelection['scores']
}

/**
 * The default, estimated honestly: its selection (inner CV among textCandidates, select-text-model.ts) runs inside each outer
 * fold on that fold's training rows only, or on --train only, and the winner refitted there predicts the held-out
 * rows. Texts are analysed once per analyzer setting; vocabularies, idf and weights are fitted per split.
 */
function evaluateDefault(first: LabelledTexts, test: LabelledTexts | undefined, o: EvaluateTextOptions, names: string[], y: Int32Array) {
  const candidates = textCandidates(names.length)
  const common = { lang: o.lang, seed: o.seed, candidates }
  let pred: Int32Array
  let evalIdx: number[]
  let foldAccuracy: number[]
  let selection: FoldSelection[]
  let fitSeconds: number
  let analyzeSeconds: number
  if (test) {
    const t0 = performance.now()
    const analyzed = analyzeForCandidates([...first.texts, ...test.texts], candidates, common)
    analyzeSeconds = (performance.now() - t0) / 1000
    const n1 = first.texts.length
    evalIdx = Array.from({ length: test.texts.length }, (_, r) => n1 + r)
    const t1 = performance.now()
    const fit = fitSelectedOnRows(analyzed, Array.from({ length: n1 }, (_, i) => i), y, names.length, common)
    pred = new Int32Array(y.length)
    pred.set(fit.predict(evalIdx), n1)
    fitSeconds = (performance.now() - t1) / 1000
    let ok = 0
    for (const i of evalIdx) if (pred[i] === y[i]) ok++
    foldAccuracy = [evalIdx.length ? ok / evalIdx.length : 0]
    selection = [{ fold: 1, chosen: fit.selection.chosen.name, innerAccuracy: fit.selection.scores }]
  } else {
    if (first.texts.length < o.folds) throw new UsageError(`${first.file}: ${first.texts.length} rows cannot fill ${o.folds} folds`)
    const r = nestedCrossValidateText(first.texts, first.labels, { ...common, outerFolds: o.folds, ...(o.onFold ? { onFold: o.onFold } : {}) })
    pred = r.predictions
    evalIdx = Array.from({ length: first.texts.length }, (_, i) => i)
    foldAccuracy = r.foldAccuracy
    selection = r.chosen.map((chosen, f) => ({ fold: f + 1, chosen, innerAccuracy: r.innerScores[f] ?? [] }))
    fitSeconds = r.foldSeconds.reduce((a, b) => a + b, 0)
    analyzeSeconds = r.prepareSeconds
  }
  const rep = multiclassReport(Int32Array.from(evalIdx, (i) => y[i] as number), Int32Array.from(evalIdx, (i) => pred[i] as number), names)
  return {
    protocol: test ? 'fixed split' : `stratified ${o.folds}-fold`,
    estimate: test ? 'default chosen on --train only' : 'nested: the default chooses inside each outer fold on its training rows',
    files: test ? { train: first.file, test: test.file } : { file: first.file },
    rows: test ? { train: first.texts.length, test: test.texts.length } : first.texts.length,
    classes: names.length,
    model: 'default',
    candidates: candidates.map((c) => c.name),
    selection,
    lang: o.lang,
    seed: o.seed,
    accuracy: rep.accuracy,
    macroF1: rep.macroF1,
    foldAccuracy,
    fitSeconds,
    analyzeSeconds,
    perClass: rep.perClass,
  }
}
