import { chiSquareSurvival, studentTTwoSidedP } from './distributions.ts'

export interface WelchResult {
  t: number
  df: number
  pValue: number
  meanDifference: number
}

/**
 * Welch's unequal-variance t-test of H0: equal means (Welch 1947), Welch–Satterthwaite degrees of freedom,
 * two-sided p-value. O(n).
 */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): WelchResult {
  const sa = moments(a)
  const sb = moments(b)
  if (sa.n < 2 || sb.n < 2) return { t: NaN, df: NaN, pValue: NaN, meanDifference: sa.mean - sb.mean }
  const va = sa.variance / sa.n
  const vb = sb.variance / sb.n
  const t = (sa.mean - sb.mean) / Math.sqrt(va + vb)
  const df = (va + vb) ** 2 / ((va * va) / (sa.n - 1) + (vb * vb) / (sb.n - 1))
  return { t, df, pValue: studentTTwoSidedP(t, df), meanDifference: sa.mean - sb.mean }
}

export interface ChiSquareResult {
  statistic: number
  df: number
  pValue: number
  /** Cramér's V effect size, √(χ² / (N·(min(r, c) − 1))). */
  cramersV: number
  expected: number[][]
}

/**
 * Pearson's chi-square test of independence on an r × c contingency table of counts. Rows or columns that
 * sum to zero are dropped first. `yates` applies the continuity correction to 2 × 2 tables (scipy's
 * default); it is off by default here. O(r·c).
 */
export function chiSquareIndependence(table: number[][], options: { yates?: boolean } = {}): ChiSquareResult {
  let rows = table.filter((r) => r.reduce((s, v) => s + v, 0) > 0)
  const width = Math.max(0, ...rows.map((r) => r.length))
  const keep = Array.from({ length: width }, (_, j) => rows.some((r) => (r[j] ?? 0) > 0))
  rows = rows.map((r) => r.filter((_, j) => keep[j]))
  const nr = rows.length
  const nc = rows[0]?.length ?? 0
  const rowSum = rows.map((r) => r.reduce((s, v) => s + v, 0))
  const colSum = Array.from({ length: nc }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0))
  const total = rowSum.reduce((s, v) => s + v, 0)
  const expected = rows.map((_, i) => colSum.map((c) => ((rowSum[i] as number) * c) / total))
  const df = (nr - 1) * (nc - 1)
  if (df < 1) return { statistic: NaN, df, pValue: NaN, cramersV: NaN, expected }
  const correct = options.yates === true && df === 1
  let stat = 0
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      const e = (expected[i] as number[])[j] as number
      let dev = Math.abs(((rows[i] as number[])[j] as number) - e)
      if (correct) dev = Math.max(0, dev - 0.5)
      stat += (dev * dev) / e
    }
  }
  return {
    statistic: stat,
    df,
    pValue: chiSquareSurvival(stat, df),
    cramersV: Math.sqrt(stat / (total * (Math.min(nr, nc) - 1))),
    expected,
  }
}

function moments(x: ArrayLike<number>): { n: number; mean: number; variance: number } {
  const n = x.length
  let m = 0
  for (let i = 0; i < n; i++) m += x[i] as number
  m /= n
  let s = 0
  for (let i = 0; i < n; i++) s += ((x[i] as number) - m) ** 2
  return { n, mean: m, variance: n > 1 ? s / (n - 1) : NaN }
}
