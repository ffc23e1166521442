import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { authHeaders, errorOf, workspace, type Client } from '../harness.ts'
import type { ApiContext } from '../harness.ts'

export function customerSuite(ctx: () => ApiContext): void {
  describe('customers', () => {
    let api: Client
    let other: Client
    before(async () => {
      api = await workspace(ctx().db, 'cust')
      other = await workspace(ctx().db, 'cust-other')
    })

    test('create returns 201 with the internal id and the stored fields; read and by-external find it', async () => {
      const r = await api('POST', '/api/v1/customers', {
        external_id: 'c1', name: 'Ann Lee', email: 'Ann@Example.com', country: 'GB', city: 'London', tags: ['vip', 'news'],
        signup_at: '2024-03-01T09:00:00Z', birth_date: '1990-05-06', attributes: { tier: 2 },
      })
      assert.equal(r.status, 201)
      assert.equal(typeof r.body.id, 'number')
      assert.equal(r.body.external_id, 'c1')
      assert.deepEqual(r.body.tags, ['vip', 'news'])
      assert.deepEqual(r.body.attributes, { tier: 2 })
      assert.equal(r.body.signup_at, '2024-03-01T09:00:00.000Z')
      assert.equal(r.body.birth_date, '1990-05-06')
      assert.equal(r.body.phone, null)
      const got = await api('GET', `/api/v1/customers/${r.body.id}`)
      assert.equal(got.status, 200)
      assert.deepEqual(got.body, r.body)
      const byExt = await api('GET', '/api/v1/customers/by-external/c1')
      assert.equal(byExt.body.id, r.body.id)
    })

    test('a duplicate external id is 409 conflict; bad fields are 400 with their paths', async () => {
      const dup = await api('POST', '/api/v1/customers', { external_id: 'c1' })
      assert.equal(dup.status, 409)
      assert.equal(errorOf(dup).code, 'conflict')
      const bad = await api('POST', '/api/v1/customers', { external_id: '', email: 'not-an-email', country: 'gbr' })
      assert.equal(bad.status, 400)
      const e = errorOf(bad)
      assert.equal(e.code, 'validation_failed')
      assert.deepEqual(e.details?.map((d) => d.path).sort(), ['body.country', 'body.email', 'body.external_id'])
    })

    test('unknown ids are 404 not_found; a non-numeric id is 400', async () => {
      assert.equal(errorOf(await api('GET', '/api/v1/customers/999999')).code, 'not_found')
      assert.equal((await api('GET', '/api/v1/customers/999999')).status, 404)
      assert.equal((await api('PATCH', '/api/v1/customers/999999', { name: 'x' })).status, 404)
      assert.equal((await api('DELETE', '/api/v1/customers/999999')).status, 404)
      assert.equal((await api('GET', '/api/v1/customers/by-external/nobody')).status, 404)
      const nan = await api('GET', '/api/v1/customers/abc')
      assert.equal(nan.status, 400)
      assert.equal(errorOf(nan).details?.[0]?.path, 'params.id')
    })

    test('PATCH changes the given fields, null clears one, and the result is validated whole', async () => {
      const c = (await api('GET', '/api/v1/customers/by-external/c1')).body
      const r = await api('PATCH', `/api/v1/customers/${c.id}`, { city: 'Leeds', email: null, tags: ['vip'] })
      assert.equal(r.status, 200)
      assert.equal(r.body.city, 'Leeds')
      assert.equal(r.body.email, null)
      assert.deepEqual(r.body.tags, ['vip'])
      assert.equal(r.body.name, 'Ann Lee', 'untouched fields keep their value')
      assert.ok(r.body.updated_at >= c.updated_at)
      const bad = await api('PATCH', `/api/v1/customers/${c.id}`, { gender: 'robot' })
      assert.equal(bad.status, 400)
      assert.equal(errorOf(bad).details?.[0]?.path, 'body.gender')
      const clearKey = await api('PATCH', `/api/v1/customers/${c.id}`, { external_id: null })
      assert.equal(clearKey.status, 400, 'a natural key cannot be cleared')
      await api('POST', '/api/v1/customers', { external_id: 'c-taken' })
      const taken = await api('PATCH', `/api/v1/customers/${c.id}`, { external_id: 'c-taken' })
      assert.equal(taken.status, 409)
    })

    test('list filters: email (any case), city, country, tag, q prefix, signup range', async () => {
      const more = [
        { external_id: 'f1', name: 'Bob Stone', email: 'bob@example.com', city: 'Paris', country: 'FR', tags: ['news'], signup_at: '2024-01-10T00:00:00Z' },
        { external_id: 'f2', name: 'Bea Moss', email: 'bea@example.org', city: 'Paris', country: 'FR', signup_at: '2024-02-10T00:00:00Z' },
        { external_id: 'f3', name: '陈伟', email: 'chen@example.cn', city: '上海', country: 'CN', tags: ['vip'], signup_at: '2024-03-10T00:00:00Z' },
      ]
      for (const m of more) assert.equal((await api('POST', '/api/v1/customers', m)).status, 201)
      const ids = async (qs: string) => ((await api('GET', `/api/v1/customers?${qs}`)).body.data as Array<{ external_id: string }>).map((c) => c.external_id).sort()
      assert.deepEqual(await ids('email=BOB@example.COM'), ['f1'])
      assert.deepEqual(await ids('city=Paris'), ['f1', 'f2'])
      assert.deepEqual(await ids(`city=${encodeURIComponent('上海')}`), ['f3'])
      assert.deepEqual(await ids('country=fr'), ['f1', 'f2'])
      assert.deepEqual(await ids('tag=vip'), ['c1', 'f3'])
      assert.deepEqual(await ids('q=b'), ['f1', 'f2'])
      assert.deepEqual(await ids('q=bea%40'), ['f2'])
      assert.deepEqual(await ids('q=%25'), [], 'a % in q matches itself, not everything')
      // c1 signed up on 2024-03-01; the upper bound is exclusive, so f3 (2024-03-10) is out.
      assert.deepEqual(await ids('signed_up_from=2024-02-01&signed_up_to=2024-03-10T00:00:00Z'), ['c1', 'f2'])
      assert.deepEqual(await ids('city=Paris&q=bo'), ['f1'])
      const bad = await api('GET', '/api/v1/customers?signed_up_from=yesterday')
      assert.equal(bad.status, 400)
      assert.equal(errorOf(bad).details?.[0]?.path, 'query.signed_up_from')
    })

    test('workspaces are isolated: another workspace sees none of these records; an unknown one is 404', async () => {
      const mine = (await api('GET', '/api/v1/customers/by-external/f1')).body
      assert.equal((await other('GET', '/api/v1/customers')).body.data.length, 0)
      assert.equal((await other('GET', `/api/v1/customers/${mine.id}`)).status, 404)
      assert.equal((await other('DELETE', `/api/v1/customers/${mine.id}`)).status, 404)
      assert.equal((await other('POST', '/api/v1/customers', { external_id: 'f1' })).status, 201, 'external ids are unique per workspace only')
      const ghost = await ctx().app.inject({ url: '/api/v1/customers', headers: { ...authHeaders(ctx().app, 'cust'), 'x-rapport-workspace': 'no-such-ws' } })
      assert.equal(ghost.statusCode, 404)
      assert.deepEqual(JSON.parse(ghost.body), { error: { code: 'not_found', message: 'workspace "no-such-ws" not found' } })
    })

    test('has_orders selects customers with or without orders; the CSV export takes the same filters', async () => {
      for (const [id, city] of [['ho-1', 'Hull'], ['ho-2', 'Hull'], ['ho-3', 'York']] as const) {
        assert.equal((await api('POST', '/api/v1/customers', { external_id: id, city, email: `${id}@example.com` })).status, 201)
      }
      const order = await api('POST', '/api/v1/orders', { external_id: 'ho-o1', customer_id: 'ho-1', ordered_at: '2024-05-01T10:00:00Z', total: 10 })
      assert.equal(order.status, 201)
      const ids = async (q: string) => ((await api('GET', `/api/v1/customers?${q}`)).body.data as Array<{ external_id: string }>).map((c) => c.external_id).sort()
      assert.deepEqual(await ids('city=Hull&has_orders=true'), ['ho-1'])
      assert.deepEqual(await ids('city=Hull&has_orders=false'), ['ho-2'])
      const csv = await api('GET', '/api/v1/customers/export?city=Hull')
      assert.equal(csv.status, 200)
      assert.match(String(csv.text.split('\n')[0]), /^external_id,name,email,/)
      const lines = csv.text.trim().split('\n').slice(1)
      assert.deepEqual(lines.map((l) => l.split(',')[0]).sort(), ['ho-1', 'ho-2'])
      assert.ok(csv.text.includes('ho-1@example.com'), 'an owner sees e-mail addresses')
      const none = await api('GET', '/api/v1/customers/export?city=Hull&has_orders=true&country=FR')
      assert.equal(none.text.trim().split('\n').length, 1, 'only the header when nothing matches')
      assert.equal((await other('GET', '/api/v1/customers/export?city=Hull')).text.trim().split('\n').length, 1, 'another workspace exports none of them')
      assert.equal((await api('GET', '/api/v1/customers/export?bogus=1')).status, 400)
    })

    test('DELETE is 204 and removes the customer', async () => {
      const c = (await api('GET', '/api/v1/customers/by-external/f2')).body
      const r = await api('DELETE', `/api/v1/customers/${c.id}`)
      assert.equal(r.status, 204)
      assert.equal(r.text, '')
      assert.equal((await api('GET', `/api/v1/customers/${c.id}`)).status, 404)
    })
  })
}
