import { test } from 'node:test'
import assert from 'node:assert/strict'
import { canonicalJson, deriveKey } from './derive-key.ts'

const fields = ['customer_id', 'type', 'sku', 'occurred_at', 'properties']

test('same content gives the same key whatever the key order of nested objects', () => {
  const a = deriveKey(fields, { customer_id: 'c1', type: 'view', occurred_at: '2025-01-01', properties: { a: 1, b: [2, { d: 1, c: 2 }] } })
  const b = deriveKey(fields, { properties: { b: [2, { c: 2, d: 1 }], a: 1 }, occurred_at: '2025-01-01', type: 'view', customer_id: 'c1' })
  assert.equal(a, b)
  assert.match(a, /^h_[A-Za-z0-9_-]{24}$/)
})

test('different content, or a value moved to another field, gives another key', () => {
  const base = { customer_id: 'c1', type: 'view', occurred_at: '2025-01-01' }
  assert.notEqual(deriveKey(fields, base), deriveKey(fields, { ...base, type: 'search' }))
  assert.notEqual(deriveKey(fields, { ...base, sku: 'x' }), deriveKey(fields, { ...base, properties: 'x' }))
})

test('canonicalJson sorts keys and drops undefined', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: undefined, c: 'x' } }), '{"a":{"c":"x"},"b":1}')
})

test('a consent without confirmed_at keeps the key it had before the field existed; with it, the key differs', () => {
  const before = ['customer_id', 'channel', 'purpose', 'status', 'recorded_at', 'source']
  const after = [...before, 'confirmed_at']
  const row = { customer_id: 'c1', channel: 'email', purpose: 'marketing', status: 'granted', recorded_at: '2026-01-01T00:00:00Z' }
  assert.equal(deriveKey(after, row), deriveKey(before, row))
  assert.notEqual(deriveKey(after, { ...row, confirmed_at: '2026-01-02T00:00:00Z' }), deriveKey(before, row))
})
