import { logGamma } from '../stats/special.ts'
import type { FitResult } from './bgnbd.ts'
import { PerFrequency } from './per-frequency.ts'
import { LOG_BOUNDS, minimiseWithRestarts } from './nelder-mead.ts'

/** Gamma-Gamma spend parameters: transaction values ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number
  q: number
  gamma: number
}

/**
 * Log-likelihood of one customer's mean spend m over x transactions (Fader & Hardie 2013, "The Gamma-Gamma
 * Model of Monetary Value", eq. 3 in terms of the mean): the sum of x Gamma(p, ν) values is Gamma(px, ν).
 */
export function gammaGammaCustomerLogLikelihood(g: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = g
  const px = p * x
  return (
    logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(m) + px * Math.log(x) -
    (px + q) * Math.log(gamma + m * x)
  )
}

/** Summed log-likelihood over customers with x > 0 and m > 0 (others carry no spend information). */
export function gammaGammaLogLikelihood(g: GammaGammaParams, frequency: ArrayLike<number>, monetary: ArrayLike<number>): number {
  // The log-gamma terms depend on x alone: computed once per whole x, in the order of the per-customer
  // formula, so the sum is bit for bit gammaGammaCustomerLogLikelihood's, several times faster.
  const { p, q, gamma } = g
  const cache = new PerFrequency(frequency)
  const qLogGamma = q * Math.log(gamma)
  let ll = 0
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number
    const m = monetary[i] as number
    if (!(x > 0 && m > 0)) continue
    const k = cache.slot(x)
    if (k < 0) {
      ll += gammaGammaCustomerLogLikelihood(g, x, m)
      continue
    }
    const px = p * x
    if (!cache.filled(k)) cache.set(k, logGamma(px + q) - logGamma(px) - logGamma(q) + qLogGamma, px * Math.log(x))
    ll += (cache.first[k] as number) + (px - 1) * Math.log(m) + (cache.second[k] as number) - (px + q) * Math.log(gamma + m * x)
  }
  return ll
}

/**
 * Maximum-likelihood Gamma-Gamma fit on customers with at least one repeat transaction, using the mean
 * value of the repeat transactions (lifetimes' and Fader–Hardie's convention). Nelder–Mead on logs.
 */
export function fitGammaGamma(frequency: ArrayLike<number>, monetary: ArrayLike<number>): FitResult<GammaGammaParams> {
  const unpack = (v: number[]): GammaGammaParams => ({ p: Math.exp((v[0] as number)), q: Math.exp((v[1] as number)), gamma: Math.exp((v[2] as number)) })
  const f = (v: number[]): number => -gammaGammaLogLikelihood(unpack(v), frequency, monetary)
  let sum = 0
  let n = 0
  for (let i = 0; i < frequency.length; i++) {
    if ((frequency[i] as number) > 0 && (monetary[i] as number) > 0) {
      sum += monetary[i] as number
      n++
    }
  }
  if (n === 0) throw new RangeError('Gamma-Gamma needs at least one customer with a repeat transaction')
  const m = sum / n
  const starts = [
    [0, 0, Math.log(m)],
    [Math.log(5), Math.log(3), Math.log(m * 2)],
  ]
  const best = minimiseWithRestarts(f, starts, LOG_BOUNDS)
  return { params: unpack(best.x), logLikelihood: -best.value, iterations: best.iterations, converged: best.converged }
}

/** E[M | x, m]: the customer's expected average spend, a weighted mean of the population and own mean (eq. 5). */
export function gammaGammaExpectedSpend(g: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = g
  if (!(x > 0)) return (p * gamma) / (q - 1)
  return (p * (gamma + x * m)) / (p * x + q - 1)
}
