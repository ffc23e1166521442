import { digamma, logGamma } from '../stats/special.ts'
import type { FitResult } from './bgnbd.ts'
import { PerFrequency } from './per-frequency.ts'
import { LOG_BOUNDS } from './nelder-mead.ts'
import { minimiseSmooth, outside } from './smooth-minimise.ts'

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
 * The negative Gamma-Gamma log-likelihood per customer with x > 0 and m > 0, and its gradient, as functions
 * of v = (ln p, ln q, ln γ). Per customer only ln(γ + m x) and 1/(γ + m x) depend on the parameters; the
 * log-gamma and digamma terms are computed once per distinct x, Σ ln m and Σ x ln m once. With D = γ + m x:
 * ∂/∂p = x (ψ(px + q) − ψ(px) + ln x + ln m − ln D); ∂/∂q = ψ(px + q) − ψ(q) + ln γ − ln D;
 * ∂/∂γ = q/γ − (px + q)/D. Outside `bounds` (log space) the value is +∞. O(customers) per evaluation.
 */
export function gammaGammaObjective(frequency: ArrayLike<number>, monetary: ArrayLike<number>, bounds: [number, number] = [-Infinity, Infinity]): (v: Float64Array, grad: Float64Array) => number {
  const xs: number[] = []
  const ms: number[] = []
  const at = new Map<number, number>()
  const group: number[] = []
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number
    const m = monetary[i] as number
    if (!(x > 0 && m > 0)) continue
    let k = at.get(x)
    if (k === undefined) at.set(x, (k = at.size))
    xs.push(x)
    ms.push(m)
    group.push(k)
  }
  const n = xs.length
  const gx = Float64Array.from(at.keys())
  const nx = gx.length
  const cnt = new Float64Array(nx)
  let sumLogM = 0
  let sumXLogM = 0
  for (let i = 0; i < n; i++) {
    const k = group[i] as number
    cnt[k] = (cnt[k] as number) + 1
    const lm = Math.log(ms[i] as number)
    sumLogM += lm
    sumXLogM += (xs[i] as number) * lm
  }
  const x = Float64Array.from(xs)
  const mx = Float64Array.from(ms, (m, i) => m * (xs[i] as number))
  const g = Int32Array.from(group)
  const sumL = new Float64Array(nx)
  const sumInv = new Float64Array(nx)
  const [lo, hi] = bounds
  return (v, grad) => {
    if (outside(v, lo, hi, grad)) return Infinity
    const p = Math.exp(v[0] as number)
    const q = Math.exp(v[1] as number)
    const gamma = Math.exp(v[2] as number)
    sumL.fill(0)
    sumInv.fill(0)
    for (let i = 0; i < n; i++) {
      const d = gamma + (mx[i] as number)
      const k = g[i] as number
      sumL[k] = (sumL[k] as number) + Math.log(d)
      sumInv[k] = (sumInv[k] as number) + 1 / d
    }
    const lgQ = logGamma(q)
    const psiQ = digamma(q)
    const logG = Math.log(gamma)
    let ll = p * sumXLogM - sumLogM
    let dp = sumXLogM
    let dq = 0
    let dg = 0
    for (let k = 0; k < nx; k++) {
      const xk = gx[k] as number
      const c = cnt[k] as number
      const px = p * xk
      const L = sumL[k] as number
      const lx = Math.log(xk)
      ll += c * (logGamma(px + q) - logGamma(px) - lgQ + q * logG + px * lx) - (px + q) * L
      const psiPQ = digamma(px + q)
      dp += xk * (c * (psiPQ - digamma(px) + lx) - L)
      dq += c * (psiPQ - psiQ + logG) - L
      dg += (c * q) / gamma - (px + q) * (sumInv[k] as number)
    }
    const s = -1 / Math.max(1, n)
    grad[0] = s * p * dp
    grad[1] = s * q * dq
    grad[2] = s * gamma * dg
    return Number.isFinite(ll) ? s * ll : Infinity
  }
}

/**
 * Maximum-likelihood Gamma-Gamma fit on customers with at least one repeat transaction, using the mean
 * value of the repeat transactions (lifetimes' and Fader–Hardie's convention): L-BFGS with the analytic
 * gradient (gammaGammaObjective) on logs from two starts, or from `start` (a warm start). The reported
 * log-likelihood is gammaGammaLogLikelihood's sum.
 */
export function fitGammaGamma(frequency: ArrayLike<number>, monetary: ArrayLike<number>, start?: GammaGammaParams): FitResult<GammaGammaParams> {
  const unpack = (v: ArrayLike<number>): GammaGammaParams => ({ p: Math.exp((v[0] as number)), q: Math.exp((v[1] as number)), gamma: Math.exp((v[2] as number)) })
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
  const starts = start
    ? [[Math.log(start.p), Math.log(start.q), Math.log(start.gamma)]]
    : [
        [0, 0, Math.log(m)],
        [Math.log(5), Math.log(3), Math.log(m * 2)],
      ]
  const best = minimiseSmooth(gammaGammaObjective(frequency, monetary, LOG_BOUNDS.bounds as [number, number]), starts)
  const params = unpack(best.x)
  return { params, logLikelihood: gammaGammaLogLikelihood(params, frequency, monetary), iterations: best.iterations, converged: best.converged }
}

/** E[M | x, m]: the customer's expected average spend, a weighted mean of the population and own mean (eq. 5). */
export function gammaGammaExpectedSpend(g: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = g
  if (!(x > 0)) return (p * gamma) / (q - 1)
  return (p * (gamma + x * m)) / (p * x + q - 1)
}
