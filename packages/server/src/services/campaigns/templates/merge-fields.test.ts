import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isKnownPath, listMergeFields, LOOP_OBJECTS, MERGE_FIELDS, RECOMMENDATION_ITEM } from './merge-fields.ts'

test('knows the listed fields and refuses others', () => {
  for (const p of [['customer', 'first_name'], ['last_order', 'total'], ['clv_band'], ['workspace', 'name'], ['unsubscribe_url']]) {
    assert.equal(isKnownPath(MERGE_FIELDS, p), true, p.join('.'))
  }
  for (const p of [['customer', 'nmae'], ['customer', 'email', 'domain'], ['phone'], ['workspace', 'id'], ['constructor']]) {
    assert.equal(isKnownPath(MERGE_FIELDS, p), false, p.join('.'))
  }
})

test('lists take an index, first, last or size; values take size and nothing after it', () => {
  assert.equal(isKnownPath(MERGE_FIELDS, ['recommendations', 0, 'name']), true)
  assert.equal(isKnownPath(MERGE_FIELDS, ['recommendations', ['forloop', 'index0'], 'url']), true)
  assert.equal(isKnownPath(MERGE_FIELDS, ['recommendations', 'first', 'price']), true)
  assert.equal(isKnownPath(MERGE_FIELDS, ['recommendations', 'size']), true)
  assert.equal(isKnownPath(MERGE_FIELDS, ['customer', 'name', 'size']), true)
  assert.equal(isKnownPath(MERGE_FIELDS, ['recommendations', 'name']), false)
  assert.equal(isKnownPath(MERGE_FIELDS, ['recommendations', 'size', 'x']), false)
  assert.equal(isKnownPath(MERGE_FIELDS, ['customer', 0]), false)
})

test('checks a recommendation item and the loop objects', () => {
  assert.equal(isKnownPath(RECOMMENDATION_ITEM, ['image_url']), true)
  assert.equal(isKnownPath(RECOMMENDATION_ITEM, ['sku']), false)
  assert.equal(isKnownPath(LOOP_OBJECTS.forloop, ['parentloop', 'index']), true)
  assert.equal(isKnownPath(LOOP_OBJECTS.forloop, ['col']), false)
  assert.equal(isKnownPath(LOOP_OBJECTS.tablerowloop, ['col_last']), true)
})

test('lists every field with a description, items of lists as name[].field', () => {
  const paths = listMergeFields().map((f) => f.path)
  assert.ok(paths.includes('customer.first_name'))
  assert.ok(paths.includes('recommendations'))
  assert.ok(paths.includes('recommendations[].image_url'))
  assert.ok(paths.includes('workspace.name'))
  assert.ok(listMergeFields().every((f) => f.description !== ''))
})
