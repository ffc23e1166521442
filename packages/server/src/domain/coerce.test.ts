import { test } from 'node:test'
import assert from 'node:assert/strict'
import { coerceRecord } from './coerce.ts'

test('CSV strings become typed values; empty cells become absent', () => {
  const r: Record<string, unknown> = {
    external_id: ' c1 ', price: '12.50', tags: 'vip; news|gold', attributes: '{"tier":"gold"}', signup_at: '2025-01-02 10:00:00', city: '',
  }
  assert.deepEqual(coerceRecord(r), [])
  assert.deepEqual(r, { external_id: 'c1', price: 12.5, tags: ['vip', 'news', 'gold'], attributes: { tier: 'gold' }, signup_at: '2025-01-02T10:00:00' })
})

test('bad numbers and bad JSON are reported per field', () => {
  const r: Record<string, unknown> = { quantity: 'two', properties: '{oops' }
  assert.deepEqual(coerceRecord(r), [
    { field: 'quantity', reason: '"two" is not a number' },
    { field: 'properties', reason: 'is not valid JSON' },
  ])
})

test('typed JSON Lines values pass through untouched', () => {
  const r: Record<string, unknown> = { total: 3, tags: ['a'], attributes: { x: 1 } }
  assert.deepEqual(coerceRecord(r), [])
  assert.deepEqual(r, { total: 3, tags: ['a'], attributes: { x: 1 } })
})
