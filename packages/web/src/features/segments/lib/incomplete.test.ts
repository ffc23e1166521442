import { describe, expect, test } from 'vitest'
import { missingByPath, windowFilled } from './incomplete.ts'
import type { SegmentNode } from './tree-types.ts'

describe('what is still to fill in', () => {
  test('a complete tree misses nothing', () => {
    const tree: SegmentNode = { type: 'all', conditions: [{ type: 'profile', field: 'city', op: 'is', value: '上海' }, { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' }] }
    expect(missingByPath(tree).size).toBe(0)
  })

  test('blank values, an empty group, an unchosen segment and a half-typed window are named at their node', () => {
    const tree: SegmentNode = {
      type: 'all',
      conditions: [
        { type: 'profile', field: 'city', op: 'is', value: '  ' },
        { type: 'any', conditions: [] },
        { type: 'segment', op: 'in', segment_id: 0 },
        { type: 'behaviour', source: 'orders', measure: 'count', window: { days_ago_from: 30 }, op: '>=', value: 2 },
        { type: 'profile', field: 'city', op: 'is_set' },
        { type: 'prediction', field: 'next_category_probability', op: '>=', value: 0.5, category: '' },
        { type: 'product', op: 'any', categories: [] },
      ],
    }
    expect(Object.fromEntries(missingByPath(tree))).toEqual({
      '$.conditions[0]': ['value'],
      '$.conditions[1]': ['emptyGroup'],
      '$.conditions[2]': ['segment'],
      '$.conditions[3]': ['window'],
      '$.conditions[5]': ['category'],
      '$.conditions[6]': ['products'],
    })
  })

  test('a window needs exactly one complete form', () => {
    expect(windowFilled(undefined)).toBe(true)
    expect(windowFilled({ last_days: 3 })).toBe(true)
    expect(windowFilled({})).toBe(false)
    expect(windowFilled({ since: '' })).toBe(false)
    expect(windowFilled({ days_ago_from: 9, days_ago_to: 2 })).toBe(true)
    expect(windowFilled({ last_days: 3, since: '2026-01-01' })).toBe(false)
  })
})
