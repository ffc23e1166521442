import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { buildApp } from '../../../src/api/build-app.ts'
import type { Db } from '../../../src/store/db.ts'
import { attachApp, client, workspace, type ApiContext, type Client, queueOf } from '../harness.ts'

/** A Db that counts the statements sent through it, transactions included. */
function counting(db: Db, counter: { n: number }): Db {
  return {
    kind: db.kind,
    query: (text, params) => {
      counter.n++
      return db.query(text, params)
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction((tx) => fn(counting(tx, counter))),
    close: () => db.close(),
  }
}

const day = (d: number): string => `2025-01-${String(d).padStart(2, '0')}T10:00:00Z`

export function customer360Suite(ctx: () => ApiContext): void {
  describe('customer 360', () => {
    let api: Client
    let z1: number
    let z2: number
    let z3: number
    before(async () => {
      api = await workspace(ctx().db, 'c360')
      for (const c of ['z1', 'z2', 'z3']) await api('POST', '/api/v1/customers', { external_id: c, name: c })
      await api('POST', '/api/v1/products', { sku: 'a', name: 'A', category: 'Cat A', price: 10 })
      await api('POST', '/api/v1/products', { sku: 'b', name: 'B', category: 'Cat B', price: 5 })
      // z1: 12 orders; o01-o03 also hold 2 × b; o12 (the newest) is cancelled.
      const orders = Array.from({ length: 12 }, (_, i) => {
        const n = i + 1
        const withB = n <= 3
        return {
          external_id: `o${String(n).padStart(2, '0')}`, customer_id: 'z1', ordered_at: day(n), status: n === 12 ? 'cancelled' : 'completed',
          total: withB ? 20 : 10, items: [{ sku: 'a', quantity: 1, unit_price: 10 }, ...(withB ? [{ sku: 'b', quantity: 2, unit_price: 5 }] : [])],
        }
      })
      orders.push({ external_id: 'x1', customer_id: 'z2', ordered_at: day(20), status: 'completed', total: 99, items: [{ sku: 'b', quantity: 1, unit_price: 99 }] })
      assert.equal((await api('POST', '/api/v1/orders/batch', { items: orders })).status, 200)
      const events = Array.from({ length: 55 }, (_, i) => ({ external_id: `ev${i}`, customer_id: 'z1', type: 'view', sku: 'a', occurred_at: `2025-02-01T00:${String(i).padStart(2, '0')}:00Z` }))
      events.push({ external_id: 'evx', customer_id: 'z2', type: 'view', sku: 'a', occurred_at: '2025-03-01T00:00:00Z' })
      assert.equal((await api('POST', '/api/v1/events/batch', { items: events })).status, 200)
      const consents = [
        { customer_id: 'z1', channel: 'email', status: 'granted', recorded_at: '2025-01-01T00:00:00Z' },
        { customer_id: 'z1', channel: 'email', status: 'revoked', recorded_at: '2025-02-01T00:00:00Z' },
        { customer_id: 'z1', channel: 'sms', status: 'granted', recorded_at: '2025-01-15T00:00:00Z' },
        { customer_id: 'z1', channel: 'email', purpose: 'newsletter', status: 'granted', recorded_at: '2025-01-20T00:00:00Z' },
        { customer_id: 'z2', channel: 'sms', status: 'revoked', recorded_at: '2025-01-20T00:00:00Z' },
      ]
      for (const c of consents) assert.equal((await api('POST', '/api/v1/consents', c)).status, 201)
      await api('POST', '/api/v1/reviews', { external_id: 'r1', customer_id: 'z1', sku: 'a', rating: 5, reviewed_at: day(5) })
      await api('POST', '/api/v1/reviews', { external_id: 'r2', customer_id: 'z2', sku: 'a', rating: 1, reviewed_at: day(5) })
      await api('POST', '/api/v1/tickets', { external_id: 't1', customer_id: 'z1', channel: 'chat', subject: 'Where is my order', opened_at: day(6) })
      await api('POST', '/api/v1/tickets', { external_id: 't2', customer_id: 'z2', channel: 'chat', subject: 'Other', opened_at: day(6) })
      const id = async (ext: string) => (await api('GET', `/api/v1/customers/by-external/${ext}`)).body.id as number
      z1 = await id('z1')
      z2 = await id('z2')
      z3 = await id('z3')
    })

    test('profile, consents (current = latest per channel and purpose), order summary and top categories', async () => {
      const r = await api('GET', `/api/v1/customers/${z1}/360`)
      assert.equal(r.status, 200, r.text)
      const v = r.body
      assert.equal(v.profile.external_id, 'z1')
      assert.equal(v.consents.history.length, 4)
      const current = v.consents.current.map((c: { channel: string; purpose: string; status: string }) => `${c.channel}/${c.purpose}=${c.status}`).sort()
      assert.deepEqual(current, ['email/marketing=revoked', 'email/newsletter=granted', 'sms/marketing=granted'])
      const s = v.order_summary
      assert.equal(s.orders, 12)
      assert.equal(s.revenue_orders, 11)
      assert.ok(Math.abs(s.revenue - 140) < 1e-9, `revenue ${s.revenue}`)
      assert.ok(Math.abs(s.average_order_value - 140 / 11) < 1e-9)
      assert.equal(s.first_order_at, '2025-01-01T10:00:00.000Z')
      assert.equal(s.last_order_at, '2025-01-12T10:00:00.000Z')
      assert.deepEqual(s.top_categories, [{ category: 'Cat A', revenue: 110, quantity: 11 }, { category: 'Cat B', revenue: 30, quantity: 6 }])
    })

    test('recent orders (10, newest first, with lines), recent events (50), reviews and tickets — of this customer only', async () => {
      const v = (await api('GET', `/api/v1/customers/${z1}/360`)).body
      assert.deepEqual(v.recent_orders.map((o: { external_id: string }) => o.external_id), ['o12', 'o11', 'o10', 'o09', 'o08', 'o07', 'o06', 'o05', 'o04', 'o03'])
      assert.deepEqual(v.recent_orders[9].items.map((i: { sku: string; quantity: number }) => [i.sku, i.quantity]), [['a', 1], ['b', 2]])
      assert.equal(v.recent_events.length, 50)
      assert.equal(v.recent_events[0].external_id, 'ev54')
      assert.equal(v.recent_events[49].external_id, 'ev5')
      assert.deepEqual(v.reviews.map((x: { external_id: string }) => x.external_id), ['r1'])
      assert.deepEqual(v.tickets.map((x: { external_id: string }) => x.external_id), ['t1'])
      const other = (await api('GET', `/api/v1/customers/${z2}/360`)).body
      assert.equal(other.order_summary.revenue, 99)
      assert.deepEqual(other.consents.current.map((c: { status: string }) => c.status), ['revoked'])
    })

    test('the campaigns that reached the customer, newest first, with their opens; not the planned ones, not another customer\'s', async () => {
      const db = ctx().db
      const ws = (await db.query<{ workspace_id: string }>(`SELECT workspace_id FROM customers WHERE id = $1`, [z1]))[0]?.workspace_id
      const camp = async (name: string) => Number((await db.query<{ id: string }>(
        `INSERT INTO campaigns (workspace_id, name, channel, status, variants, created_by) VALUES ($1, $2, 'email', 'done', '[]', 'test') RETURNING id`, [ws, name]))[0]?.id)
      const spring = await camp('Spring')
      const summer = await camp('Summer')
      const add = (c: number, customer: number, state: string, sent: string | null, opened: string | null) => db.query(
        `INSERT INTO campaign_recipients (workspace_id, campaign_id, customer_id, grp, variant, state, sent_at, opened_at) VALUES ($1, $2, $3, 'treated', 'A', $4, $5, $6)`,
        [ws, c, customer, state, sent, opened])
      await add(spring, z1, 'sent', '2026-03-01T08:00:00Z', '2026-03-01T09:00:00Z')
      await add(summer, z1, 'sent', '2026-06-01T08:00:00Z', null)
      await add(summer, z2, 'sent', '2026-06-01T08:00:00Z', null)
      const autumn = await camp('Autumn')
      await add(autumn, z1, 'planned', null, null)
      const v = (await api('GET', `/api/v1/customers/${z1}/360`)).body
      assert.deepEqual(v.campaigns.map((c: { name: string; opened_at: string | null }) => [c.name, c.opened_at]), [['Summer', null], ['Spring', '2026-03-01T09:00:00.000Z']])
    })

    test('a customer with no history gets empty sections; an unknown id is 404', async () => {
      const v = (await api('GET', `/api/v1/customers/${z3}/360`)).body
      assert.deepEqual(v.campaigns, [])
      assert.deepEqual(v.order_summary, { orders: 0, revenue_orders: 0, revenue: 0, average_order_value: null, first_order_at: null, last_order_at: null, top_categories: [] })
      assert.deepEqual([v.recent_orders, v.recent_events, v.reviews, v.tickets, v.consents.history], [[], [], [], [], []])
      assert.equal((await api('GET', '/api/v1/customers/987654/360')).status, 404)
    })

    test('the number of queries does not grow with the history (no N+1)', async () => {
      const counter = { n: 0 }
      const app = buildApp({ db: counting(ctx().db, counter), queue: queueOf(ctx().db), logger: false })
      try {
        attachApp(app, ctx().db)
        const c = client(app, 'c360')
        const per = async (id: number) => {
          counter.n = 0
          assert.equal((await c('GET', `/api/v1/customers/${id}/360`)).status, 200)
          return counter.n
        }
        const busy = await per(z1)
        const empty = await per(z3)
        assert.equal(busy, empty)
        // Sign-in and the view's one statement (customer-360.ts), whatever the history.
        assert.ok(busy <= 2, `${busy} queries`)
      } finally {
        await app.close()
      }
    })
  })
}
