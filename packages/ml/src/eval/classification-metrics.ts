/** Counts of a binary decision against 0/1 truth. */
export interface Confusion {
  tp: number
  fp: number
  tn: number
  fn: number
}

/** Confusion matrix of `probs >= threshold` against 0/1 labels. O(n). */
export function confusionMatrix(labels: ArrayLike<number>, probs: ArrayLike<number>, threshold = 0.5): Confusion {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 }
  for (let i = 0; i < labels.length; i++) {
    const predicted = (probs[i] as number) >= threshold
    const actual = (labels[i] as number) === 1
    if (predicted && actual) c.tp++
    else if (predicted) c.fp++
    else if (actual) c.fn++
    else c.tn++
  }
  return c
}

/** Accuracy, precision, recall (TPR), FPR and F1 of a confusion matrix; 0 where a ratio has no denominator. */
export function classificationMetrics(c: Confusion): { accuracy: number; precision: number; recall: number; fpr: number; f1: number } {
  const total = c.tp + c.fp + c.tn + c.fn
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b)
  const precision = ratio(c.tp, c.tp + c.fp)
  const recall = ratio(c.tp, c.tp + c.fn)
  return {
    accuracy: ratio(c.tp + c.tn, total),
    precision,
    recall,
    fpr: ratio(c.fp, c.fp + c.tn),
    f1: ratio(2 * precision * recall, precision + recall),
  }
}
