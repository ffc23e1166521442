import { describe, expect, test } from 'vitest'
import { customersUrl, drillChips, drillFiltersFrom, withoutChip } from './drill-filters.ts'

describe('drill-down filters', () => {
  test('reads only the drill-down keys with a value from a query string', () => {
    const f = drillFiltersFrom(new URLSearchParams('churn_band=high&city=Shanghai&cohort=&rfm_segment=At%20risk&sort=-id'))
    expect(f).toEqual({ churn_band: 'high', rfm_segment: 'At risk' })
  })

  test('a min/max pair is one range chip; a lone bound keeps the other side open', () => {
    const chips = drillChips({ clv_min: '100', clv_max: '200', churn_min: '0.9', cluster: '2' })
    expect(chips.map((c) => c.id)).toEqual(['churn', 'clv', 'cluster'])
    expect(chips[0]).toMatchObject({ kind: 'range', from: 0.9, to: undefined, keys: ['churn_min', 'churn_max'] })
    expect(chips[1]).toMatchObject({ kind: 'range', from: 100, to: 200 })
    expect(chips[2]).toMatchObject({ kind: 'value', value: '2', keys: ['cluster'] })
  })

  test('a bound that is not a number makes no chip', () => {
    expect(drillChips({ clv_min: 'abc' })).toEqual([])
  })

  test('removing a range chip drops both its keys and keeps the rest', () => {
    const f = { clv_min: '100', clv_max: '200', cohort: '2025-03' }
    const clv = drillChips(f).find((c) => c.id === 'clv')
    if (!clv) throw new Error('no clv chip')
    expect(withoutChip(f, clv)).toEqual({ cohort: '2025-03' })
  })

  test('the URL round-trips: chips from a drill-down link hold what the link set', () => {
    const url = customersUrl({ bought_products: '12,34', rfm_segment: "Can't lose them", churn_band: '' })
    expect(url).toBe('/customers?rfm_segment=Can%27t+lose+them&bought_products=12%2C34')
    const back = drillFiltersFrom(new URLSearchParams(url.split('?')[1]))
    expect(back).toEqual({ bought_products: '12,34', rfm_segment: "Can't lose them" })
    expect(drillChips(back).map((c) => [c.id, c.kind === 'value' ? c.value : null])).toEqual([
      ['rfmSegment', "Can't lose them"],
      ['boughtProducts', '12,34'],
    ])
  })

  test('no filter is the plain list', () => {
    expect(customersUrl({})).toBe('/customers')
  })
})
