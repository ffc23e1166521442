import { calibrationTable, fairnessReport, liftTable, logLoss, prAuc, rocAuc, rocCurve } from '@rapport/ml'

/**
 * The backtest report of a binary propensity model, the same for churn and next-category: ROC-AUC, PR-AUC,
 * log-loss, expected calibration error, lift and capture in the top 10 %, each against a baseline score
 * (recency alone for churn), plus the curves and tables the Models page draws, and fairness by the groups given.
 */
export interface BinaryBacktestInput {
  y: Float64Array
  p: Float64Array
  /** Higher = more likely positive. */
  baseline: Float64Array
  baselineName: string
  groups: Record<string, readonly string[]>
}

export function binaryBacktest(input: BinaryBacktestInput): { metrics: Record<string, number | null>; report: Record<string, unknown> } {
  const { y, p, baseline } = input
  const lift = liftTable(y, p, 10)
  const baseLift = liftTable(y, baseline, 10)
  const calibration = calibrationTable(y, p, 10)
  const positives = y.reduce((s, v) => s + v, 0)
  const fin = (v: number) => (Number.isFinite(v) ? v : null)
  const metrics = {
    roc_auc: fin(rocAuc(y, p)),
    pr_auc: fin(prAuc(y, p)),
    log_loss: fin(logLoss(y, p)),
    calibration_error: fin(calibration.ece),
    lift_top10: fin(lift[0]?.lift ?? NaN),
    capture_top10: fin(lift[0]?.cumulativeGain ?? NaN),
    baseline_roc_auc: fin(rocAuc(y, baseline)),
    baseline_pr_auc: fin(prAuc(y, baseline)),
    baseline_lift_top10: fin(baseLift[0]?.lift ?? NaN),
    baseline_capture_top10: fin(baseLift[0]?.cumulativeGain ?? NaN),
    rows: y.length,
    positive_rate: y.length ? positives / y.length : null,
  }
  const fairness = Object.fromEntries(
    Object.entries(input.groups).map(([name, g]) => [name, fairnessReport(y, p, g.map((v) => v || 'unknown'), Math.max(0.05, Math.min(0.95, positives / Math.max(1, y.length))))]),
  )
  return {
    metrics,
    report: {
      baseline: input.baselineName,
      roc: rocCurve(y, p, 101),
      baseline_roc: rocCurve(y, baseline, 101),
      lift,
      baseline_lift: baseLift,
      calibration: calibration.bins,
      fairness,
    },
  }
}

/** low / medium / high from a calibrated probability. */
export const BAND_THRESHOLDS = { medium: 0.3, high: 0.6 } as const

export function riskBand(p: number): 'low' | 'medium' | 'high' {
  return p >= BAND_THRESHOLDS.high ? 'high' : p >= BAND_THRESHOLDS.medium ? 'medium' : 'low'
}
