import { studentTTwoSidedP } from './distributions.ts'
import { normalCriticalValue, normalTwoSidedP, studentTCriticalValue } from './critical-values.ts'

/**
 * Campaign lift: treated (sent) against control (holdout) recipients. Conversions use the difference of
 * proportions with Newcombe's hybrid score interval (Newcombe 1998, method 10: a Wilson interval per arm,
 * combined by the square-and-add rule), which keeps its coverage near 0 and 1 where the Wald interval fails,
 * and a pooled two-proportion z-test. Revenue per recipient uses Welch's t. Anything undefined (an empty
 * arm, no control rate to divide by) is null rather than NaN so results serialise to JSON as they are.
 */

export interface ArmCounts {
  n: number
  conversions: number
}

export interface ProportionLift {
  rate_treated: number | null
  rate_control: number | null
  /** rate_treated − rate_control. */
  diff: number | null
  ci_low: number | null
  ci_high: number | null
  /** Two-sided p-value of H0: equal rates. */
  p_value: number | null
  /** diff / rate_control; null when the control rate is 0. */
  relative_lift: number | null
}

export function proportionLift(treated: ArmCounts, control: ArmCounts, alpha = 0.05): ProportionLift {
  checkCounts(treated, 'treated')
  checkCounts(control, 'control')
  const z = normalCriticalValue(alpha)
  const rt = treated.n > 0 ? treated.conversions / treated.n : null
  const rc = control.n > 0 ? control.conversions / control.n : null
  if (rt === null || rc === null) {
    return { rate_treated: rt, rate_control: rc, diff: null, ci_low: null, ci_high: null, p_value: null, relative_lift: null }
  }
  const [l1, u1] = wilsonInterval(treated, z)
  const [l2, u2] = wilsonInterval(control, z)
  const diff = rt - rc
  return {
    rate_treated: rt,
    rate_control: rc,
    diff,
    ci_low: diff - Math.hypot(rt - l1, u2 - rc),
    ci_high: diff + Math.hypot(u1 - rt, rc - l2),
    p_value: twoProportionP(treated, control),
    relative_lift: rc > 0 ? diff / rc : null,
  }
}

/** Wilson score interval for one proportion at critical value z (n > 0). */
export function wilsonInterval({ n, conversions }: ArmCounts, z: number): [number, number] {
  const p = conversions / n
  const z2 = z * z
  const centre = 2 * n * p + z2
  const half = z * Math.sqrt(z2 + 4 * n * p * (1 - p))
  const denom = 2 * (n + z2)
  // Clamp the rounding at p = 0 or 1, where the exact bound is 0 or 1.
  return [Math.max(0, (centre - half) / denom), Math.min(1, (centre + half) / denom)]
}

/** Two-sided pooled two-proportion z-test (both n > 0). Equal rates of exactly 0 or 1 give 1, as Fisher's exact test does. */
function twoProportionP(a: ArmCounts, b: ArmCounts): number {
  const pooled = (a.conversions + b.conversions) / (a.n + b.n)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
  if (se === 0) return 1
  return normalTwoSidedP((a.conversions / a.n - b.conversions / b.n) / se)
}

