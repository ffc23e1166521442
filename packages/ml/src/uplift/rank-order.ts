/**
 * Row order by descending uplift score, ties broken the way scikit-uplift breaks them: it takes a stable
 * ascending sort (`np.argsort(kind='mergesort')`) and reverses it, so among equal scores the row that comes
 * LATER in the input ranks first. Non-finite scores are rejected: they have no place in a ranking.
 */
export function descendingOrder(scores: ArrayLike<number>): Int32Array {
  const n = scores.length
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(scores[i] as number)) throw new RangeError(`uplift score of row ${i} is not a finite number`)
  }
  const order = Int32Array.from({ length: n }, (_, i) => i)
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || b - a)
  return order
}

/** Throws unless every value is 0 or 1 and both arrays have the same length. */
export function checkBinaryPair(y: ArrayLike<number>, treatment: ArrayLike<number>): void {
  if (y.length !== treatment.length) throw new RangeError(`y has ${y.length} rows but treatment has ${treatment.length}`)
  for (let i = 0; i < y.length; i++) {
    const a = y[i]
    const b = treatment[i]
    if ((a !== 0 && a !== 1) || (b !== 0 && b !== 1)) throw new RangeError(`row ${i}: outcome and treatment must be 0 or 1`)
  }
}
