import { describe, expect, test } from 'vitest'
import { addAt, emptyTree, getAt, moveAt, moveBy, removeAt, replaceAt, setGroupType } from './tree-edit.ts'
import type { SegmentLeaf, SegmentNode } from './tree-types.ts'

const city = (value: string): SegmentLeaf => ({ type: 'profile', field: 'city', op: 'is', value })
const tree: SegmentNode = {
  type: 'all',
  conditions: [city('A'), { type: 'any', conditions: [city('B'), city('C')] }, { type: 'not', condition: city('D') }],
}
const cities = (n: SegmentNode | undefined): unknown =>
  !n ? undefined : n.type === 'all' || n.type === 'any' ? { [n.type]: n.conditions.map(cities) } : n.type === 'not' ? { not: cities(n.condition) } : n.type === 'profile' ? n.value : n.type

describe('tree edits', () => {
  test('getAt follows member indexes and a not’s child; a path leading nowhere gives undefined', () => {
    expect(cities(getAt(tree, [1, 1]))).toBe('C')
    expect(cities(getAt(tree, [2, 'condition']))).toBe('D')
    expect(getAt(tree, [5])).toBeUndefined()
    expect(getAt(tree, [0, 0])).toBeUndefined()
  })

  test('replaceAt swaps one node at any depth and leaves the original tree as it was', () => {
    const before = JSON.stringify(tree)
    const next = replaceAt(tree, [1, 0], city('X'))
    expect(cities(next)).toEqual({ all: ['A', { any: ['X', 'C'] }, { not: 'D' }] })
    expect(cities(replaceAt(tree, [2, 'condition'], city('Y')))).toEqual({ all: ['A', { any: ['B', 'C'] }, { not: 'Y' }] })
    expect(JSON.stringify(tree)).toBe(before)
    expect(replaceAt(tree, [9, 9], city('Z'))).toEqual(tree)
  })

  test('removeAt drops a member; removing a not’s child drops the not; removing the root leaves an empty group', () => {
    expect(cities(removeAt(tree, [1, 0]))).toEqual({ all: ['A', { any: ['C'] }, { not: 'D' }] })
    expect(cities(removeAt(tree, [2, 'condition']))).toEqual({ all: ['A', { any: ['B', 'C'] }] })
    expect(removeAt(tree, [])).toEqual(emptyTree())
    expect(removeAt(tree, [8])).toEqual(tree)
  })

  test('addAt appends to an all/any group or inserts at an index, and refuses a leaf or a not as the target', () => {
    expect(cities(addAt(tree, [1], city('E')))).toEqual({ all: ['A', { any: ['B', 'C', 'E'] }, { not: 'D' }] })
    expect(cities(addAt(tree, [], city('E'), 0))).toEqual({ all: ['E', 'A', { any: ['B', 'C'] }, { not: 'D' }] })
    expect(addAt(tree, [0], city('E'))).toEqual(tree)
    expect(addAt(tree, [2], city('E'))).toEqual(tree)
  })

  test('moveAt moves a node into another group, counting the target index before the move', () => {
    expect(cities(moveAt(tree, [0], [1], 1))).toEqual({ all: [{ any: ['B', 'A', 'C'] }, { not: 'D' }] })
    expect(cities(moveAt(tree, [1, 1], [], 0))).toEqual({ all: ['C', 'A', { any: ['B'] }, { not: 'D' }] })
    expect(cities(moveAt(tree, [0], [], 3))).toEqual({ all: [{ any: ['B', 'C'] }, { not: 'D' }, 'A'] })
  })

  test('moveAt refuses to move a group into itself, a not’s child, or into a leaf', () => {
    expect(moveAt(tree, [1], [1], 0)).toEqual(tree)
    expect(moveAt(tree, [2, 'condition'], [1], 0)).toEqual(tree)
    expect(moveAt(tree, [1, 0], [0], 0)).toEqual(tree)
  })

  test('moveBy swaps with the previous or next sibling and stops at the ends', () => {
    expect(cities(moveBy(tree, [1, 0], 1))).toEqual({ all: ['A', { any: ['C', 'B'] }, { not: 'D' }] })
    expect(cities(moveBy(tree, [2], -1))).toEqual({ all: ['A', { not: 'D' }, { any: ['B', 'C'] }] })
    expect(moveBy(tree, [0], -1)).toEqual(tree)
    expect(moveBy(tree, [2], 1)).toEqual(tree)
  })

  test('setGroupType: all ⇄ any keep members, a group of several becomes not(all …), a not becomes a group of its child', () => {
    expect(cities(setGroupType(tree, [1], 'all'))).toEqual({ all: ['A', { all: ['B', 'C'] }, { not: 'D' }] })
    expect(cities(setGroupType(tree, [1], 'not'))).toEqual({ all: ['A', { not: { any: ['B', 'C'] } }, { not: 'D' }] })
    expect(cities(setGroupType({ type: 'any', conditions: [city('Q')] }, [], 'not'))).toEqual({ not: 'Q' })
    expect(cities(setGroupType(tree, [2], 'any'))).toEqual({ all: ['A', { any: ['B', 'C'] }, { any: ['D'] }] })
    expect(setGroupType(tree, [0], 'any')).toEqual(tree)
  })
})
