import { describe, expect, test } from 'vitest'
import { segmentNode } from '../../../../../server/src/domain/segment-tree.ts'
import { ALL_FIELDS, FIELDS_BY_GROUP, fieldKeyOf, templateFor } from './fields.ts'
import { missingOf } from './incomplete.ts'
import { LEAF_TYPES } from '../../../../../server/src/domain/segment-tree.ts'

describe('field picker', () => {
  test('the groups are Profile, Behaviour, Predictions, Consent, Products and Other segments, and cover every leaf type of the tree', () => {
    expect(Object.keys(FIELDS_BY_GROUP)).toEqual(['profile', 'behaviour', 'predictions', 'consent', 'products', 'segments'])
    expect(new Set(ALL_FIELDS.map((k) => templateFor(k).type))).toEqual(new Set(LEAF_TYPES))
  })

  test('a template belongs to the field it was made for', () => {
    for (const key of ALL_FIELDS) expect(fieldKeyOf(templateFor(key))).toBe(key)
  })

  test('a template is either valid for the server as it is, or says what it still misses', () => {
    for (const key of ALL_FIELDS) {
      const leaf = templateFor(key)
      const valid = segmentNode.safeParse(leaf).success
      expect(valid || missingOf(leaf).length > 0, key).toBe(true)
      if (valid) expect(missingOf(leaf), key).toEqual([])
    }
  })
})
