import { regularizedBeta, regularizedGammaQ } from './special.ts'

/** P(T ≤ t) for Student's t with `df` degrees of freedom, via I_{df/(df+t²)}(df/2, 1/2). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN
  if (t === Infinity) return 1
  if (t === -Infinity) return 0
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5)
  return t > 0 ? 1 - tail : tail
}

/** Two-sided p-value P(|T| ≥ |t|) for Student's t; computed from the tail directly so tiny p-values keep precision. */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN
  if (!Number.isFinite(t)) return 0
  return regularizedBeta(df / (df + t * t), df / 2, 0.5)
}

/** Upper tail P(X ≥ x) of the chi-square distribution with `df` degrees of freedom: Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN
  return regularizedGammaQ(df / 2, Math.max(0, x) / 2)
}

/** P(X ≤ x) of the chi-square distribution. */
export function chiSquareCdf(x: number, df: number): number {
  return 1 - chiSquareSurvival(x, df)
}
