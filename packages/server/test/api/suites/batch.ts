import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { errorOf, workspace, type ApiContext, type Client } from '../harness.ts'

export function batchSuite(ctx: () => ApiContext): void {
  describe('batch ingest', () => {
    let api: Client & { id: number }
    const count = async (table: string): Promise<number> => {
      const [r] = await ctx().db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${table} WHERE workspace_id = $1`, [api.id])
      return Number(r?.n)
    }
    before(async () => {
      api = await workspace(ctx().db, 'batch')
      for (const c of ['b1', 'b2']) await api('POST', '/api/v1/customers', { external_id: c })
      for (const [sku, category] of [['s1', 'coffee'], ['s2', 'tea']]) await api('POST', '/api/v1/products', { sku, name: sku, category, price: 2 })
    })

    const events = [
      { external_id: 'ev1', customer_id: 'b1', type: 'view', sku: 's1', occurred_at: '2025-01-01T00:00:00Z' },
      { external_id: 'ev2', customer_id: 'b2', type: 'add_to_cart', sku: 's2', occurred_at: '2025-01-02T00:00:00Z', properties: { qty: 1 } },
      { customer_id: 'b1', type: 'email_open', occurred_at: '2025-01-03 08:00:00' },
    ]

    test('events: one bad item writes nothing and every bad item is reported by index and field', async () => {
      const bad = [...events, { customer_id: 'ghost', type: 'view', occurred_at: '2025-01-01' }, { customer_id: 'b1', type: 'fly', occurred_at: 'soon' }]
      const r = await api('POST', '/api/v1/events/batch', { items: bad })
      assert.equal(r.status, 400)
      const e = errorOf(r)
      assert.equal(e.code, 'validation_failed')
      assert.match(e.message, /2 of 5 items/)
      assert.deepEqual(e.details?.map((d) => d.path).sort(), ['items.3.customer_id', 'items.4.occurred_at', 'items.4.type'])
      assert.equal(await count('events'), 0)
    })

    test('events: skip_invalid writes the good items and reports the rest; sending the same batch again changes nothing', async () => {
      const bad = [...events, { customer_id: 'ghost', type: 'view', occurred_at: '2025-01-01' }]
      const r = await api('POST', '/api/v1/events/batch?skip_invalid=true', { items: bad })
      assert.equal(r.status, 200)
      assert.deepEqual({ ...r.body, errors: undefined }, { received: 4, inserted: 3, updated: 0, unchanged: 0, rejected: 1, errors: undefined })
      assert.deepEqual(r.body.errors, [{ path: 'items.3.customer_id', message: 'unknown customer "ghost"' }])
      assert.equal(await count('events'), 3)
      const again = await api('POST', '/api/v1/events/batch', { items: events })
      assert.deepEqual(again.body, { received: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0, errors: [] })
      assert.equal(await count('events'), 3)
    })

    test('events: an empty or oversized batch is a 400', async () => {
      assert.equal((await api('POST', '/api/v1/events/batch', { items: [] })).status, 400)
      assert.equal((await api('POST', '/api/v1/events/batch', { events })).status, 400)
      const big = Array.from({ length: 10_001 }, () => events[0])
      const r = await api('POST', '/api/v1/events/batch', { items: big })
      assert.equal(r.status, 400)
      assert.equal(errorOf(r).details?.[0]?.path, 'body.items')
    })

    const orders = [
      { external_id: 'bo1', customer_id: 'b1', ordered_at: '2025-01-01T00:00:00Z', total: 6, items: [{ sku: 's1', quantity: 1, unit_price: 2 }, { sku: 's2', quantity: 2, unit_price: 2 }] },
      { external_id: 'bo2', customer_id: 'b2', ordered_at: '2025-01-02T00:00:00Z', total: '2.00', status: 'paid', items: [{ sku: 's1', quantity: '1', unit_price: 2 }] },
    ]
    const badOrders = [
      { external_id: 'bo3', customer_id: 'b1', ordered_at: '2025-01-03T00:00:00Z', total: 2, items: [{ sku: 's1', quantity: 1, unit_price: 2 }, { sku: 'zz', quantity: 1, unit_price: 2 }] },
      { external_id: 'bo4', customer_id: 'nobody', ordered_at: '2025-01-04T00:00:00Z', total: 2, items: [] },
      { external_id: 'bo5', customer_id: 'b1', ordered_at: 'later', total: -1, items: [{ sku: 's1', quantity: 0, unit_price: 2 }] },
    ]

    test('orders: transactional — any bad order writes no order and no line', async () => {
      const r = await api('POST', '/api/v1/orders/batch', { items: [...orders, ...badOrders] })
      assert.equal(r.status, 400)
      const paths = errorOf(r).details?.map((d) => d.path).sort()
      assert.deepEqual(paths, ['items.2.items.1.sku', 'items.3.customer_id', 'items.4.items.0.quantity', 'items.4.ordered_at', 'items.4.total'])
      assert.equal(await count('orders'), 0)
      assert.equal(await count('order_items'), 0)
    })

    test('orders: skip_invalid writes the good orders whole and none of a bad order, not even its valid lines', async () => {
      const r = await api('POST', '/api/v1/orders/batch?skip_invalid=true', { items: [...orders, ...badOrders] })
      assert.equal(r.status, 200)
      assert.equal(r.body.received, 5)
      assert.equal(r.body.inserted, 2)
      assert.equal(r.body.rejected, 3)
      assert.equal(await count('orders'), 2)
      assert.equal(await count('order_items'), 3)
      const bo2 = (await api('GET', '/api/v1/orders?customer_id=b2')).body.data[0]
      assert.equal(bo2.total, 2, 'numbers written as strings are accepted, as on import')
      assert.equal(bo2.status, 'paid')
    })

    test('orders: re-sending an order updates it and replaces its lines', async () => {
      const changed = [{ ...orders[0], total: 4, items: [{ sku: 's2', quantity: 2, unit_price: 2 }] }, orders[1]]
      const r = await api('POST', '/api/v1/orders/batch', { items: changed })
      assert.deepEqual(r.body, { received: 2, inserted: 0, updated: 1, unchanged: 1, rejected: 0, errors: [] })
      const bo1 = (await api('GET', '/api/v1/orders?customer_id=b1')).body.data[0]
      const full = await api('GET', `/api/v1/orders/${bo1.id}`)
      assert.equal(full.body.total, 4)
      assert.deepEqual(full.body.items.map((i: { sku: string; quantity: number }) => [i.sku, i.quantity]), [['s2', 2]])
      assert.equal(await count('order_items'), 2)
    })
  })
}
