import { studentTTwoSidedP, chiSquareSurvival } from './distributions.ts'

/**
 * Two-sided critical values of the standard normal and Student's t, found by bisection on the existing tail
 * functions (so they are as accurate as the incomplete beta and gamma in special.ts, with no second set of
 * approximation constants). Each call costs about 60 tail evaluations: meant for one interval per result,
 * not for inner loops.
 */

/** P(|Z| ≥ |z|) for a standard normal Z: Z² is chi-square with 1 degree of freedom. */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN
  return chiSquareSurvival(z * z, 1)
}

/** The z with P(|Z| ≥ z) = alpha, e.g. 1.959964 for alpha = 0.05. */
export function normalCriticalValue(alpha: number): number {
  return invertTwoSidedTail(normalTwoSidedP, alpha)
}

/** The t with P(|T| ≥ t) = alpha for `df` (possibly fractional) degrees of freedom. */
export function studentTCriticalValue(alpha: number, df: number): number {
  if (!(df > 0)) return NaN
  return invertTwoSidedTail((t) => studentTTwoSidedP(t, df), alpha)
}

// `tail` falls from 1 at 0 towards 0; widen the bracket until it holds alpha, then halve it to machine precision.
function invertTwoSidedTail(tail: (x: number) => number, alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`)
  let lo = 0
  let hi = 1
  while (tail(hi) > alpha) {
    lo = hi
    hi *= 2
    if (hi > 1e12) return Infinity
  }
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = (lo + hi) / 2
    if (tail(mid) > alpha) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
