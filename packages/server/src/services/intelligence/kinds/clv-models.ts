import {
  bgnbdConditionalExpected,
  bgnbdProbabilityAlive,
  discountedLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  LOG_BOUNDS,
  minimiseWithRestarts,
  paretoNbdConditionalExpected,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  type BgNbdParams,
  type CustomerSummary,
  type GammaGammaParams,
  type ParetoNbdParams,
} from '@rapport/ml'
import type { ClvHistory } from './clv-history.ts'

export type PurchaseModel = 'bgnbd' | 'paretonbd'

/** A fitted purchase model plus spend model, as stored in the version's artefact (JSON-safe). */
export interface ClvFit {
  model: PurchaseModel
  purchase: BgNbdParams | ParetoNbdParams
  logLikelihood: number
  converged: boolean
  spend: GammaGammaParams
  spendLogLikelihood: number
  /** E[spend] of a customer without repeats: Gamma-Gamma's population mean when finite (q > 1), else the mean repeat spend. */
  populationSpend: number
}

/** Summary rows (x, t_x, T, m) in model units, for the customers of `rows` (indices into the history). */
export function summaryOf(h: ClvHistory, rows: ArrayLike<number>, period: 'calibration' | 'all', endDay: number, unitDays: number): CustomerSummary {
  const n = rows.length
  const s: CustomerSummary = { frequency: new Float64Array(n), recency: new Float64Array(n), age: new Float64Array(n), monetary: new Float64Array(n) }
  const x = period === 'calibration' ? h.xCal : h.xAll
  const last = period === 'calibration' ? h.lastCal : h.lastAll
  const value = period === 'calibration' ? h.repeatValueCal : h.repeatValueAll
  for (let k = 0; k < n; k++) {
    const i = rows[k] as number
    const xi = x[i] as number
    const first = h.first[i] as number
    s.frequency[k] = xi
    s.recency[k] = ((last[i] as number) - first) / unitDays
    s.age[k] = (endDay - first) / unitDays
    s.monetary[k] = xi > 0 ? (value[i] as number) / xi : 0
  }
  return s
}

/**
 * Fits the purchase and spend models by maximum likelihood. Without `warm`, with @rapport/ml's fitters (the
 * same calls as `rapport analyze clv`, so the same numbers). With `warm` (a fit on a period of the same
 * data), the fitters start from its optimum alone: the refit on all data then takes a fraction of the
 * iterations of their several cold starts, and reaches the same optimum to their tolerance.
 */
export function fitClv(model: PurchaseModel, s: CustomerSummary, warm?: ClvFit): ClvFit {
  const purchase = warm === undefined ? (model === 'bgnbd' ? fitBgNbd(s) : fitParetoNbd(s)) : refitPurchase(model, s, warm.purchase)
  const spend = warm === undefined ? fitGammaGamma(s.frequency, s.monetary) : refitSpend(s, warm.spend)
  let sum = 0
  let n = 0
  for (let i = 0; i < s.frequency.length; i++) {
    if ((s.frequency[i] as number) > 0) {
      sum += s.monetary[i] as number
      n++
    }
  }
  const { p, q, gamma } = spend.params
  const populationSpend = q > 1 ? (p * gamma) / (q - 1) : n > 0 ? sum / n : 0
  return { model, purchase: purchase.params, logLikelihood: purchase.logLikelihood, converged: purchase.converged, spend: spend.params, spendLogLikelihood: spend.logLikelihood, populationSpend }
}

const logs = (v: number[]) => v.map((x) => Math.log(x))

function refitPurchase(model: PurchaseModel, s: CustomerSummary, from: BgNbdParams | ParetoNbdParams) {
  if (model === 'bgnbd') {
    const fit = fitBgNbd(s, [from as BgNbdParams])
    return { params: fit.params, logLikelihood: fit.logLikelihood, converged: fit.converged }
  }
  const p = from as ParetoNbdParams
  const unpack = (v: number[]): ParetoNbdParams => ({ r: Math.exp(v[0] as number), alpha: Math.exp(v[1] as number), s: Math.exp(v[2] as number), beta: Math.exp(v[3] as number) })
  const best = minimiseWithRestarts((v) => -paretoNbdLogLikelihood(unpack(v), s), [logs([p.r, p.alpha, p.s, p.beta])], LOG_BOUNDS)
  return { params: unpack(best.x), logLikelihood: -best.value, converged: best.converged }
}

function refitSpend(s: CustomerSummary, from: GammaGammaParams) {
  const fit = fitGammaGamma(s.frequency, s.monetary, from)
  return { params: fit.params, logLikelihood: fit.logLikelihood, converged: fit.converged }
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t units. */
export function expectedPurchases(f: ClvFit, t: number, x: number, tx: number, T: number): number {
  return f.model === 'bgnbd'
    ? bgnbdConditionalExpected(f.purchase as BgNbdParams, t, x, tx, T)
    : paretoNbdConditionalExpected(f.purchase as ParetoNbdParams, t, x, tx, T)
}

export function probabilityAlive(f: ClvFit, x: number, tx: number, T: number): number {
  return f.model === 'bgnbd' ? bgnbdProbabilityAlive(f.purchase as BgNbdParams, x, tx, T) : paretoNbdProbabilityAlive(f.purchase as ParetoNbdParams, x, tx, T)
}

/** Gamma-Gamma's expected spend per purchase; customers without repeats get the population's. */
export function expectedSpend(f: ClvFit, x: number, m: number): number {
  return x > 0 ? gammaGammaExpectedSpend(f.spend, x, m) : f.populationSpend
}

export interface ValueHorizon {
  months: number
  /** Model units per month (365.25 / 12 / days per unit, as `rapport analyze clv`). */
  monthUnits: number
  monthlyDiscountRate: number
}

/** Discounted value over the horizon, month by month, exactly as `rapport analyze clv` computes it. */
export function customerValue(f: ClvFit, h: ValueHorizon, x: number, tx: number, T: number, m: number): number {
  const spend = expectedSpend(f, x, m)
  return discountedLifetimeValue((t) => expectedPurchases(f, t, x, tx, T), spend, { periods: h.months, periodLength: h.monthUnits, discountRate: h.monthlyDiscountRate })
}

/** The fitted parameters as a user reads them (r, α, a, b or r, α, s, β; p, q, γ of Gamma-Gamma). */
export function fittedParameters(f: ClvFit): Record<string, number> {
  return { ...(f.purchase as unknown as Record<string, number>), p: f.spend.p, q: f.spend.q, gamma: f.spend.gamma }
}
