import {
  bgnbdConditionalExpected,
  bgnbdProbabilityAlive,
  buildCalibrationHoldout,
  discountedLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  paretoNbdConditionalExpected,
  paretoNbdProbabilityAlive,
  type BgNbdParams,
  type FitResult,
  type ParetoNbdParams,
} from '@rapport/ml'
import { InputError } from '../../errors/rapport-error.ts'
import { formatDay } from '../../io/parse-date.ts'
import type { LoadedTransactions } from '../../features/transactions.ts'
import { lastDay } from '../../features/transactions.ts'

export type ClvModel = 'bgnbd' | 'paretonbd'
export type TimeUnit = 'day' | 'week' | 'month'
export const TIME_UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 }

export interface ClvOptions {
  model: ClvModel
  timeUnit: TimeUnit
  /** Last day of the calibration period (a day number, inclusive). */
  calibrationEnd: number
  /** Last day of the holdout period (default: the last purchase day). */
  observationEnd?: number | undefined
  clvMonths: number
  /** Monthly discount rate. */
  discountRate: number
  /** Names the source in messages. */
  source: string
}

export interface ClvCustomer {
  customer: string
  frequency: number
  recency: number
  T: number
  monetary: number
  pAlive: number
  predictedHoldout: number
  actualHoldout: number
  expectedSpend: number
  clv: number
}

/**
 * BG/NBD or Pareto/NBD purchase model plus Gamma-Gamma spend model, fitted by maximum likelihood on the
 * calibration period and checked on the holdout after it; per-customer P(alive), expected purchases and CLV.
 */
export function clvAnalysis(tx: LoadedTransactions, o: ClvOptions) {
  const unitDays = TIME_UNIT_DAYS[o.timeUnit]
  const calibrationEnd = Math.floor(o.calibrationEnd)
  const observationEnd = o.observationEnd !== undefined ? Math.floor(o.observationEnd) : lastDay(tx)
  const split = buildCalibrationHoldout(tx, { calibrationEnd, observationEnd, unitDays })
  const cal = split.calibration
  if (cal.frequency.length < 2) throw new InputError(`${o.source}: fewer than 2 customers purchase on or before ${formatDay(calibrationEnd)}`)
  const t0 = performance.now()
  const fit: FitResult<object> = o.model === 'bgnbd' ? fitBgNbd(cal) : fitParetoNbd(cal)
  const expected = (i: number, t: number): number => {
    const x = cal.frequency[i] as number
    const tx_ = cal.recency[i] as number
    const T = cal.age[i] as number
    return o.model === 'bgnbd'
      ? bgnbdConditionalExpected(fit.params as BgNbdParams, t, x, tx_, T)
      : paretoNbdConditionalExpected(fit.params as ParetoNbdParams, t, x, tx_, T)
  }
  const alive = (i: number): number =>
    o.model === 'bgnbd'
      ? bgnbdProbabilityAlive(fit.params as BgNbdParams, cal.frequency[i] as number, cal.recency[i] as number, cal.age[i] as number)
      : paretoNbdProbabilityAlive(fit.params as ParetoNbdParams, cal.frequency[i] as number, cal.recency[i] as number, cal.age[i] as number)
  const repeaters = cal.frequency.filter((x) => x > 0).length
  const spendFit = repeaters >= 3 ? fitGammaGamma(cal.frequency, cal.monetary) : undefined
  const seconds = (performance.now() - t0) / 1000
  const n = cal.frequency.length
  const h = split.holdoutLength
  let predicted = 0
  let actual = 0
  let absError = 0
  const monthUnits = 365.25 / 12 / unitDays
  const rows: ClvCustomer[] = Array.from({ length: n }, (_, i) => {
    const pred = h > 0 ? expected(i, h) : 0
    predicted += pred
    actual += split.holdoutFrequency[i] as number
    absError += Math.abs(pred - (split.holdoutFrequency[i] as number))
    const x = cal.frequency[i] as number
    const spend = spendFit ? gammaGammaExpectedSpend(spendFit.params, x, cal.monetary[i] as number) : NaN
    const clv = spendFit
      ? discountedLifetimeValue((t) => expected(i, t), spend, { periods: o.clvMonths, periodLength: monthUnits, discountRate: o.discountRate })
      : NaN
    return {
      customer: tx.customerIds[split.customers[i] as number] as string,
      frequency: x,
      recency: cal.recency[i] as number,
      T: cal.age[i] as number,
      monetary: cal.monetary[i] as number,
      pAlive: alive(i),
      predictedHoldout: pred,
      actualHoldout: split.holdoutFrequency[i] as number,
      expectedSpend: spend,
      clv,
    }
  })
  const holdout = h > 0 ? { length: h, unit: o.timeUnit, predicted, actual, meanAbsoluteError: absError / n } : null
  const summary = {
    model: o.model,
    timeUnit: o.timeUnit,
    calibrationEnd: formatDay(calibrationEnd),
    observationEnd: formatDay(observationEnd),
    customers: n,
    repeatCustomers: repeaters,
    droppedCancellations: tx.dropped,
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    gammaGamma: spendFit ? { params: spendFit.params, logLikelihood: spendFit.logLikelihood, customers: repeaters } : null,
    holdout,
    clv: spendFit ? { months: o.clvMonths, monthlyDiscountRate: o.discountRate, total: rows.reduce((s, r) => s + r.clv, 0) } : null,
    seconds,
  }
  return { summary, customers: rows, holdoutLength: h, spendParams: spendFit?.params }
}
