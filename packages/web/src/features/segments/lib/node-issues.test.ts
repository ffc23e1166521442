import { describe, expect, test } from 'vitest'
import { sortIssues } from './node-issues.ts'
import type { SegmentNode } from './tree-types.ts'

const tree: SegmentNode = {
  type: 'all',
  conditions: [
    { type: 'profile', field: 'city', op: 'is', value: 'x' },
    { type: 'any', conditions: [{ type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 99999 }, op: '>=', value: 2 }] },
  ],
}

describe('validation errors by node', () => {
  test('each detail goes to the node its path names, with what lies below the node; others stay with the form', () => {
    const s = sortIssues(tree, [
      { path: 'tree.conditions[1].conditions[0].window.last_days', message: 'must be at most 11000 days' },
      { path: 'tree.conditions[1].conditions[0].op', message: 'bad op' },
      { path: 'tree.conditions[0]', message: 'whole leaf' },
      { path: 'body.name', message: 'must not be empty' },
      { message: 'no path' },
      'junk',
    ])
    expect(Object.fromEntries(s.byNode)).toEqual({
      '$.conditions[1].conditions[0]': [
        { field: 'window.last_days', message: 'must be at most 11000 days' },
        { field: 'op', message: 'bad op' },
      ],
      '$.conditions[0]': [{ field: '', message: 'whole leaf' }],
    })
    expect(Object.fromEntries(s.other)).toEqual({ name: 'must not be empty', '': 'no path' })
  })

  test('details that are not a list give nothing', () => {
    expect(sortIssues(tree, undefined).byNode.size).toBe(0)
    expect(sortIssues(tree, { path: 'tree' }).other.size).toBe(0)
  })
})