function checkCounts({ n, conversions }: ArmCounts, arm: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${arm}.n must be a non-negative integer, got ${n}`)
  if (!Number.isInteger(conversions) || conversions < 0 || conversions > n) {
    throw new RangeError(`${arm}.conversions must be an integer between 0 and n (${n}), got ${conversions}`)
  }
}

export interface MeanLift {
  mean_treated: number | null
  mean_control: number | null
  diff: number | null
  ci_low: number | null
  ci_high: number | null
  p_value: number | null
}

/** Per-arm sums, as SQL aggregates them: count(*), sum(x), sum(x * x). */
export interface ArmSums {
  n: number
  sum: number
  sumSquares: number
}

interface Moments {
  n: number
  mean: number
  variance: number
}

/** Welch's t on per-recipient values (e.g. revenue, zeros included for recipients who bought nothing). */
export function meanLift(treated: ArrayLike<number>, control: ArrayLike<number>, alpha = 0.05): MeanLift {
  return welchLift(momentsOf(treated), momentsOf(control), alpha)
}

/**
 * meanLift from sums. The variance Σx² − (Σx)²/n loses digits when the mean is large against the spread;
 * for revenue per recipient (mostly zeros) that is harmless, and the array form is there when it is not.
 */
export function meanLiftFromSums(treated: ArmSums, control: ArmSums, alpha = 0.05): MeanLift {
  return welchLift(momentsFromSums(treated, 'treated'), momentsFromSums(control, 'control'), alpha)
}

function welchLift(a: Moments, b: Moments, alpha: number): MeanLift {
  const meanT = a.n > 0 ? a.mean : null
  const meanC = b.n > 0 ? b.mean : null
  const diff = meanT !== null && meanC !== null ? meanT - meanC : null
  const empty = { mean_treated: meanT, mean_control: meanC, diff, ci_low: null, ci_high: null, p_value: null }
  if (diff === null || a.n < 2 || b.n < 2) return empty
  const va = a.variance / a.n
  const vb = b.variance / b.n
  const se = Math.sqrt(va + vb)
  // Both arms constant: no spread to test against; the difference is exact.
  if (se === 0) return { ...empty, ci_low: diff, ci_high: diff, p_value: diff === 0 ? 1 : 0 }
  // Welch–Satterthwaite degrees of freedom.
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1))
  const half = studentTCriticalValue(alpha, df) * se
  return { ...empty, ci_low: diff - half, ci_high: diff + half, p_value: studentTTwoSidedP(diff / se, df) }
}

// Two passes: the mean first, then squared deviations from it (no cancellation).
function momentsOf(values: ArrayLike<number>): Moments {
  const n = values.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += values[i]!
  const mean = n > 0 ? sum / n : NaN
  let ss = 0
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2
  return { n, mean, variance: n > 1 ? ss / (n - 1) : NaN }
}

function momentsFromSums({ n, sum, sumSquares }: ArmSums, arm: string): Moments {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${arm}.n must be a non-negative integer, got ${n}`)
  const mean = n > 0 ? sum / n : NaN
  const variance = n > 1 ? Math.max(0, (sumSquares - sum * mean) / (n - 1)) : NaN
  return { n, mean, variance }
}

/** Value the campaign added: the per-recipient difference times the treated recipients. */
export function incrementalValue(diffPerRecipient: number | null, treatedN: number): number | null {
  return diffPerRecipient === null ? null : diffPerRecipient * treatedN
}

export interface VariantCounts extends ArmCounts {
  name: string
}

export interface WinnerResult {
  winner: string
  rate: number
  runner_up: string | null
  runner_up_rate: number | null
  /** Two-sided p-value of the winner against the runner-up; null with a single variant. */
  p_value: number | null
  significant: boolean
}

/**
 * The variant with the highest conversion rate (the first listed on a tie), tested against the runner-up.
 * Variants nobody received are left out; null when none remains. The p-value is not adjusted for having
 * picked the best of several, so with many variants read `significant` as a screen, not a proof.
 */
export function pickWinner(variants: readonly VariantCounts[], alpha = 0.05): WinnerResult | null {
  variants.forEach((v) => checkCounts(v, `variant "${v.name}"`))
  const ranked = variants
    .filter((v) => v.n > 0)
    .map((v, i) => ({ v, i, rate: v.conversions / v.n }))
    .sort((x, y) => y.rate - x.rate || x.i - y.i)
  const best = ranked[0]
  if (!best) return null
  const second = ranked[1]
  if (!second) return { winner: best.v.name, rate: best.rate, runner_up: null, runner_up_rate: null, p_value: null, significant: false }
  const p = twoProportionP(best.v, second.v)
  return { winner: best.v.name, rate: best.rate, runner_up: second.v.name, runner_up_rate: second.rate, p_value: p, significant: p < alpha }
}
