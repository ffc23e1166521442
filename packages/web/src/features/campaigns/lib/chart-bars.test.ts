import { describe, expect, test } from 'vitest'
import { rateBars } from './chart-bars.ts'
import { wilsonInterval } from './rate-interval.ts'

describe('the per-variant chart’s bars', () => {
  test('the Wilson interval holds the rate, stays in [0, 1], and is null for an empty group', () => {
    const [lo, hi] = wilsonInterval(10, 100) ?? [NaN, NaN]
    expect(lo).toBeCloseTo(0.0552, 3)
    expect(hi).toBeCloseTo(0.1744, 3)
    const zero = wilsonInterval(0, 20)
    expect(zero?.[0]).toBe(0)
    expect(zero?.[1]).toBeGreaterThan(0)
    expect(wilsonInterval(0, 0)).toBeNull()
  })

  test('variants come first, then the holdout, each with its own rate', () => {
    const g = (recipients: number, conversions: number) => ({ recipients, conversions, sent: 0, opened: 0, clicked: 0, revenue: 0, conversion_rate: null, revenue_per_recipient: null })
    const bars = rateBars({ variants: [{ name: 'A', treated: g(100, 10) }, { name: 'B', treated: g(50, 0) }] as never, holdout: g(0, 0) }, 'Holdout')
    expect(bars.map((b) => [b.name, b.holdout, b.rate])).toEqual([['A', false, 0.1], ['B', false, 0], ['Holdout', true, null]])
    expect(bars[2]?.low).toBeNull()
  })
})
