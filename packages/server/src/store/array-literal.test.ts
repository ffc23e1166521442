import { test } from 'node:test'
import assert from 'node:assert/strict'
import { arrayLiteral } from './array-literal.ts'

test('numbers go bare, strings quoted with " and \\ escaped, null and undefined as NULL', () => {
  assert.equal(arrayLiteral([1, 2.5, -3, null, undefined]), '{1,2.5,-3,NULL,NULL}')
  assert.equal(arrayLiteral(['a', 'b "c"', 'back\\slash', 'NULL', '', '{x,y}']), '{"a","b \\"c\\"","back\\\\slash","NULL","","{x,y}"}')
  assert.equal(arrayLiteral([]), '{}')
  assert.equal(arrayLiteral([{ k: 'v"' }]), '{"{\\"k\\":\\"v\\\\\\"\\"}"}')
})
