import { test } from 'node:test'
import assert from 'node:assert/strict'
import { changedFields, REDACTED } from './redact.ts'

test('only changed fields are listed; personal values of customers are redacted, others kept', () => {
  const c = changedFields('customers', { email: 'a@b.cn', city: '上海', tags: ['x'] }, { email: 'z@b.cn', city: '北京', tags: ['x'] })
  assert.deepEqual(c, { email: { before: REDACTED, after: REDACTED }, city: { before: '上海', after: '北京' } })
})

test('a create lists every field with only after; a product name is not personal data', () => {
  assert.deepEqual(changedFields('products', undefined, { name: 'Tea', price: 3 }), { name: { after: 'Tea' }, price: { after: 3 } })
  assert.deepEqual(changedFields('customers', { name: 'Ann', phone: null }, undefined), { name: { before: REDACTED }, phone: { before: null } })
})
