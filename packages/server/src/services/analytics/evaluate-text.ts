import {
  createAnalyzer,
  defaultAnalyzerConfig,
  defaultTextModel,
  encodeLabels,
  fitOnAnalyzed,
  multiclassReport,
  predictAnalyzed,
  stratifiedKFold,
  type TextModelKind,
} from '@rapport/ml'
import { UsageError } from '../../errors/rapport-error.ts'

export interface LabelledTexts {
  file: string
  texts: readonly string[]
  labels: readonly string[]
}

export interface EvaluateTextOptions {
  lang: 'zh' | 'en' | 'auto'
  /** Default: logistic for two classes, svm for more. */
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
  const kind = o.model ?? defaultTextModel(names.length)
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
