/** Precision, recall, F1 and support of one class. */
export interface ClassReport {
  label: string
  precision: number
  recall: number
  f1: number
  support: number
}

export interface MulticlassReport {
  accuracy: number
  /** Unweighted mean of per-class F1 over classes present in truth or predictions (scikit-learn's macro). */
  macroF1: number
  perClass: ClassReport[]
}

/**
 * Accuracy, macro-F1 and the per-class report of predicted vs true class indices (0..K-1), from the K × K
 * confusion counts. O(n + K). Classes with no support and no predictions are left out of the macro mean.
 */
export function multiclassReport(truth: ArrayLike<number>, pred: ArrayLike<number>, labels: readonly string[]): MulticlassReport {
  const K = labels.length
  const tp = new Float64Array(K)
  const support = new Float64Array(K)
  const predicted = new Float64Array(K)
  let correct = 0
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i] as number
    const p = pred[i] as number
    support[t]!++
    predicted[p]!++
    if (t === p) {
      tp[t]!++
      correct++
    }
  }
  const perClass: ClassReport[] = []
  let f1Sum = 0
  let present = 0
  for (let k = 0; k < K; k++) {
    const precision = predicted[k]! > 0 ? tp[k]! / predicted[k]! : 0
    const recall = support[k]! > 0 ? tp[k]! / support[k]! : 0
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
    if (support[k]! > 0 || predicted[k]! > 0) {
      f1Sum += f1
      present++
    }
    perClass.push({ label: labels[k]!, precision, recall, f1, support: support[k]! })
  }
  return { accuracy: truth.length > 0 ? correct / truth.length : 0, macroF1: present > 0 ? f1Sum / present : 0, perClass }
}
