import { test } from 'node:test'
import assert from 'node:assert/strict'
import { coerceRecord, isPlainDecimal } from './coerce.ts'

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
    { field: 'quantity', reason: '"two" is not a plain decimal number' },
    { field: 'properties', reason: 'is not valid JSON' },
  ])
})

test('typed JSON Lines values pass through untouched', () => {
  const r: Record<string, unknown> = { total: 3, tags: ['a'], attributes: { x: 1 } }
  assert.deepEqual(coerceRecord(r), [])
  assert.deepEqual(r, { total: 3, tags: ['a'], attributes: { x: 1 } })
})

test('numbers are plain decimals only: hex, binary, exponents, Infinity, blanks and a plus sign are errors', () => {
  for (const v of ['0x10', '0b11', '0o7', '1e3', '1e400', 'Infinity', '-Infinity', 'NaN', ' 1', '1 ', '+1', '1.', '.5', '--1', '1.2.3', '１']) {
    const r: Record<string, unknown> = { total: v }
    assert.deepEqual(coerceRecord(r), [{ field: 'total', reason: `${JSON.stringify(v)} is not a plain decimal number` }], v)
  }
  for (const [v, n] of [['16', 16], ['-3', -3], ['0.004', 0.004], ['007', 7], ['12.50', 12.5]] as const) {
    const r: Record<string, unknown> = { total: v }
    assert.deepEqual(coerceRecord(r), [], v)
    assert.equal(r.total, n)
  }
  assert.equal(isPlainDecimal(''), false)
  assert.equal(isPlainDecimal('-'), false)
})

test('a NUL or a lone surrogate in any cell is reported as such, before any conversion', () => {
  const r: Record<string, unknown> = { quantity: '1\u0000', attributes: '{"a":"\\u0000"}', city: 'Lon\u0000don', ordered_at: '\ud800' }
  assert.deepEqual(coerceRecord(r), [
    { field: 'quantity', reason: 'contains a NUL character' },
    { field: 'city', reason: 'contains a NUL character' },
    { field: 'ordered_at', reason: 'contains an invalid Unicode character (a lone surrogate)' },
  ])
})
