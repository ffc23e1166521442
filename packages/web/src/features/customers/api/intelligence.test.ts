import { describe, expect, test } from 'vitest'
import { categoryProbabilities, churnReasons, clvDetails, personaName, profilingRevoked, type StoredScore } from './intelligence.ts'

const score = (over: Partial<StoredScore>): StoredScore => ({
  kind: 'cluster', score: null, percentile: null, band: null, label: null, reasons: null, details: null,
  model_version: { id: 1, version: 1, scored_at: null }, ...over,
})

describe('360° intelligence helpers', () => {
  test('churn reasons keep well-formed entries, strongest first, with the direction of their effect', () => {
    const r = churnReasons([
      { feature: 'orders_365d', value: '20', effect: -0.211 },
      { feature: 'days_since_last_event', value: '74.7', effect: 0.2754 },
      { feature: 'broken', value: '1' },
      { feature: 'zero', value: '1', effect: 0 },
      null,
    ])
    expect(r).toEqual([
      { feature: 'days_since_last_event', value: '74.7', effect: 0.2754, direction: 'up' },
      { feature: 'orders_365d', value: '20', effect: -0.211, direction: 'down' },
    ])
    expect(churnReasons(null)).toEqual([])
  })

  test('CLV details read P(alive) and expected orders when they are finite numbers', () => {
    expect(clvDetails({ p_alive: 0.8, expected_orders: 2.5, other: 1 })).toEqual({ pAlive: 0.8, expectedOrders: 2.5 })
    expect(clvDetails({ p_alive: null })).toEqual({})
  })

  test('the persona is named in the UI language, falling back to English, then the label', () => {
    const s = score({ label: 'Bargain hunters', details: { cluster: 2, persona: { en: 'Bargain hunters', 'zh-CN': '精打细算型' } } })
    expect(personaName(s, 'zh-CN')).toBe('精打细算型')
    expect(personaName(s, 'en')).toBe('Bargain hunters')
    expect(personaName(score({ label: 'Cluster 3', details: { cluster: 3 } }), 'zh-CN')).toBe('Cluster 3')
  })

  test('next-category probabilities come highest first, from an object or a list', () => {
    expect(categoryProbabilities({ probabilities: { Baby: 0.1, Kitchen: 0.6 } })).toEqual([{ category: 'Kitchen', probability: 0.6 }, { category: 'Baby', probability: 0.1 }])
    expect(categoryProbabilities({ probabilities: [{ category: 'Tea', probability: 0.3 }] })).toEqual([{ category: 'Tea', probability: 0.3 }])
  })

  test('profiling consent counts as revoked when its latest record says so (a tie with a grant too), whatever other purposes say', () => {
    const at = (d: string) => `2026-0${d}T00:00:00.000Z`
    expect(profilingRevoked([{ purpose: 'marketing', status: 'revoked', recorded_at: at('1-01') }])).toBe(false)
    expect(profilingRevoked([{ purpose: 'profiling', status: 'granted', recorded_at: at('1-01') }, { purpose: 'profiling', status: 'revoked', recorded_at: at('2-01') }])).toBe(true)
    expect(profilingRevoked([{ purpose: 'profiling', status: 'revoked', recorded_at: at('1-01') }, { purpose: 'profiling', status: 'granted', recorded_at: at('2-01') }])).toBe(false)
    expect(profilingRevoked([{ purpose: 'profiling', status: 'granted', recorded_at: at('3-01') }, { purpose: 'profiling', status: 'revoked', recorded_at: at('3-01') }])).toBe(true)
  })
})
