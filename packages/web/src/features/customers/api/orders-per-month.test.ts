import { describe, expect, it } from 'vitest'
import { ordersPerMonth } from './orders-per-month.ts'

describe('ordersPerMonth', () => {
  it('counts per UTC month and fills empty months across a year end with zero', () => {
    // 23:30 at −02:00 on 30 November is 1 December in UTC.
    expect(ordersPerMonth(['2025-02-03T10:00:00Z', '2024-11-30T23:30:00-02:00', '2024-11-02T00:00:00Z', '2025-02-28T00:00:00Z'])).toEqual([
      { month: '2024-11', count: 1 },
      { month: '2024-12', count: 1 },
      { month: '2025-01', count: 0 },
      { month: '2025-02', count: 2 },
    ])
  })

  it('is empty without orders', () => {
    expect(ordersPerMonth([])).toEqual([])
  })
})
