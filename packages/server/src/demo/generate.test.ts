import assert from 'node:assert/strict'
import { test } from 'node:test'
import { entitySchemas, ENTITIES } from '../domain/entities.ts'
import { generateDemo, generateDemoWithTruth } from './generate.ts'

const c0 = process.cpuUsage()
const t0 = performance.now()
const { data, truth } = generateDemoWithTruth()
const cpuMs = (() => {
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / 1000
})()
const wallMs = performance.now() - t0

test('the default 5,000-customer set is generated in under 5 s of CPU', () => {
  // CPU rather than wall time: the test machine is shared and wall time swings with others' load.
  assert.ok(cpuMs < 5000, `took ${cpuMs.toFixed(0)} ms CPU (${wallMs.toFixed(0)} ms wall)`)
})

test('same seed gives deep-equal data; another seed gives different data', () => {
  const a = generateDemo({ customers: 200, seed: 7 })
  const b = generateDemo({ customers: 200, seed: 7 })
  assert.deepEqual(a, b)
  assert.equal(JSON.stringify(a), JSON.stringify(b))
  const c = generateDemo({ customers: 200, seed: 8 })
  assert.notDeepEqual(a.customers, c.customers)
  assert.notDeepEqual(a.orders, c.orders)
})

test('every generated record passes its import schema unchanged', () => {
  for (const entity of ENTITIES) {
    const schema = entitySchemas[entity]
    const rows: unknown[] = data[entity]
    assert.ok(rows.length > 0, `${entity} is empty`)
    rows.forEach((row, i) => {
      const r = schema.safeParse(row)
      assert.ok(r.success, `${entity}[${i}]: ${r.success ? '' : JSON.stringify(r.error.issues)} in ${JSON.stringify(row)}`)
      // Unchanged: no field the schema would strip, trim or default.
      assert.deepEqual(r.data, row, `${entity}[${i}] changes when parsed`)
    })
  }
})

test('counts for the default options are in the intended ranges', () => {
  const n = (x: unknown[]) => x.length
  assert.equal(n(data.customers), 5000)
  assert.ok(n(data.products) >= 280 && n(data.products) <= 320, `products ${n(data.products)}`)
  assert.equal(new Set(data.products.map((p) => p.category)).size, 12)
  assert.ok(n(data.orders) > 20_000 && n(data.orders) < 50_000, `orders ${n(data.orders)}`)
  const perOrder = n(data.order_items) / n(data.orders)
  assert.ok(perOrder > 1.5 && perOrder < 3, `items per order ${perOrder}`)
  assert.ok(n(data.events) > 100_000 && n(data.events) < 350_000, `events ${n(data.events)}`)
  assert.ok(n(data.reviews) > 2000 && n(data.reviews) < 10_000, `reviews ${n(data.reviews)}`)
  const ticketCustomers = new Set(data.tickets.map((t) => t.customer_id)).size
  assert.ok(ticketCustomers > 100 && ticketCustomers < 600, `customers with tickets ${ticketCustomers}`)
  const churnShare = Object.keys(truth.churnedAt).length / 5000
  assert.ok(churnShare > 0.2 && churnShare < 0.32, `churn share ${churnShare}`)
  const cn = data.customers.filter((c) => c.country === 'CN').length / 5000
  assert.ok(cn > 0.45 && cn < 0.65, `Chinese share ${cn}`)
  for (const country of ['GB', 'US', 'AU', 'CA']) assert.ok(data.customers.some((c) => c.country === country), country)
  const statuses = new Map<string, number>()
  for (const o of data.orders) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1)
  assert.ok((statuses.get('completed') ?? 0) / n(data.orders) > 0.85)
  for (const s of ['cancelled', 'refunded']) {
    const share = (statuses.get(s) ?? 0) / n(data.orders)
    assert.ok(share > 0.005 && share < 0.08, `${s} ${share}`)
  }
})

test('the customers option scales every entity but the catalogue', () => {
  const small = generateDemo({ customers: 1000 })
  assert.equal(small.customers.length, 1000)
  assert.equal(small.products.length, data.products.length)
  for (const k of ['orders', 'order_items', 'events', 'reviews', 'consents'] as const) {
    const ratio = small[k].length / data[k].length
    assert.ok(ratio > 0.14 && ratio < 0.26, `${k}: ${small[k].length} vs ${data[k].length}`)
  }
})

test('ids follow the external id conventions and are unique', () => {
  const check = (ids: string[], re: RegExp, what: string) => {
    assert.equal(new Set(ids).size, ids.length, `${what} ids repeat`)
    for (const id of ids) assert.match(id, re, what)
  }
  check(data.customers.map((c) => c.external_id), /^C\d{6}$/, 'customer')
  check(data.products.map((p) => p.sku), /^SKU-[A-Z]{3}-\d{3}$/, 'product')
  check(data.orders.map((o) => o.external_id), /^O\d{7}$/, 'order')
  check(data.events.map((e) => e.external_id ?? ''), /^E\d{8}$/, 'event')
  check(data.reviews.map((r) => r.external_id ?? ''), /^R\d{7}$/, 'review')
  check(data.tickets.map((t) => t.external_id), /^T\d{6}$/, 'ticket')
  check(data.customers.flatMap((c) => (c.email ? [c.email] : [])), /^[a-z0-9._]+@[a-z0-9]+\.example$/, 'email')
})

test('references point at existing records and times lie in the two years before asOf, in UTC', () => {
  const customers = new Set(data.customers.map((c) => c.external_id))
  const skus = new Set(data.products.map((p) => p.sku))
  const orders = new Set(data.orders.map((o) => o.external_id))
  const start = Date.parse('2024-11-01T00:00:00Z')
  const end = Date.parse('2026-11-01T00:00:00Z')
  const inWindow = (t: string, what: string) => {
    assert.match(t, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, what)
    const ms = Date.parse(t)
    assert.ok(ms >= start && ms < end, `${what} at ${t}`)
  }
  for (const c of data.customers) inWindow(c.signup_at ?? '', c.external_id)
  for (const o of data.orders) {
    assert.ok(customers.has(o.customer_id))
    inWindow(o.ordered_at, o.external_id)
  }
  for (const it of data.order_items) assert.ok(orders.has(it.order_id) && skus.has(it.sku))
  for (const e of data.events) {
    assert.ok(customers.has(e.customer_id))
    if (e.sku !== undefined) assert.ok(skus.has(e.sku))
    inWindow(e.occurred_at, e.external_id ?? '')
  }
  for (const r of data.reviews) assert.ok(customers.has(r.customer_id) && skus.has(r.sku))
  for (const t of data.tickets) {
    assert.ok(customers.has(t.customer_id))
    inWindow(t.opened_at, t.external_id)
  }
  for (const c of data.consents) {
    assert.ok(customers.has(c.customer_id))
    inWindow(c.recorded_at, c.customer_id)
  }
})

test('asOf moves the window, and a bad asOf or count is refused', () => {
  const d = generateDemo({ customers: 100, asOf: '2025-01-01' })
  for (const o of d.orders) assert.ok(o.ordered_at < '2025-01-01' && o.ordered_at >= '2023-01-01', o.ordered_at)
  assert.throws(() => generateDemo({ asOf: 'soon' }), RangeError)
  assert.throws(() => generateDemo({ customers: 0 }), RangeError)
  assert.throws(() => generateDemo({ customers: 2.5 }), RangeError)
})
