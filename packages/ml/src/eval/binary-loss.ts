/** Mean binary log-loss (cross-entropy), probabilities clipped to [1e-15, 1 − 1e-15] like scikit-learn. O(n). */
export function logLoss(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  const eps = 1e-15
  let s = 0
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probs[i] as number))
    s -= (labels[i] as number) === 1 ? Math.log(p) : Math.log(1 - p)
  }
  return s / labels.length
}

/** Brier score: mean squared difference between probability and 0/1 outcome. O(n). */
export function brierScore(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < labels.length; i++) s += ((probs[i] as number) - (labels[i] as number)) ** 2
  return s / labels.length
}
