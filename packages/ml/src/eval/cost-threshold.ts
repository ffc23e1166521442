import { sortedOrder } from './binary-auc.ts'

/** Cost of each kind of mistake: a false positive (negative flagged) and a false negative (positive missed). */
export interface CostMatrix {
  fp: number
  fn: number
}

/**
 * Bayes-optimal threshold for calibrated probabilities: flag a row when p·cost(fn) > (1 − p)·cost(fp), i.e.
 * p > fp / (fp + fn) (Elkan 2001, "The foundations of cost-sensitive learning"). For German credit's 5:1
 * matrix this is 1/6.
 */
export function costThreshold(cost: CostMatrix): number {
  return cost.fp / (cost.fp + cost.fn)
}

/** Mean cost per row of flagging `probs >= threshold`. O(n). */
export function meanCost(labels: ArrayLike<number>, probs: ArrayLike<number>, threshold: number, cost: CostMatrix): number {
  let s = 0
  for (let i = 0; i < labels.length; i++) {
    const flagged = (probs[i] as number) >= threshold
    const positive = (labels[i] as number) === 1
    if (flagged && !positive) s += cost.fp
    else if (!flagged && positive) s += cost.fn
  }
  return s / labels.length
}

/**
 * The threshold minimising mean cost on the given (training) rows, scanning every distinct score; midpoint
 * between neighbouring scores so it generalises to unseen ones. O(n log n). Use on training or validation
 * predictions only, never on the rows being scored.
 */
export function bestCostThreshold(labels: ArrayLike<number>, probs: ArrayLike<number>, cost: CostMatrix): number {
  const n = labels.length
  const order = sortedOrder(probs)
  let positives = 0
  for (let i = 0; i < n; i++) if ((labels[i] as number) === 1) positives++
  // Threshold below everything: all flagged, cost = fp × negatives.
  let fnCost = 0
  let fpCost = (n - positives) * cost.fp
  let best = fnCost + fpCost
  let bestT = n ? (probs[order[0] as number] as number) : 0.5
  for (let a = 0; a < n; ) {
    let b = a
    while (b + 1 < n && probs[order[b + 1] as number] === probs[order[a] as number]) b++
    for (let t = a; t <= b; t++) {
      if ((labels[order[t] as number] as number) === 1) fnCost += cost.fn
      else fpCost -= cost.fp
    }
    const total = fnCost + fpCost
    if (total < best) {
      best = total
      const hi = b + 1 < n ? (probs[order[b + 1] as number] as number) : 1
      bestT = ((probs[order[b] as number] as number) + hi) / 2
    }
    a = b + 1
  }
  return bestT
}
