import { expect, test } from 'vitest'
import { gainsPoints } from './ModelCharts.tsx'

test('the gains curve runs from the origin through each decile\'s share of customers and cumulative capture', () => {
  const lift = [
    { bucket: 1, rows: 30, positives: 20, rate: 0.66, lift: 2, cumulativeGain: 0.5 },
    { bucket: 2, rows: 70, positives: 20, rate: 0.28, lift: 0.7, cumulativeGain: 1 },
  ]
  expect(gainsPoints(lift)).toEqual([[0, 0], [0.3, 0.5], [1, 1]])
})
