import { mean as ssMean, sampleSkewness, sampleVariance } from 'simple-statistics'

/**
 * Descriptive statistics over numeric arrays. mean, variance and skewness come from simple-statistics;
 * quantiles are written here because simple-statistics' quantile is not the linear-interpolation
 * definition (Hyndman & Fan type 7) that R, NumPy and pandas use by default.
 */
export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? NaN : ssMean(Array.from(values))
}

/** Sample variance (n − 1 denominator); NaN for fewer than two values. */
export function variance(values: ArrayLike<number>): number {
  return values.length < 2 ? NaN : sampleVariance(Array.from(values))
}

export function standardDeviation(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values))
}

/** Adjusted Fisher–Pearson sample skewness (as scipy.stats.skew(bias=False) and Excel SKEW); needs n ≥ 3. */
export function skewness(values: ArrayLike<number>): number {
  return values.length < 3 ? NaN : sampleSkewness(Array.from(values))
}

/** Quantile of already-sorted values by linear interpolation between order statistics (type 7). O(1). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(n - 1, lo + 1)
  const a = sorted[lo] as number
  return a + (h - lo) * ((sorted[hi] as number) - a)
}

/** Quantiles (type 7) of unsorted values; sorts a copy once. O(n log n). */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort()
  return ps.map((p) => quantileSorted(sorted, p))
}

export function median(values: ArrayLike<number>): number {
  return quantiles(values, [0.5])[0] as number
}
