/**
 * Abstain (hand-off) threshold from validation predictions: accept a prediction when its confidence is at
 * least the threshold. Chooses the threshold maximising  correct − wrongCost · wrong  over the accepted
 * validation items (an abstention costs 0: a human takes the ticket). With wrongCost = 1 this accepts while
 * the marginal precision stays above one half. O(n log n).
 */
export function tuneAbstainThreshold(confidence: ArrayLike<number>, correct: ArrayLike<boolean>, wrongCost = 1): number {
  const n = confidence.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (confidence[b] as number) - (confidence[a] as number))
  let best = 0
  let bestAt = -1
  let utility = 0
  for (let r = 0; r < n; r++) {
    const i = order[r]!
    utility += correct[i] ? 1 : -wrongCost
    // Only cut between distinct confidences, so the threshold separates exactly what was counted.
    const next = order[r + 1]
    if (next !== undefined && confidence[next] === confidence[i]) continue
    if (utility > best) {
      best = utility
      bestAt = r
    }
  }
  if (bestAt < 0) return 1 + Number.EPSILON // nothing worth accepting: abstain on everything
  if (bestAt === n - 1) return 0
  const lo = confidence[order[bestAt + 1]!] as number
  const hi = confidence[order[bestAt]!] as number
  return (lo + hi) / 2
}
