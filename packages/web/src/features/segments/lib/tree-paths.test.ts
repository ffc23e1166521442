import { describe, expect, test } from 'vitest'
// The server's own path function: the builder must name nodes exactly as the API does.
import { leavesOf as serverLeavesOf, type SegmentNode as ServerNode } from '../../../../../server/src/domain/segment-tree.ts'
import { leavesOf, locate, nodeKey, nodesOf, pathString } from './tree-paths.ts'
import type { SegmentNode } from './tree-types.ts'

const tree: SegmentNode = {
  type: 'all',
  conditions: [
    { type: 'profile', field: 'city', op: 'is', value: '上海' },
    {
      type: 'any',
      conditions: [
        { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 90 }, op: '>=', value: 2 },
        { type: 'prediction', field: 'clv_band', op: 'is', value: 'high' },
        { type: 'not', condition: { type: 'tag', op: 'any', value: ['vip'] } },
      ],
    },
    { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' },
  ],
}

describe('node paths', () => {
  test('path strings use .conditions[i] for all/any members and .condition for a not’s child', () => {
    expect(pathString([])).toBe('$')
    expect(pathString([1, 2, 'condition'])).toBe('$.conditions[1].conditions[2].condition')
  })

  test('every node in document order with its path, the root first', () => {
    expect(nodesOf(tree).map((n) => pathString(n.path))).toEqual([
      '$',
      '$.conditions[0]',
      '$.conditions[1]',
      '$.conditions[1].conditions[0]',
      '$.conditions[1].conditions[1]',
      '$.conditions[1].conditions[2]',
      '$.conditions[1].conditions[2].condition',
      '$.conditions[2]',
    ])
  })

  test('leaf paths are exactly the server’s leavesOf paths, in the same order', () => {
    expect(leavesOf(tree).map((l) => pathString(l.path))).toEqual(serverLeavesOf(tree as ServerNode).map((l) => l.path))
    expect(leavesOf(tree)).toHaveLength(5)
  })

  test('a body path of a validation error finds its node and what lies below it', () => {
    expect(locate(tree, 'tree.conditions[1].conditions[0].window.last_days')).toEqual({ node: [1, 0], rest: 'window.last_days' })
    expect(locate(tree, 'body.tree.conditions.1.conditions.2.condition.value')).toEqual({ node: [1, 2, 'condition'], rest: 'value' })
    expect(locate(tree, ['tree', 'conditions', 2, 'value'])).toEqual({ node: [2], rest: 'value' })
    expect(locate(tree, '/tree/conditions/0')).toEqual({ node: [0], rest: '' })
    expect(locate(tree, 'tree')).toEqual({ node: [], rest: '' })
  })

  test('an index past the tree stops at the last node that exists; a path outside the tree is not located', () => {
    expect(locate(tree, 'tree.conditions[7].value')).toEqual({ node: [], rest: 'conditions.7.value' })
    expect(locate(tree, 'name')).toBeUndefined()
    expect(locate(tree, 'body.refresh_every_hours')).toBeUndefined()
  })

  test('a preview count path names the same node key as the builder computes', () => {
    expect(nodeKey(tree, '$.conditions[1].conditions[2].condition')).toBe('$.conditions[1].conditions[2].condition')
    expect(nodeKey(tree, '$')).toBe('$')
  })
})
