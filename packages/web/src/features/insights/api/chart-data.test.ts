import { describe, expect, test } from 'vitest'
import { bandBars, cohortCells, definingRows, histogramBars, keywordTexts, monthRange, rfmCells, ruleProducts } from './chart-data.ts'

describe('histogram bins to bars', () => {
  const bins = [
    { from: 0, to: 0.5, customers: 3 },
    { from: 0.5, to: 1, customers: 7 },
  ]
  test('labels each bar by its range and keeps the counts in order', () => {
    const d = histogramBars(bins, 'churn', (n) => n.toFixed(1))
    expect(d.labels).toEqual(['0.0–0.5', '0.5–1.0'])
    expect(d.values).toEqual([3, 7])
  })
  test('each bar drills to [from, to); the last one has no upper bound, so the top value is included', () => {
    expect(histogramBars(bins, 'churn', String).drills).toEqual([{ churn_min: '0', churn_max: '0.5' }, { churn_min: '0.5' }])
    expect(histogramBars(bins, 'clv', String).drills[0]).toEqual({ clv_min: '0', clv_max: '0.5' })
  })
  test('no bins, no bars', () => {
    expect(histogramBars([], 'clv', String)).toEqual({ labels: [], values: [], drills: [] })
  })
})

describe('chart data', () => {
  test('risk bands come low, medium, high whatever the API order, each drilling to its band', () => {
    const d = bandBars([{ band: 'high', customers: 5 }, { band: 'low', customers: 9 }, { band: 'medium', customers: 2 }], (b) => b.toUpperCase())
    expect(d.labels).toEqual(['LOW', 'MEDIUM', 'HIGH'])
    expect(d.values).toEqual([9, 2, 5])
    expect(d.drills).toEqual([{ churn_band: 'low' }, { churn_band: 'medium' }, { churn_band: 'high' }])
  })

  test('RFM cells map scores to axis positions: x = frequency, y = recency', () => {
    const g = rfmCells([
      { r: 5, f: 1, customers: 4, revenue: 10, mean_monetary: 2.5, mean_m: null },
      { r: 1, f: 5, customers: 8, revenue: 20, mean_monetary: 2.5, mean_m: null },
    ])
    expect(g.scores).toEqual([1, 5])
    expect(g.data).toEqual([[0, 1, 4], [1, 0, 8]])
    expect(g.max).toBe(8)
  })

  test('cohort cells are sorted oldest first with retention in percent', () => {
    const c = cohortCells([
      { cohort: '2026-02', customers: 10, retention: [1, 0.25] },
      { cohort: '2026-01', customers: 20, retention: [1, 0.5, 0.125] },
    ])
    expect(c.rows).toEqual(['2026-01', '2026-02'])
    expect(c.columns).toBe(3)
    expect(c.data).toEqual([[0, 0, 100], [1, 0, 50], [2, 0, 12.5], [0, 1, 100], [1, 1, 25]])
  })

  test('a month runs from its first day to the next month\'s, across the year end', () => {
    expect(monthRange('2025-03')).toEqual({ from: '2025-03-01', to: '2025-04-01' })
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2026-01-01' })
  })

  test('a rule drills to the customers who bought all its products, ids once each', () => {
    expect(ruleProducts({ antecedent: [{ id: 12 }, { id: 3 }], consequent: [{ id: 34 }, { id: 12 }] })).toEqual({ bought_products: '12,3,34' })
  })

  test('defining features keep well-formed entries, strongest first; keywords become words', () => {
    expect(definingRows([{ feature: 'a', z: 0.5, mean: 1 }, 'junk', { feature: 'b', z: -2, mean: 3, overall_mean: 1 }, { feature: 'c', z: Number.NaN }])).toEqual([
      { feature: 'b', z: -2, mean: 3, overall_mean: 1 },
      { feature: 'a', z: 0.5, mean: 1, overall_mean: null },
    ])
    expect(keywordTexts(['茶', { term: 'tea' }, { keyword: 'gift' }, 7, { word: 'tea' }])).toEqual(['茶', 'tea', 'gift'])
  })
})
