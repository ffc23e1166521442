import {
  brierScore,
  classificationMetrics,
  confusionMatrix,
  costThreshold,
  crossValidateClassifier,
  fairnessReport,
  liftTable,
  logLoss,
  meanCost,
  prAuc,
  rocAuc,
  type ClassifierOptions,
} from '@rapport/ml'
import type { Labelled } from '../../features/labelled-table.ts'

export interface EvaluateClassifierOptions {
  classifier: ClassifierOptions
  folds: number
  /** Misclassification costs; the decision threshold is then fp / (fp + fn) instead of 0.5. */
  cost?: { fp: number; fn: number } | undefined
  /** Fairness report by this column of the table (values per table row). */
  sensitive?: { column: string; values: readonly string[] } | undefined
  onFold?: (fold: number, folds: number) => void
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

/**
 * Stratified k-fold evaluation of a classifier family: fold-mean ROC-AUC, PR-AUC and log-loss, metrics of the
 * pooled out-of-fold scores at the (cost) threshold, lift by decile, fairness by a sensitive column.
 */
export function evaluateClassifier(data: Labelled, o: EvaluateClassifierOptions) {
  const cv = crossValidateClassifier(
    data.frame,
    data.y,
    { schema: data.schema, target: { column: data.target, positive: data.positive } },
    { ...o.classifier, folds: o.folds },
    () => performance.now() / 1000,
    (f, k) => o.onFold?.(f, k),
  )
  const y = data.y
  const foldAuc = cv.folds.map((f) => rocAuc(Array.from(f.test, (i) => y[i] as number), f.probs))
  const foldPr = cv.folds.map((f) => prAuc(Array.from(f.test, (i) => y[i] as number), f.probs))
  const foldLoss = cv.folds.map((f) => logLoss(Array.from(f.test, (i) => y[i] as number), f.probs))
  const cost = o.cost
  const threshold = cost ? costThreshold(cost) : 0.5
  const conf = confusionMatrix(y, cv.oof, threshold)
  const m = classificationMetrics(conf)
  const sensitive = o.sensitive
  const fairness = sensitive
    ? { column: sensitive.column, ...fairnessReport(y, cv.oof, data.rowIndex.map((i) => sensitive.values[i] ?? ''), threshold) }
    : undefined
  const result = {
    target: data.target,
    positive: data.positive,
    model: o.classifier.model,
    folds: o.folds,
    seed: o.classifier.seed,
    rows: data.frame.nRows,
    positives: y.reduce((a, b) => a + b, 0),
    features: cv.folds[0]?.model.pipeline.features.length ?? 0,
    auc: mean(foldAuc),
    aucStd: Math.sqrt(mean(foldAuc.map((a) => (a - mean(foldAuc)) ** 2))),
    foldAuc,
    aucPooled: rocAuc(y, cv.oof),
    prAuc: mean(foldPr),
    logloss: mean(foldLoss),
    brier: brierScore(y, cv.oof),
    threshold,
    accuracy: m.accuracy,
    precision: m.precision,
    recall: m.recall,
    f1: m.f1,
    confusion: conf,
    ...(cost ? { cost: { ...cost, threshold, meanCost: meanCost(y, cv.oof, threshold, cost) } } : {}),
    ...(fairness ? { fairness } : {}),
    lift: liftTable(y, cv.oof, 10),
    fitSeconds: mean(cv.folds.map((f) => f.fitSeconds)),
  }
  return { result, oof: cv.oof }
}
