import { logGamma } from '../stats/special.ts'
import type { FitResult } from './bgnbd.ts'
import type { CustomerSummary } from './customer-summary.ts'
import { logHyp2f1 } from './hypergeometric.ts'
import { LOG_BOUNDS, minimiseWithRestarts } from './nelder-mead.ts'
import { logIntegrate } from './gauss-legendre.ts'

/** Pareto/NBD parameters: purchase rates ~ Gamma(r, α), dropout rates ~ Gamma(s, β). */
export interface ParetoNbdParams {
  r: number
  alpha: number
  s: number
  beta: number
}

/**
 * ln ∫_{t_x}^{T} (α+y)^−(r+x) (β+y)^−(s+1) dy: the chance of surviving to y and dying there, integrated over
 * the unobserved death time (s/(r+s+x)·A₀ of Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD
 * Model", eq. 22, equals s times this integral). It is computed from the note's ₂F₁ form, taking the larger
 * of α, β as base so the argument z lies in [0, 1); when z > 0.95 (e.g. β ≫ α as dropout vanishes) the
 * series would need O(1/(1−z)) terms, so the integral is evaluated directly by Gauss–Legendre in
 * u = ln(α+y), where the integrand is smooth.
 */
export function logDeathIntegral(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  method: 'auto' | 'series' | 'quadrature' = 'auto',
): number {
  const { r, alpha, s, beta } = p
  const rsx = r + s + x
  const base = Math.max(alpha, beta)
  const zMax = Math.abs(alpha - beta) / (base + tx)
  if (method === 'series' || (method === 'auto' && zMax <= 0.95)) {
    let l1: number
    let l2: number
    if (alpha >= beta) {
      l1 = logHyp2f1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + tx)) - rsx * Math.log(alpha + tx)
      l2 = logHyp2f1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + T)) - rsx * Math.log(alpha + T)
    } else {
      l1 = logHyp2f1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + tx)) - rsx * Math.log(beta + tx)
      l2 = logHyp2f1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + T)) - rsx * Math.log(beta + T)
    }
    // A₀ = exp(l1) − exp(l2) > 0, and ∫ = A₀ / (r+s+x).
    return l1 + Math.log(-Math.expm1(l2 - l1)) - Math.log(rsx)
  }
  const a = Math.log(alpha + tx)
  const b = Math.log(alpha + T)
  // With u = ln(α+y): dy = e^u du, so the log-integrand is −(r+x−1)u − (s+1)·ln(β−α+e^u).
  const g = (u: number): number => -(r + x - 1) * u - (s + 1) * Math.log(beta - alpha + Math.exp(u))
  // Panels from the largest log-slope |g'(u)| = |r+x−1 + (s+1)·e^u/(β−α+e^u)| (at an end point: g' is
  // monotone), so each panel sees the integrand change by at most about e^4.
  const slope = (u: number): number => Math.abs(r + x - 1 + ((s + 1) * Math.exp(u)) / (beta - alpha + Math.exp(u)))
  const panels = Math.min(400, 2 + Math.ceil(((b - a) * Math.max(slope(a), slope(b))) / 4))
  return logIntegrate(g, a, b, panels)
}

/** Log-likelihood of one customer under Pareto/NBD (Schmittlein, Morrison & Colombo 1987). O(₂F₁). */
export function paretoNbdCustomerLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p
  const front = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
  const t1 = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T)
  if (!(T > tx)) return front + t1
  const t2 = Math.log(s) + logDeathIntegral(p, x, tx, T)
  const m = Math.max(t1, t2)
  return front + m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m))
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, data: CustomerSummary): number {
  let ll = 0
  for (let i = 0; i < data.frequency.length; i++) {
    ll += paretoNbdCustomerLogLikelihood(p, data.frequency[i] as number, data.recency[i] as number, data.age[i] as number)
  }
  return ll
}

/** Maximum-likelihood Pareto/NBD fit, Nelder–Mead on log-parameters with restarts (as fitBgNbd). */
export function fitParetoNbd(data: CustomerSummary): FitResult<ParetoNbdParams> {
  const unpack = (v: number[]): ParetoNbdParams => ({ r: Math.exp((v[0] as number)), alpha: Math.exp((v[1] as number)), s: Math.exp((v[2] as number)), beta: Math.exp((v[3] as number)) })
  const f = (v: number[]): number => -paretoNbdLogLikelihood(unpack(v), data)
  let sumT = 0
  for (let i = 0; i < data.age.length; i++) sumT += data.age[i] as number
  const meanT = Math.max(sumT / Math.max(1, data.age.length), 1e-3)
  const starts = [
    [0, Math.log(meanT), 0, Math.log(meanT)],
    [Math.log(0.5), Math.log(meanT / 4), Math.log(0.5), Math.log(meanT / 2)],
  ]
  const best = minimiseWithRestarts(f, starts, LOG_BOUNDS)
  return { params: unpack(best.x), logLikelihood: -best.value, iterations: best.iterations, converged: best.converged }
}

/** P(alive | x, t_x, T) under Pareto/NBD: the no-death term's share of the likelihood. */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p
  if (!(T > tx)) return 1
  const logRatio = Math.log(s) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logDeathIntegral(p, x, tx, T)
  return 1 / (1 + Math.exp(logRatio))
}

/** E[Y(t) | x, t_x, T] under Pareto/NBD (Schmittlein et al. 1987): rate × expected remaining lifetime × P(alive). */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p
  if (t <= 0) return 0
  const alive = paretoNbdProbabilityAlive(p, x, tx, T)
  // For s = 1 the bracket tends to ln((β+T+t)/(β+T)); the generic form is used otherwise.
  const bracket =
    Math.abs(s - 1) < 1e-9
      ? Math.log((beta + T + t) / (beta + T))
      : (1 - Math.pow((beta + T) / (beta + T + t), s - 1)) / (s - 1)
  return (((r + x) * (beta + T)) / (alpha + T)) * bracket * alive
}
