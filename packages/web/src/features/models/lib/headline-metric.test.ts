import { describe, expect, test } from 'vitest'
import { formatMetric, lowerIsBetter, metricRows, pickHeadline } from './headline-metric.ts'

const churn = { rows: 3316, pr_auc: 0.81, roc_auc: 0.838, log_loss: 0.495, baseline_pr_auc: 0.76, baseline_roc_auc: 0.792, positive_rate: 0.45 }

describe('headline metric', () => {
  test('a churn version is judged by ROC-AUC against the baseline, and beats it', () => {
    expect(pickHeadline(churn)).toEqual({ name: 'roc_auc', value: 0.838, baseline: 0.792, higherIsBetter: true, beatsBaseline: true })
  })

  test('the report\'s primary metric wins over the preferred order, with its direction', () => {
    const h = pickHeadline({ ...churn, rmse: 3, baseline_rmse: 2 }, { name: 'rmse', higherIsBetter: false })
    expect(h).toMatchObject({ name: 'rmse', value: 3, baseline: 2, higherIsBetter: false, beatsBaseline: false })
  })

  test('an unknown kind falls back to a metric that has a baseline, then to any own metric', () => {
    expect(pickHeadline({ rows: 10, coverage: 0.4, hit_rate: 0.2, baseline_hit_rate: 0.1 })?.name).toBe('hit_rate')
    expect(pickHeadline({ rows: 10, coverage: 0.4 })).toMatchObject({ name: 'coverage', baseline: null, beatsBaseline: undefined })
    expect(pickHeadline({ rows: 10 })).toBeUndefined()
  })

  test('losses and errors are lower-is-better, AUC and lift are not', () => {
    expect(lowerIsBetter('log_loss')).toBe(true)
    expect(lowerIsBetter('calibration_error')).toBe(true)
    expect(lowerIsBetter('mae')).toBe(true)
    expect(lowerIsBetter('roc_auc')).toBe(false)
    expect(lowerIsBetter('lift_top10')).toBe(false)
    expect(pickHeadline({ mae: 5, baseline_mae: 6 })?.beatsBaseline).toBe(true)
  })

  test('metric rows pair each metric with its baseline, keeping baseline-only ones', () => {
    expect(metricRows({ roc_auc: 0.8, baseline_roc_auc: 0.7, rows: 5, baseline_mae: 2 })).toEqual([
      { name: 'roc_auc', value: 0.8, baseline: 0.7 },
      { name: 'rows', value: 5, baseline: null },
      { name: 'mae', value: null, baseline: 2 },
    ])
  })

  test('metrics format per locale: whole numbers plain, others to 3 decimals, missing as a dash', () => {
    expect(formatMetric(3316, 'en')).toBe('3,316')
    expect(formatMetric(0.83793637, 'en')).toBe('0.838')
    expect(formatMetric(null, 'en')).toBe('—')
    expect(formatMetric(Number.NaN, 'zh-CN')).toBe('—')
  })
})
