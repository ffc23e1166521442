import { checkBinaryPair, descendingOrder } from './rank-order.ts'

/**
 * Uplift at k (scikit-uplift `uplift_at_k`), written from its definition: rank rows by descending uplift
 * (ties: the later row first, as scikit-uplift's reversed stable sort does), then
 *   'overall'  — take the first ⌊N·k⌋ rows; response rate of their treated rows minus that of their control rows;
 *   'by_group' — take the first ⌊N_t·k⌋ treated rows and the first ⌊N_c·k⌋ control rows of the ranking, each
 *                ranked within its own arm; their response rates' difference.
 * An arm with no rows in the 'overall' cut gives NaN (numpy's mean of nothing); a cut of zero rows is an error,
 * as it is in scikit-uplift.
 */
export type UpliftAtKStrategy = 'overall' | 'by_group'

export function upliftAtK(
  y: ArrayLike<number>,
  uplift: ArrayLike<number>,
  treatment: ArrayLike<number>,
  options: { k?: number; strategy?: UpliftAtKStrategy } = {},
): number {
  checkBinaryPair(y, treatment)
  if (uplift.length !== y.length) throw new RangeError(`uplift has ${uplift.length} rows but y has ${y.length}`)
  const k = options.k ?? 0.3
  if (!(k > 0 && k <= 1)) throw new RangeError(`upliftAtK: k must be a share in (0, 1], got ${k}`)
  const strategy = options.strategy ?? 'overall'
  const order = descendingOrder(uplift)
  const n = order.length
  let nTreated = 0
  for (let i = 0; i < n; i++) nTreated += treatment[i] as number
  // Python's int() truncation of a positive float, like scikit-uplift's int(n_samples * k).
  const cutTreated = strategy === 'overall' ? Math.floor(n * k) : Math.floor(nTreated * k)
  const cutControl = strategy === 'overall' ? cutTreated : Math.floor((n - nTreated) * k)
  if (cutTreated < 1 || cutControl < 1) throw new RangeError(`upliftAtK: k = ${k} selects no rows`)
  const sums = [0, 0]
  const counts = [0, 0]
  if (strategy === 'overall') {
    for (let p = 0; p < cutTreated; p++) {
      const i = order[p] as number
      const arm = treatment[i] as number
      counts[arm] = (counts[arm] as number) + 1
      sums[arm] = (sums[arm] as number) + (y[i] as number)
    }
  } else {
    const cut = [cutControl, cutTreated]
    for (let p = 0; p < n; p++) {
      const i = order[p] as number
      const arm = treatment[i] as number
      if ((counts[arm] as number) >= (cut[arm] as number)) continue
      counts[arm] = (counts[arm] as number) + 1
      sums[arm] = (sums[arm] as number) + (y[i] as number)
    }
  }
  const rate = (arm: number): number => ((counts[arm] as number) > 0 ? (sums[arm] as number) / (counts[arm] as number) : Number.NaN)
  return rate(1) - rate(0)
}
