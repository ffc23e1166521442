import { describe, expect, test } from 'vitest'
import { DRAWN_KEYS, reportParts } from './report-parts.ts'
import { parameterRows, reportNotes, reportTables } from './report-tables.ts'

describe('generic report tables', () => {
  const report = {
    roc: [{ fpr: 0, tpr: 0, threshold: 1 }],
    calibration_table: [{ frequency: 0, actual: 10, model: 9.5 }, { frequency: 1, actual: 4, model: 4.2, note: 'x' }],
    backtest: { by_segment: [{ segment: 'a', mae: 1.5 }], summary: { mae: 1 } },
    nested: [{ a: { b: 1 } }],
    empty: [],
    fitted: { r: 0.24, alpha: 4.4, tree: { depth: 3 } },
    baseline: 'recency',
    method: 'BG/NBD by maximum likelihood',
  }

  test('arrays of flat objects become tables (top level and one level down), drawn parts and nested rows do not', () => {
    const tables = reportTables(report, DRAWN_KEYS)
    expect(tables.map((t) => t.key)).toEqual(['calibration_table', 'backtest.by_segment'])
    expect(tables[0]?.columns).toEqual(['frequency', 'actual', 'model', 'note'])
    expect(tables[0]?.rows).toHaveLength(2)
  })

  test('fitted parameters are name/value rows, nested values as JSON', () => {
    expect(parameterRows(report.fitted)).toEqual([
      { name: 'r', value: 0.24, json: false },
      { name: 'alpha', value: 4.4, json: false },
      { name: 'tree', value: '{"depth":3}', json: true },
    ])
    expect(parameterRows(undefined)).toEqual([])
  })

  test('notes are the texts not drawn elsewhere', () => {
    expect(reportNotes(report, DRAWN_KEYS)).toEqual([{ key: 'method', text: 'BG/NBD by maximum likelihood' }])
  })
})

describe('drawn report parts', () => {
  test('a churn report yields its curves, tables, fairness and importance; null numbers are kept as null', () => {
    const parts = reportParts({
      roc: [{ fpr: 0, tpr: 0, threshold: 1 }, { fpr: 1, tpr: 1, threshold: 0 }],
      lift: [{ bucket: 1, rows: 10, positives: 8, rate: 0.8, lift: 2, cumulativeGain: 0.4, cumulativeLift: 2, minScore: 0.7 }],
      calibration: [{ from: 0, to: 0.1, rows: 5, meanPredicted: 0.05, observedRate: 0.04 }],
      fairness: { gender: { threshold: 0.4, groups: [{ group: 'female', rows: 5, positiveRate: 0.4, tpr: 0.5, fpr: 0.2, auc: null }], demographicParityDifference: 0, equalOpportunityDifference: 0 } },
      importance: [{ feature: 'recency_days', importance: 0.5 }],
      activation: { activate: true, reason: 'no active version' },
      primary: { name: 'roc_auc', value: 0.8, higherIsBetter: true },
    })
    expect(parts.roc).toHaveLength(2)
    expect(parts.lift?.[0]?.minScore).toBe(0.7)
    expect(parts.fairness?.gender?.groups[0]?.auc).toBeNull()
    expect(parts.importance?.[0]?.feature).toBe('recency_days')
    expect(parts.activation?.reason).toBe('no active version')
    expect(parts.baselineRoc).toBeUndefined()
  })

  test('a part of another shape is left out rather than drawn wrongly', () => {
    const parts = reportParts({ roc: [{ x: 1 }], lift: 'n/a', calibration: [], importance: [{ feature: 'a' }] })
    expect(parts).toEqual({})
  })
})
