import { studentTTwoSidedP } from './distributions.ts'

export interface CorrelationResult {
  r: number
  /** Two-sided p-value of H0: no correlation, from t = r·√((n−2)/(1−r²)) on n − 2 degrees of freedom. */
  pValue: number
  n: number
}

/** Pearson's product-moment correlation with its t-test p-value (exact under bivariate normality). O(n). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): CorrelationResult {
  const n = x.length
  if (y.length !== n) throw new RangeError(`pearson: lengths differ (${n} vs ${y.length})`)
  if (n < 3) return { r: NaN, pValue: NaN, n }
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += x[i] as number
    my += y[i] as number
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx
    const dy = (y[i] as number) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)))
  return { r, pValue: correlationPValue(r, n), n }
}

/** Spearman's rank correlation: Pearson on mid-ranks (ties averaged), p-value by the same t approximation as scipy. O(n log n). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): CorrelationResult {
  return pearson(rank(x), rank(y))
}

/** 1-based ranks with ties given their average rank. */
export function rank(values: ArrayLike<number>): Float64Array {
  const n = values.length
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number))
  const ranks = new Float64Array(n)
  let i = 0
  while (i < n) {
    let j = i
    while (j + 1 < n && values[order[j + 1] as number] === values[order[i] as number]) j++
    const avg = (i + j) / 2 + 1
    for (let t = i; t <= j; t++) ranks[order[t] as number] = avg
    i = j + 1
  }
  return ranks
}

function correlationPValue(r: number, n: number): number {
  if (!Number.isFinite(r)) return NaN
  if (Math.abs(r) >= 1) return 0
  const t = r * Math.sqrt((n - 2) / (1 - r * r))
  return studentTTwoSidedP(t, n - 2)
}
