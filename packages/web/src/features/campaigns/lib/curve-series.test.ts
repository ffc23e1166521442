import { describe, expect, test } from 'vitest'
import { qiniChart, upliftChart, type Curves } from './curve-series.ts'

const curves: Curves = {
  recipients_scored: 200, treated_scored: 150, holdout_scored: 50, qini_auc: 0.3,
  points: [
    { share: 0, qini: 0, random: 0, uplift: null },
    { share: 0.01, qini: 1, random: 0.06, uplift: null },
    { share: 0.5, qini: 9, random: 3, uplift: 0.12 },
    { share: 1, qini: 6, random: 6, uplift: 0.04 },
  ],
}
const labels = { x: 'Share', y: 'Y', model: 'Model', random: 'Random' }

describe('the uplift curves’ series', () => {
  test('Qini: the model’s curve and the random line, share in %', () => {
    const c = qiniChart(curves, labels)
    expect(c.series.map((s) => [s.name, s.kind])).toEqual([['Model', 'line'], ['Random', 'dashed']])
    expect(c.series[0]?.points).toEqual([[0, 0], [1, 1], [50, 9], [100, 6]])
    expect(c.series[1]?.points.at(-1)).toEqual([100, 6])
  })

  test('uplift: points without both groups left out, in percentage points, against the whole group’s uplift', () => {
    const c = upliftChart(curves, labels)
    expect(c.series[0]?.points).toEqual([[50, 12], [100, 4]])
    expect(c.series[1]?.points).toEqual([[0, 4], [100, 4]])
  })
})
