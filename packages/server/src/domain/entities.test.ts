import { test } from 'node:test'
import assert from 'node:assert/strict'
import { customerInput, eventInput, orderInput, orderItemInput, reviewInput } from './entities.ts'

/** The issues of a failed parse as `path: message`, the way the API reports them under `body.`. */
const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): string[] =>
  (r.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`)

test('NUL and lone surrogates in body fields are refused with the field path', () => {
  assert.deepEqual(issues(customerInput.safeParse({ external_id: 'c1', city: 'Lon\u0000don', tags: ['ok', 'b\ud800'] })), [
    'city: contains a NUL character',
    'tags.1: contains an invalid Unicode character (a lone surrogate)',
  ])
  assert.deepEqual(issues(customerInput.safeParse({ external_id: '\u0000' })), ['external_id: contains a NUL character'])
})

test('attributes and properties: depth, size, finiteness and text, named down to the nested key', () => {
  let deep: Record<string, unknown> = {}
  for (let i = 0; i < 10_000; i++) deep = { a: deep }
  assert.deepEqual(issues(customerInput.safeParse({ external_id: 'c1', attributes: deep })), ['attributes: is nested more than 32 levels deep'])
  const ev = { customer_id: 'c1', type: 'view', occurred_at: '2025-01-01T00:00:00Z' }
  assert.deepEqual(issues(eventInput.safeParse({ ...ev, properties: { n: Number.POSITIVE_INFINITY } })), ['properties.n: is a number out of range (JSON numbers must be finite)'])
  assert.deepEqual(issues(eventInput.safeParse({ ...ev, properties: { s: 'x'.repeat(70_000) } })), ['properties: is larger than 64 KiB as JSON'])
})

test('numbers and dates within their column ranges', () => {
  const order = { external_id: 'o1', customer_id: 'c1', ordered_at: '2025-01-01T00:00:00Z' }
  assert.equal(orderInput.safeParse({ ...order, total: 999_999_999_999.99 }).success, true)
  assert.deepEqual(issues(orderInput.safeParse({ ...order, total: 1e12 })), ['total: must be less than 1,000,000,000,000 in absolute value'])
  assert.deepEqual(issues(orderInput.safeParse({ ...order, total: 0.004 })), ['total: must have at most 2 decimals'])
  assert.deepEqual(issues(orderInput.safeParse({ ...order, total: 1, ordered_at: '0000-01-01' })), ['ordered_at: year must be between 0001 and 9999'])
  assert.equal(orderItemInput.safeParse({ order_id: 'o', sku: 's', quantity: 2_147_483_647, unit_price: 0.1 }).success, true)
  assert.equal(orderItemInput.safeParse({ order_id: 'o', sku: 's', quantity: 2_147_483_648, unit_price: 0.1 }).success, false)
  assert.equal(reviewInput.safeParse({ customer_id: 'c', sku: 's', rating: 6, reviewed_at: '2025-01-01' }).success, false)
  assert.equal(customerInput.safeParse({ external_id: 'c', birth_date: '0001-01-01' }).success, true)
})
