import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { errorOf, workspace, type ApiContext, type Client } from '../harness.ts'

const ids = (r: { body: { data: Array<{ external_id?: string; sku?: string }> } }): string[] =>
  r.body.data.map((x) => x.external_id ?? x.sku ?? '').sort()

export function entitySuite(ctx: () => ApiContext): void {
  describe('products, orders, events, reviews, tickets, consents', () => {
    let api: Client
    before(async () => {
      api = await workspace(ctx().db, 'ent')
      for (const c of ['k1', 'k2']) assert.equal((await api('POST', '/api/v1/customers', { external_id: c })).status, 201)
    })

    test('products: CRUD, by-sku, filters on category, brand and price range', async () => {
      const mk = (sku: string, category: string, brand: string, price: number) => api('POST', '/api/v1/products', { sku, name: `${sku} name`, category, brand, price })
      const p1 = await mk('p1', 'coffee', 'Acme', 12.5)
      assert.equal(p1.status, 201)
      assert.equal(p1.body.price, 12.5)
      await mk('p2', 'coffee', 'Brew', 3.2)
      await mk('p3', 'tea', 'Acme', 8)
      assert.equal((await mk('p1', 'x', 'y', 1)).status, 409)
      assert.deepEqual(ids(await api('GET', '/api/v1/products?category=coffee')), ['p1', 'p2'])
      assert.deepEqual(ids(await api('GET', '/api/v1/products?brand=Acme')), ['p1', 'p3'])
      assert.deepEqual(ids(await api('GET', '/api/v1/products?price_min=3.2&price_max=12.5')), ['p2', 'p3'])
      assert.deepEqual((await api('GET', '/api/v1/products?sort=-price')).body.data.map((p: { sku: string }) => p.sku), ['p1', 'p3', 'p2'])
      assert.equal((await api('GET', '/api/v1/products/by-sku/p3')).body.brand, 'Acme')
      const up = await api('PATCH', `/api/v1/products/${p1.body.id}`, { price: 13, description: 'Whole beans' })
      assert.equal(up.body.price, 13)
      assert.equal(up.body.description, 'Whole beans')
      assert.equal((await api('PATCH', `/api/v1/products/${p1.body.id}`, { price: -1 })).status, 400)
    })

    test('orders: created with their lines, read back with them; unknown or repeated skus are 400 and write nothing', async () => {
      const r = await api('POST', '/api/v1/orders', {
        external_id: 'o1', customer_id: 'k1', ordered_at: '2025-01-01T10:00:00Z', total: 28.9, channel: 'web',
        items: [{ sku: 'p1', quantity: 2, unit_price: 12.5 }, { sku: 'p2', quantity: 1, unit_price: 3.9 }],
      })
      assert.equal(r.status, 201)
      assert.equal(r.body.status, 'completed', 'the import default applies')
      assert.equal(r.body.customer_id, 'k1')
      assert.equal(typeof r.body.customer_internal_id, 'number')
      assert.deepEqual(r.body.items.map((i: { sku: string; quantity: number }) => [i.sku, i.quantity]), [['p1', 2], ['p2', 1]])
      const got = await api('GET', `/api/v1/orders/${r.body.id}`)
      assert.deepEqual(got.body, r.body)

      const unknown = await api('POST', '/api/v1/orders', {
        external_id: 'o2', customer_id: 'k1', ordered_at: '2025-01-02', total: 1, items: [{ sku: 'p1', quantity: 1, unit_price: 1 }, { sku: 'nope', quantity: 1, unit_price: 1 }],
      })
      assert.equal(unknown.status, 400)
      assert.deepEqual(errorOf(unknown).details, [{ path: 'body.items.1.sku', message: 'unknown product "nope"' }])
      const twice = await api('POST', '/api/v1/orders', {
        external_id: 'o2', customer_id: 'k1', ordered_at: '2025-01-02', total: 1, items: [{ sku: 'p1', quantity: 1, unit_price: 1 }, { sku: 'p1', quantity: 1, unit_price: 1 }],
      })
      assert.equal(errorOf(twice).details?.[0]?.path, 'body.items.1.sku')
      const noCustomer = await api('POST', '/api/v1/orders', { external_id: 'o2', customer_id: 'ghost', ordered_at: '2025-01-02', total: 1 })
      assert.deepEqual(errorOf(noCustomer).details, [{ path: 'body.customer_id', message: 'unknown customer "ghost"' }])
      assert.deepEqual(ids(await api('GET', '/api/v1/orders')), ['o1'], 'the rejected orders were rolled back whole')
    })

    test('orders: PATCH updates fields and replaces lines; list filters; DELETE removes the lines too', async () => {
      const o1 = (await api('GET', '/api/v1/orders?customer_id=k1')).body.data[0]
      const r = await api('PATCH', `/api/v1/orders/${o1.id}`, { status: 'refunded', items: [{ sku: 'p2', quantity: 3, unit_price: 3.9 }, { sku: 'p3', quantity: 1, unit_price: 8 }] })
      assert.equal(r.status, 200)
      assert.equal(r.body.status, 'refunded')
      assert.deepEqual(r.body.items.map((i: { sku: string; quantity: number }) => [i.sku, i.quantity]), [['p2', 3], ['p3', 1]])
      const p2line = r.body.items[0].id
      const again = await api('PATCH', `/api/v1/orders/${o1.id}`, { channel: 'app' })
      assert.equal(again.body.items[0].id, p2line, 'lines are left alone when items is absent')
      await api('POST', '/api/v1/orders', { external_id: 'o3', customer_id: 'k2', ordered_at: '2025-02-01T00:00:00Z', total: 5, status: 'paid', channel: 'store' })
      await api('POST', '/api/v1/orders', { external_id: 'o4', customer_id: 'k2', ordered_at: '2025-03-01T00:00:00Z', total: 7, status: 'paid' })
      assert.deepEqual(ids(await api('GET', '/api/v1/orders?customer_id=k2')), ['o3', 'o4'])
      assert.deepEqual(ids(await api('GET', `/api/v1/orders?customer_internal_id=${o1.customer_internal_id}`)), ['o1'])
      assert.deepEqual(ids(await api('GET', '/api/v1/orders?status=paid&channel=store')), ['o3'])
      assert.deepEqual(ids(await api('GET', '/api/v1/orders?from=2025-01-15&to=2025-03-01T00:00:00Z')), ['o3'])
      assert.deepEqual((await api('GET', '/api/v1/orders')).body.data.map((o: { external_id: string }) => o.external_id), ['o4', 'o3', 'o1'], 'newest first by default')
      assert.deepEqual((await api('GET', '/api/v1/orders?customer_id=nobody')).body.data, [])
      const del = await api('DELETE', `/api/v1/orders/${o1.id}`)
      assert.equal(del.status, 204)
      const [n] = await ctx().db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM order_items WHERE order_id = $1', [o1.id])
      assert.equal(Number(n?.n), 0)
    })

    test('products still referenced by order lines cannot be deleted (409)', async () => {
      await api('POST', '/api/v1/orders', { external_id: 'o5', customer_id: 'k1', ordered_at: '2025-01-01', total: 8, items: [{ sku: 'p3', quantity: 1, unit_price: 8 }] })
      const p3 = (await api('GET', '/api/v1/products/by-sku/p3')).body
      const r = await api('DELETE', `/api/v1/products/${p3.id}`)
      assert.equal(r.status, 409)
      assert.equal(errorOf(r).code, 'conflict')
    })

    test('events: create (key derived from content when absent), read, list with filters; no update or delete', async () => {
      const e = { customer_id: 'k1', type: 'view', sku: 'p1', occurred_at: '2025-01-05T12:00:00Z', properties: { page: '/p1' } }
      const r = await api('POST', '/api/v1/events', e)
      assert.equal(r.status, 201)
      assert.match(r.body.external_id, /^h_/)
      assert.equal(r.body.sku, 'p1')
      assert.deepEqual(r.body.properties, { page: '/p1' })
      assert.equal((await api('POST', '/api/v1/events', e)).status, 409, 'the same event twice is a duplicate')
      await api('POST', '/api/v1/events', { external_id: 'e2', customer_id: 'k1', type: 'search', occurred_at: '2025-01-06T12:00:00Z' })
      await api('POST', '/api/v1/events', { external_id: 'e3', customer_id: 'k2', type: 'view', occurred_at: '2025-01-07T12:00:00Z' })
      assert.equal((await api('GET', `/api/v1/events/${r.body.id}`)).body.type, 'view')
      assert.deepEqual(ids(await api('GET', '/api/v1/events?customer_id=k1&type=search')), ['e2'])
      assert.deepEqual(ids(await api('GET', '/api/v1/events?type=view&from=2025-01-06')), ['e3'])
      assert.deepEqual(ids(await api('GET', '/api/v1/events?sku=p1')), [r.body.external_id])
      assert.equal((await api('PATCH', `/api/v1/events/${r.body.id}`, { type: 'login' })).status, 404)
      assert.equal((await api('DELETE', `/api/v1/events/${r.body.id}`)).status, 404)
      assert.equal((await api('POST', '/api/v1/events', { customer_id: 'k1', type: 'teleport', occurred_at: '2025-01-01' })).status, 400)
    })

    test('reviews and tickets: CRUD and filters', async () => {
      const rv = await api('POST', '/api/v1/reviews', { external_id: 'r1', customer_id: 'k1', sku: 'p1', rating: 5, text: 'Great', language: 'en', reviewed_at: '2025-01-10T00:00:00Z' })
      assert.equal(rv.status, 201)
      await api('POST', '/api/v1/reviews', { external_id: 'r2', customer_id: 'k2', sku: 'p1', rating: 2, text: '一般', language: 'zh', reviewed_at: '2025-01-11T00:00:00Z' })
      assert.equal((await api('POST', '/api/v1/reviews', { customer_id: 'k1', sku: 'p1', rating: 6, reviewed_at: '2025-01-10' })).status, 400)
      assert.deepEqual(ids(await api('GET', '/api/v1/reviews?sku=p1&rating=2')), ['r2'])
      assert.deepEqual(ids(await api('GET', '/api/v1/reviews?customer_id=k1')), ['r1'])
      assert.deepEqual(ids(await api('GET', '/api/v1/reviews?rating_min=3')), ['r1'])
      assert.equal((await api('PATCH', `/api/v1/reviews/${rv.body.id}`, { rating: 4 })).body.rating, 4)
      assert.equal((await api('DELETE', `/api/v1/reviews/${rv.body.id}`)).status, 204)

      const t = await api('POST', '/api/v1/tickets', { external_id: 't1', customer_id: 'k1', channel: 'email', subject: 'Late parcel', opened_at: '2025-01-12T00:00:00Z' })
      assert.equal(t.status, 201)
      assert.equal(t.body.status, 'open')
      assert.equal(t.body.priority, 'normal')
      await api('POST', '/api/v1/tickets', { external_id: 't2', customer_id: 'k2', channel: 'chat', subject: 'Refund', priority: 'urgent', opened_at: '2025-01-13T00:00:00Z' })
      const solved = await api('PATCH', `/api/v1/tickets/${t.body.id}`, { status: 'solved' })
      assert.equal(solved.body.status, 'solved')
      assert.deepEqual(ids(await api('GET', '/api/v1/tickets?status=open')), ['t2'])
      assert.deepEqual(ids(await api('GET', '/api/v1/tickets?priority=urgent&customer_id=k2')), ['t2'])
      assert.equal((await api('GET', '/api/v1/tickets?status=lost')).status, 400)
    })

    test('consents: append-only — create and list, no update or delete', async () => {
      const c = await api('POST', '/api/v1/consents', { customer_id: 'k1', channel: 'email', status: 'granted', recorded_at: '2025-01-01T00:00:00Z', source: 'signup' })
      assert.equal(c.status, 201)
      assert.equal(c.body.purpose, 'marketing')
      await api('POST', '/api/v1/consents', { customer_id: 'k1', channel: 'email', status: 'revoked', recorded_at: '2025-02-01T00:00:00Z' })
      const list = await api('GET', '/api/v1/consents?customer_id=k1&channel=email')
      assert.deepEqual(list.body.data.map((x: { status: string }) => x.status), ['revoked', 'granted'], 'newest first')
      assert.equal((await api('GET', '/api/v1/consents?status=granted')).body.data.length, 1)
      assert.equal((await api('PATCH', `/api/v1/consents/${c.body.id}`, { status: 'revoked' })).status, 404)
      assert.equal((await api('DELETE', `/api/v1/consents/${c.body.id}`)).status, 404)
      assert.equal((await api('GET', `/api/v1/consents/${c.body.id}`)).status, 404)
    })
  })
}
