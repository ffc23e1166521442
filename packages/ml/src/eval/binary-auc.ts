/**
 * ROC-AUC: the probability that a random positive scores above a random negative, ties counting one half
 * (the Mann–Whitney U statistic over midranks). O(n log n). NaN when one class is absent.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length
  const order = sortedOrder(scores)
  let pos = 0
  let rankSum = 0
  for (let a = 0; a < n; ) {
    let b = a
    while (b + 1 < n && scores[order[b + 1] as number] === scores[order[a] as number]) b++
    const midrank = (a + b) / 2 + 1
    for (let t = a; t <= b; t++) {
      if ((labels[order[t] as number] as number) === 1) {
        pos++
        rankSum += midrank
      }
    }
    a = b + 1
  }
  const neg = n - pos
  if (pos === 0 || neg === 0) return Number.NaN
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg)
}

/**
 * PR-AUC as average precision (scikit-learn's `average_precision_score`): Σ (R_k − R_{k−1}) P_k over score
 * thresholds taken high to low, tied scores entering together. O(n log n). NaN without positives.
 */
export function prAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length
  const order = sortedOrder(scores)
  let totalPos = 0
  for (let i = 0; i < n; i++) if ((labels[i] as number) === 1) totalPos++
  if (totalPos === 0) return Number.NaN
  let tp = 0
  let seen = 0
  let prevRecall = 0
  let ap = 0
  for (let b = n - 1; b >= 0; ) {
    let a = b
    while (a - 1 >= 0 && scores[order[a - 1] as number] === scores[order[b] as number]) a--
    for (let t = a; t <= b; t++) {
      seen++
      if ((labels[order[t] as number] as number) === 1) tp++
    }
    const recall = tp / totalPos
    ap += (recall - prevRecall) * (tp / seen)
    prevRecall = recall
    b = a - 1
  }
  return ap
}

/** Row indices sorted by ascending score. */
export function sortedOrder(scores: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i)
  order.sort((i, j) => (scores[i] as number) - (scores[j] as number))
  return order
}
