import { describe, expect, test } from 'vitest'
// The server's schema decides what a valid tree is: every choice the builder offers must pass it.
import { segmentNode } from '../../../../../server/src/domain/segment-tree.ts'
import { adaptValue, operatorsFor, valueInputFor, valueKindOf, withOperator, type ValueInput } from './operators.ts'
import { ALL_FIELDS, choicesOf, templateFor } from './fields.ts'
import { DATE_OPS, NUMBER_OPS, TEXT_OPS, type LeafValue, type SegmentLeaf } from './tree-types.ts'

/** A value of the shape each input produces. */
function sampleValue(leaf: SegmentLeaf, input: ValueInput): LeafValue {
  const band = choicesOf(leaf)?.[2]
  const numeric = valueKindOf(leaf) === 'number'
  switch (input) {
    case 'none':
      return undefined
    case 'text':
      return band ?? 'x'
    case 'list':
      return band ? [band] : numeric ? [1, 2] : ['x', 'y']
    case 'number':
      return 0.5
    case 'days':
      return 30
    case 'date':
      return '2026-01-01'
    case 'boolean':
      return true
  }
}

/** The template with the parts a person fills in besides the value. */
function filled(leaf: SegmentLeaf): SegmentLeaf {
  switch (leaf.type) {
    case 'attribute':
      return { ...leaf, path: 'loyalty.tier' }
    case 'tag':
      return { ...leaf, value: ['vip'] }
    case 'product':
      return { ...leaf, categories: ['美妆'] }
    case 'segment':
      return { ...leaf, segment_id: 3 }
    case 'prediction':
      return leaf.field === 'next_category_probability' ? { ...leaf, category: '美妆' } : leaf
    default:
      return leaf
  }
}

const withSample = (leaf: SegmentLeaf, op: string): SegmentLeaf => {
  const l = withOperator(leaf, op)
  if (l.type === 'tag' || l.type === 'consent' || l.type === 'product' || l.type === 'segment') return l
  const v = sampleValue(l, valueInputFor(valueKindOf(l), op))
  return (v === undefined ? l : { ...l, value: v }) as SegmentLeaf
}

const issues = (leaf: SegmentLeaf) => {
  const r = segmentNode.safeParse(leaf)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('operators and values per field', () => {
  test('every field of the picker, with every operator it offers and a value of its input, is a tree the server accepts', () => {
    let checked = 0
    for (const key of ALL_FIELDS) {
      const base = filled(templateFor(key))
      for (const op of operatorsFor(valueKindOf(base))) {
        const leaf = withSample(base, op)
        expect(issues(leaf), `${key} ${op} ${JSON.stringify(leaf)}`).toEqual([])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(150)
  })

  test('the operators offered are exactly the ones the server takes for that kind (none missing, none extra)', () => {
    const every = [...new Set([...NUMBER_OPS, ...TEXT_OPS, ...DATE_OPS, 'any', 'all', 'none'])]
    for (const key of ['profile:city', 'date:signup_at', 'prediction:churn_score', 'prediction:persona', 'behaviour:orders'] as const) {
      const base = filled(templateFor(key))
      const accepted = every.filter((op) => issues(withSample(base, op)).length === 0)
      expect(accepted.sort(), key).toEqual([...operatorsFor(valueKindOf(base))].sort())
    }
  })

  test('an attribute of each value type offers the server’s operators for it', () => {
    for (const value_type of ['text', 'number', 'boolean', 'date'] as const) {
      const base: SegmentLeaf = { type: 'attribute', path: 'a.b', value_type, op: operatorsFor(value_type)[0] ?? '' }
      for (const op of operatorsFor(valueKindOf(base))) expect(issues(withSample(base, op)), `${value_type} ${op}`).toEqual([])
    }
  })

  test('value inputs: nothing for is_set, a list for in, days for relative dates, a date for before/after/on', () => {
    expect(valueInputFor('text', 'is_not_set')).toBe('none')
    expect(valueInputFor('text', 'not_in')).toBe('list')
    expect(valueInputFor('number', 'in')).toBe('list')
    expect(valueInputFor('number', '>=')).toBe('number')
    expect(valueInputFor('date', 'within_last')).toBe('days')
    expect(valueInputFor('date', 'anniversary_within_next')).toBe('days')
    expect(valueInputFor('date', 'on')).toBe('date')
    expect(valueInputFor('boolean', 'is')).toBe('boolean')
  })

  test('changing the operator keeps a value that fits, wraps a single value into a list and back, and drops the rest', () => {
    expect(adaptValue('text', 'is', 'contains', 'abc')).toBe('abc')
    expect(adaptValue('text', 'is', 'in', 'abc')).toEqual(['abc'])
    expect(adaptValue('text', 'in', 'is', ['a', 'b'])).toBe('a')
    expect(adaptValue('number', '>=', 'in', 3)).toEqual([3])
    expect(adaptValue('date', 'before', 'within_last', '2026-01-01')).toBeUndefined()
    expect(adaptValue('text', 'is', 'is_set', 'abc')).toBeUndefined()
    expect(withOperator({ type: 'profile', field: 'city', op: 'is', value: 'x' }, 'is_not_set')).toEqual({ type: 'profile', field: 'city', op: 'is_not_set' })
  })
})
