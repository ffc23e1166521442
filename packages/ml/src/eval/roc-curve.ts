import { sortedOrder } from './binary-auc.ts'

/** A point of the ROC curve: the rates when every row scored ≥ threshold is called positive. */
export interface RocPoint {
  fpr: number
  tpr: number
  threshold: number
}

/**
 * The ROC curve, thinned to at most `maxPoints` points (evenly spaced in rank, ties kept together, both ends
 * included) so it can be stored and drawn. O(n log n).
 */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, maxPoints = 101): RocPoint[] {
  const n = labels.length
  let pos = 0
  for (let i = 0; i < n; i++) if ((labels[i] as number) === 1) pos++
  const neg = n - pos
  const out: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }]
  if (pos === 0 || neg === 0) return out
  const order = sortedOrder(scores).reverse()
  const step = Math.max(1, Math.floor(n / Math.max(1, maxPoints - 2)))
  let tp = 0
  let fp = 0
  let lastEmitted = 0
  for (let k = 0; k < n; k++) {
    const i = order[k] as number
    if ((labels[i] as number) === 1) tp++
    else fp++
    const next = order[k + 1]
    const endOfTie = next === undefined || (scores[next] as number) !== (scores[i] as number)
    if (endOfTie && (k + 1 - lastEmitted >= step || next === undefined)) {
      out.push({ fpr: fp / neg, tpr: tp / pos, threshold: scores[i] as number })
      lastEmitted = k + 1
    }
  }
  return out
}
