import type { CustomerSummary } from '@rapport/ml'
import { expectedPurchases, expectedSpend, type ClvFit } from './clv-models.ts'

/** Calibration frequency groups of the Fader–Hardie–Lee (2005) table: 0, 1, …, 6 and "7+". */
const GROUPS = 8

export interface HoldoutActuals {
  /** Transactions after the calibration end per calibration customer. */
  purchases: Float64Array
  /** Their value up to the end of the value window. */
  value: Float64Array
}

export interface ClvBacktestInput {
  fit: ClvFit
  calibration: CustomerSummary
  actual: HoldoutActuals
  /** Holdout length in model units. */
  holdoutUnits: number
  /** Value window in model units (the horizon when the holdout is that long, else the holdout). */
  valueUnits: number
}

/**
 * The backtest of a fit on the calibration period: predicted against actual holdout purchases per customer
 * (MAE, totals, the calibration/holdout table of FHL 2005 fig. 4) and predicted against actual value in the
 * value window (undiscounted, since what was spent is). Baseline: each customer keeps their calibration
 * repeat rate x / T.
 */
export function clvBacktest(b: ClvBacktestInput) {
  const { fit, calibration: s, actual } = b
  const n = s.frequency.length
  let absErr = 0
  let baseErr = 0
  let valueErr = 0
  let predicted = 0
  let observed = 0
  const groups = Array.from({ length: GROUPS }, () => ({ customers: 0, actual: 0, predicted: 0 }))
  for (let i = 0; i < n; i++) {
    const x = s.frequency[i] as number
    const tx = s.recency[i] as number
    const T = s.age[i] as number
    const pred = b.holdoutUnits > 0 ? expectedPurchases(fit, b.holdoutUnits, x, tx, T) : 0
    const act = actual.purchases[i] as number
    absErr += Math.abs(pred - act)
    baseErr += Math.abs((T > 0 ? x / T : 0) * b.holdoutUnits - act)
    predicted += pred
    observed += act
    const predValue = (b.valueUnits > 0 ? expectedPurchases(fit, b.valueUnits, x, tx, T) : 0) * expectedSpend(fit, x, s.monetary[i] as number)
    valueErr += Math.abs(predValue - (actual.value[i] as number))
    const g = groups[Math.min(x, GROUPS - 1)] as (typeof groups)[number]
    g.customers++
    g.actual += act
    g.predicted += pred
  }
  const table = groups.map((g, x) => ({
    calibration_frequency: x === GROUPS - 1 ? `${x}+` : String(x),
    customers: g.customers,
    mean_actual: g.customers > 0 ? round(g.actual / g.customers) : null,
    mean_predicted: g.customers > 0 ? round(g.predicted / g.customers) : null,
  }))
  return {
    holdoutPurchaseMae: n > 0 ? absErr / n : NaN,
    baselinePurchaseMae: n > 0 ? baseErr / n : NaN,
    valueMae: n > 0 ? valueErr / n : NaN,
    predictedPurchases: predicted,
    actualPurchases: observed,
    table,
  }
}

const round = (v: number) => Math.round(v * 1e4) / 1e4
