import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { buildApp } from '../../../src/api/build-app.ts'
import { systemActor } from '../../../src/domain/actor.ts'
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../../src/domain/permissions.ts'
import type { RouteInfo } from '../../../src/api/plugins/auth.ts'
import { createApiKey } from '../../../src/services/auth/api-keys.ts'
import { CREDENTIAL_TTL_MS, forgetCredentials } from '../../../src/services/auth/credential-cache.ts'
import { createUser } from '../../../src/services/auth/users.ts'
import type { Db } from '../../../src/store/db.ts'
import { errorOf, workspace, type ApiContext, type Client, queueOf } from '../harness.ts'

/**
 * Attack and permission suites generated from the app's route table (every route registers what it needs
 * there), so a route added tomorrow is covered without touching this file.
 */
export function securitySuite(ctx: () => ApiContext): void {
  describe('security, generated from the route table', () => {
    let app: FastifyInstance
    let db: Db
    let routes: RouteInfo[]
    let a: Client & { id: number }
    let b: Client & { id: number }
    const keys = new Map<Role, string>()
    /** Ids (and natural keys) of workspace A's records, by the route prefix that addresses them. */
    const idsOfA = new Map<string, string>()

    before(async () => {
      app = ctx().app
      db = ctx().db
      routes = app.routeTable.filter((r) => r.url.startsWith('/api/v1'))
      a = await workspace(db, 'sec-a')
      b = await workspace(db, 'sec-b')
      for (const role of ROLES) keys.set(role, (await createApiKey(db, systemActor(a.id), { name: role, role })).key)
      const customer = (await a('POST', '/api/v1/customers', { external_id: 'sa1', email: 'ann@example.com', phone: '+86 138 0013 8000', city: '上海' })).body
      const product = (await a('POST', '/api/v1/products', { sku: 'sa-p1', name: 'Tea', price: 10 })).body
      const order = (await a('POST', '/api/v1/orders', { external_id: 'sa-o1', customer_id: 'sa1', ordered_at: '2025-01-01T00:00:00Z', total: 10, items: [{ sku: 'sa-p1', quantity: 1, unit_price: 10 }] })).body
      const event = (await a('POST', '/api/v1/events', { customer_id: 'sa1', type: 'view', occurred_at: '2025-01-01T00:00:00Z' })).body
      const review = (await a('POST', '/api/v1/reviews', { customer_id: 'sa1', sku: 'sa-p1', rating: 5, reviewed_at: '2025-01-02T00:00:00Z' })).body
      const ticket = (await a('POST', '/api/v1/tickets', { external_id: 'sa-t1', customer_id: 'sa1', channel: 'email', subject: 'Hi', opened_at: '2025-01-03T00:00:00Z' })).body
      const consent = (await a('POST', '/api/v1/consents', { customer_id: 'sa1', channel: 'email', status: 'granted', recorded_at: '2025-01-01T00:00:00Z' })).body
      const segment = (await a('POST', '/api/v1/segments', { name: 'sec segment', tree: { type: 'profile', field: 'city', op: 'is', value: '上海' } })).body
      const campaign = (await a('POST', '/api/v1/campaigns', {
        name: 'sec campaign', channel: 'email', segment_id: segment.id, from_address: 'news@sec.example',
        variants: [{ name: 'A', template: { en: { subject: 'Hi', html: '<a href="{{ unsubscribe_url }}">unsubscribe</a>', text: 'Hi {{ unsubscribe_url }}' } } }],
      })).body
      const article = (await a('POST', '/api/v1/kb/articles', { lang: 'zh', title: '怎么退货？', body: '七天内可退货。' })).body
      const canned = (await a('POST', '/api/v1/desk/canned', { lang: 'en', title: 'Hello', shortcut: '/hello', body: 'Hello {{ customer.name }}' })).body
      const member = await createUser(db, systemActor(a.id), { email: 'sec-member@example.com', name: 'M', role: 'viewer', password: 'long-enough-pw' })
      const [key] = await db.query<{ id: number }>('SELECT id FROM api_keys WHERE workspace_id = $1 ORDER BY id LIMIT 1', [a.id])
      for (const [prefix, id] of Object.entries({
        customers: customer.id, products: product.id, orders: order.id, events: event.id, reviews: review.id, tickets: ticket.id,
        consents: consent.id, members: member.user.id, keys: key?.id, segments: segment.id, campaigns: campaign.id, kb: article.id,
        // Every ticket is a conversation of the desk, under the same id.
        desk: ticket.id,
        // /desk/canned/:id is a canned response, and so is the :cannedId of /desk/conversations/:id/canned/:cannedId/render.
        'desk/canned': canned.id, cannedId: canned.id,
      })) {
        assert.ok(id !== undefined, `workspace A has a ${prefix} record`)
        idsOfA.set(prefix, String(id))
      }
      idsOfA.set('jobs', await queueOf(db).enqueue('workspace.stats', {}, { workspaceId: a.id, actorLabel: 'test' }))
      idsOfA.set('customerId', String(customer.id))
      idsOfA.set('externalId', 'sa1')
      idsOfA.set('sku', 'sa-p1')
    })

    /**
     * A route's URL with its parameters filled by workspace A's records. `:id` is the record of the route's prefix:
     * its first two segments when mapped (`desk/canned`), else its first (`desk`: a conversation).
     */
    const urlFor = (r: RouteInfo): string =>
      r.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
        const parts = r.url.split('/')
        if (name === 'id') return idsOfA.get(parts.slice(3, 5).join('/')) ?? idsOfA.get(parts[3] ?? '') ?? '1'
        return idsOfA.get(name) ?? 'x'
      })

    const call = (r: RouteInfo, headers: Record<string, string>, url = urlFor(r)) =>
      app.inject({
        method: r.method as InjectOptions['method'],
        url,
        headers: { ...headers, ...(['POST', 'PATCH', 'PUT'].includes(r.method) ? { 'content-type': 'application/json' } : {}) },
        ...(['POST', 'PATCH', 'PUT'].includes(r.method) ? { payload: '{}' } : {}),
      })

    test('the route table lists every API route with what it needs', () => {
      assert.ok(routes.length >= 30, `${routes.length} routes`)
      for (const r of routes) assert.ok(r.access, `${r.method} ${r.url}`)
      assert.ok(routes.some((r) => r.url === '/api/v1/auth/login' && r.access === 'public'))
    })

    test('every non-public route answers 401 without credentials, in the one error shape', async () => {
      for (const r of routes.filter((x) => x.access !== 'public')) {
        const res = await call(r, {})
        assert.equal(res.statusCode, 401, `${r.method} ${r.url}: ${res.body}`)
        assert.equal(errorOf({ status: 401, body: JSON.parse(res.body), text: res.body }).code, 'unauthenticated')
      }
    })

    test("a key of each role is let through or refused (403 naming the permission) exactly as the role table says", async () => {
      for (const role of ROLES) {
        const headers = { authorization: `Bearer ${keys.get(role)}` }
        for (const r of routes.filter((x) => x.access !== 'public')) {
          // Reads only, and writes whose body ({}) is refused later by validation: the check is about access.
          if (r.method === 'DELETE' || (r.url.endsWith('/logout'))) continue
          const res = await call(r, headers)
          const allowed = r.access === 'signed-in' || ROLE_PERMISSIONS[role].includes(r.access as never)
          if (allowed) {
            const refused = res.statusCode === 401 || (res.statusCode === 403 && /permission/.test(res.body))
            assert.ok(!refused, `${role} may ${r.method} ${r.url}, got ${res.statusCode} ${res.body}`)
          } else {
            assert.equal(res.statusCode, 403, `${role} may not ${r.method} ${r.url}, got ${res.statusCode} ${res.body}`)
            assert.match(JSON.parse(res.body).error.message, new RegExp(`"${r.access}"`))
          }
        }
      }
    })

    test("workspace B gets 404 for every route that takes workspace A's ids, and nothing of A changes", async () => {
      const snapshot = async () =>
        JSON.stringify(
          await db.query(
            `SELECT (SELECT json_agg(c ORDER BY id) FROM customers c WHERE workspace_id = $1) AS c, (SELECT json_agg(p ORDER BY id) FROM products p WHERE workspace_id = $1) AS p,
                    (SELECT json_agg(o ORDER BY id) FROM orders o WHERE workspace_id = $1) AS o, (SELECT count(*) FROM order_items WHERE workspace_id = $1) AS i,
                    (SELECT count(*) FROM events WHERE workspace_id = $1) AS e, (SELECT count(*) FROM reviews WHERE workspace_id = $1) AS r,
                    (SELECT json_agg(t ORDER BY id) FROM tickets t WHERE workspace_id = $1) AS t, (SELECT count(*) FROM consents WHERE workspace_id = $1) AS cs,
                    (SELECT json_agg(k.revoked_at ORDER BY id) FROM api_keys k WHERE workspace_id = $1) AS k, (SELECT json_agg(m.role ORDER BY user_id) FROM memberships m WHERE workspace_id = $1) AS m,
                    (SELECT json_agg(cv ORDER BY ticket_id) FROM conversations cv WHERE workspace_id = $1) AS cv, (SELECT count(*) FROM ticket_messages WHERE workspace_id = $1) AS tm,
                    (SELECT json_agg(cr ORDER BY id) FROM desk_canned_responses cr WHERE workspace_id = $1) AS cr`,
            [a.id],
          ),
        )
      const before = await snapshot()
      const headers = { authorization: `Bearer ${(await createApiKey(db, systemActor(b.id), { role: 'owner' })).key}` }
      const withIds = routes.filter((r) => /:(id|externalId|sku)\b/.test(r.url))
      assert.ok(withIds.length >= 15, `${withIds.length} routes take ids`)
      for (const r of withIds) {
        // Bodies valid enough to reach the service, which must then not find A's record.
        const body = r.url.startsWith('/api/v1/members') ? '{"role":"viewer"}' : r.url.endsWith('/messages') ? '{"author":"note","body":"x"}' : '{}'
        const res = await app.inject({
          method: r.method as InjectOptions['method'], url: urlFor(r),
          ...(['POST', 'PATCH', 'PUT'].includes(r.method) ? { payload: body, headers: { ...headers, 'content-type': 'application/json' } } : { headers }),
        })
        assert.equal(res.statusCode, 404, `${r.method} ${urlFor(r)} from workspace B: ${res.statusCode} ${res.body}`)
      }
      assert.equal(await snapshot(), before)
    })

    test('SQL-injection strings in every filter, sort and cursor parameter give 400 or an empty result, never a 5xx', async () => {
      const doc = app.swagger() as { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> }
      const attacks = ["' OR '1'='1", "1; DROP TABLE customers; --", "\") OR (\"a\"=\"a", "%' --", "\u0000", "x\u0000y", "1' UNION SELECT email FROM customers --", "-id; SELECT pg_sleep(1)", "$1", "\\"]
      const headers = { authorization: `Bearer ${keys.get('owner')}` }
      let checked = 0
      for (const r of routes.filter((x) => x.method === 'GET')) {
        const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}')
        const params = (doc.paths[path] ?? doc.paths[`${path}/`])?.get?.parameters?.filter((p) => p.in === 'query') ?? []
        for (const p of params) {
          for (const attack of attacks) {
            const url = `${urlFor(r)}?${encodeURIComponent(p.name)}=${encodeURIComponent(attack)}`
            const res = await app.inject({ method: 'GET', url, headers })
            checked++
            assert.ok(res.statusCode < 500, `${url}: ${res.statusCode} ${res.body}`)
            if (res.statusCode === 200 && String(res.headers['content-type']).startsWith('text/csv')) {
              // A CSV export: its header line and no record.
              assert.equal(res.body.trim().split('\n').length, 1, `${url} matched records: ${res.body.slice(0, 200)}`)
            } else if (res.statusCode === 200) {
              const data = (JSON.parse(res.body) as { data?: unknown[] }).data
              assert.ok(Array.isArray(data) && data.length === 0, `${url} matched records: ${res.body.slice(0, 200)}`)
            } else {
              assert.equal(res.statusCode, 400, `${url}: ${res.body}`)
            }
          }
        }
      }
      assert.ok(checked > 200, `${checked} requests`)
    })

    test('e-mail addresses and phone numbers (zh and en formats) sent to every route, in paths, query keys and values and bodies, never reach the log', async () => {
      const lines: string[] = []
      const stream = new Writable({ write(chunk: Buffer, _e, done) { lines.push(chunk.toString('utf8')); done() } })
      const logged = buildApp({ db, queue: queueOf(db), logger: { level: 'trace', stream } })
      await logged.ready()
      const emails = ['probe.person@example.com', '王小明@例子.中国', 'x+tag@sub.example.co.uk']
      const phones = ['+86 138 0013 8000', '138.0013.8007', '138\u30000013\u30008001', '+44 20 7946 0958', '(415) 555-0100', '１３８００１３８００２']
      const headers = { authorization: `Bearer ${keys.get('owner')}`, 'content-type': 'application/json' }
      try {
        for (const r of logged.routeTable.filter((x) => x.url.startsWith('/api/v1'))) {
          for (const [i, secret] of [...emails, ...phones].entries()) {
            const path = r.url.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(secret))
            const url = `${path}?${encodeURIComponent(secret)}=1&q=${encodeURIComponent(secret)}&city=${i % 2 ? secret : encodeURIComponent(secret)}`
            const body = ['POST', 'PATCH', 'PUT'].includes(r.method) ? { payload: JSON.stringify({ email: secret, phone: secret, name: secret, external_id: secret }) } : {}
            const res = await logged.inject({ method: r.method as InjectOptions['method'], url, headers, ...body })
            assert.ok(res.statusCode < 500, `${r.method} ${url}: ${res.statusCode}`)
          }
        }
      } finally {
        await logged.close()
      }
      const log = lines.join('')
      assert.ok(lines.length > 100, `${lines.length} log lines`)
      const needles = [
        ...emails.flatMap((e) => [e, encodeURIComponent(e), e.split('@')[0] as string]),
        ...phones.flatMap((p) => [p, encodeURIComponent(p)]),
        '138 0013', '138.0013', '0013\u30008001', '7946 0958', '555-0100', '１３８００',
      ]
      for (const n of needles) assert.ok(!log.includes(n), `"${n}" reached the log: ${lines.find((l) => l.includes(n))?.slice(0, 300)}`)
    })

    test('forged, expired and revoked credentials are 401; an unknown query parameter is 400 naming it', async () => {
      const list = '/api/v1/customers'
      const forged = [
        { authorization: 'Bearer rk_AAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
        { authorization: 'Bearer not-a-key' },
        { authorization: 'Basic YWRtaW46YWRtaW4=' },
        { cookie: 'rapport_session=forgedforgedforgedforgedforged' },
      ]
      for (const h of forged) assert.equal((await app.inject({ url: list, headers: h })).statusCode, 401, JSON.stringify(h))
      const expiring = await createApiKey(db, systemActor(a.id), { role: 'owner', expiresInDays: 1 })
      assert.equal((await app.inject({ url: list, headers: { authorization: `Bearer ${expiring.key}` } })).statusCode, 200)
      await db.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE workspace_id = $1 AND id = $2`, [a.id, expiring.apiKey.id])
      // A change made behind the server's back (SQL, another process) is seen once the credential cache's
      // entry is gone: at once here, within CREDENTIAL_TTL_MS in general (the next test).
      forgetCredentials()
      assert.equal((await app.inject({ url: list, headers: { authorization: `Bearer ${expiring.key}` } })).statusCode, 401)
      const revoked = await createApiKey(db, systemActor(a.id), { role: 'owner' })
      assert.equal((await a('DELETE', `/api/v1/keys/${revoked.apiKey.id}`)).status, 200)
      assert.equal((await app.inject({ url: list, headers: { authorization: `Bearer ${revoked.key}` } })).statusCode, 401)
      const unknown = await a('GET', `${list}?colour=red`)
      assert.equal(unknown.status, 400)
      assert.match(JSON.stringify(errorOf(unknown)), /colour/)
    })

    test('a key revoked by another process (directly in the database) is refused once the credential cache TTL has passed', async () => {
      const list = '/api/v1/customers'
      const k = await createApiKey(db, systemActor(a.id), { role: 'owner' })
      assert.equal((await app.inject({ url: list, headers: { authorization: `Bearer ${k.key}` } })).statusCode, 200)
      await db.query('UPDATE api_keys SET revoked_at = now() WHERE workspace_id = $1 AND id = $2', [a.id, k.apiKey.id])
      await new Promise((r) => setTimeout(r, CREDENTIAL_TTL_MS + 50))
      assert.equal((await app.inject({ url: list, headers: { authorization: `Bearer ${k.key}` } })).statusCode, 401)
    })

    test('sessions: sign-in sets an HTTP-only cookie; a cookie write without the CSRF token is 403; an expired session is 401; sign-out ends it', async () => {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'sec-member@example.com', password: 'long-enough-pw' } })
      assert.equal(login.statusCode, 200, login.body)
      const setCookie = String(login.headers['set-cookie'])
      assert.match(setCookie, /rapport_session=[^;]+;.*HttpOnly/i)
      assert.match(setCookie, /SameSite=Lax/i)
      const cookie = setCookie.split(';')[0] as string
      const csrf = JSON.parse(login.body).csrf_token as string
      assert.equal((await app.inject({ url: '/api/v1/customers', headers: { cookie } })).statusCode, 200)
      const noCsrf = await app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie }, payload: { locale: 'zh-CN' } })
      assert.equal(noCsrf.statusCode, 403)
      assert.match(JSON.parse(noCsrf.body).error.message, /x-csrf-token/)
      const wrongCsrf = await app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie, 'x-csrf-token': 'nope' }, payload: { locale: 'zh-CN' } })
      assert.equal(wrongCsrf.statusCode, 403)
      const ok = await app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie, 'x-csrf-token': csrf }, payload: { locale: 'zh-CN' } })
      assert.equal(ok.statusCode, 200)
      assert.equal(JSON.parse(ok.body).locale, 'zh-CN')
      const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })
      assert.equal(out.statusCode, 204)
      assert.equal((await app.inject({ url: '/api/v1/customers', headers: { cookie } })).statusCode, 401)
      const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'SEC-member@example.com', password: 'long-enough-pw' } })
      const cookie2 = String(again.headers['set-cookie']).split(';')[0] as string
      await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second'`)
      assert.equal((await app.inject({ url: '/api/v1/customers', headers: { cookie: cookie2 } })).statusCode, 401)
    })

    test('repeated wrong passwords lock the address, with the same message as a wrong password and as an unknown address', async () => {
      await createUser(db, systemActor(a.id), { email: 'lock-me@example.com', name: 'L', role: 'viewer', password: 'right-password-1' })
      const attempt = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
      const first = await attempt('lock-me@example.com', 'wrong')
      assert.equal(first.statusCode, 401)
      const wrongMessage = JSON.parse(first.body).error.message as string
      const unknown = await attempt('nobody-here@example.com', 'wrong')
      assert.equal(JSON.parse(unknown.body).error.message, wrongMessage)
      for (let i = 0; i < 4; i++) assert.equal((await attempt('lock-me@example.com', 'wrong')).statusCode, 401)
      const locked = await attempt('lock-me@example.com', 'right-password-1')
      assert.equal(locked.statusCode, 401, 'the right password is refused while locked')
      assert.equal(JSON.parse(locked.body).error.message, wrongMessage)
      const [row] = await db.query<{ failures: number; locked: boolean }>(`SELECT failures, locked_until > now() AS locked FROM login_throttle WHERE email_key = 'lock-me@example.com'`)
      assert.equal(row?.locked, true)
      const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE workspace_id = $1 AND action = 'login_failed'`, [a.id])
      assert.ok(Number(audit[0]?.n) >= 6, 'failed sign-ins are audited')
    })

    test('a viewer sees e-mails and phones masked in every response and export; a write answers 403 naming customers:write', async () => {
      const viewer = { authorization: `Bearer ${keys.get('viewer')}` }
      const list = JSON.parse((await app.inject({ url: '/api/v1/customers', headers: viewer })).body)
      assert.equal(list.data[0].email, 'a***@e***.com')
      assert.equal(list.data[0].phone, '+86*******8000')
      const id = idsOfA.get('customers')
      const v360 = JSON.parse((await app.inject({ url: `/api/v1/customers/${id}/360`, headers: viewer })).body)
      assert.equal(v360.profile.email, 'a***@e***.com')
      const create = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: viewer, payload: { external_id: 'v1' } })
      assert.equal(create.statusCode, 403)
      assert.match(JSON.parse(create.body).error.message, /customers:write/)
      const marketer = { authorization: `Bearer ${keys.get('marketer')}` }
      assert.equal(JSON.parse((await app.inject({ url: '/api/v1/customers', headers: marketer })).body).data[0].email, 'ann@example.com')
    })

    test('writes through the API leave audit rows naming the key, with personal values redacted; GET /audit filters them', async () => {
      const r = await a('PATCH', `/api/v1/customers/${idsOfA.get('customers')}`, { city: '北京', email: 'new@example.com' })
      assert.equal(r.status, 200)
      const audit = await a('GET', `/api/v1/audit?entity=customers&action=update&entity_id=${idsOfA.get('customers')}`)
      assert.equal(audit.status, 200)
      const row = audit.body.data[0]
      assert.match(row.actor_label, /^key:/)
      assert.deepEqual(row.changes.city, { before: '上海', after: '北京' })
      assert.deepEqual(row.changes.email, { before: '[redacted]', after: '[redacted]' })
      assert.ok(!JSON.stringify(audit.body).includes('new@example.com'))
      const creates = await a('GET', '/api/v1/audit?action=create&limit=500')
      const entities = new Set(creates.body.data.map((x: { entity: string }) => x.entity))
      for (const e of ['customers', 'products', 'orders', 'events', 'reviews', 'tickets', 'consents', 'users']) assert.ok(entities.has(e), `a create of ${e} is audited`)
      assert.equal((await a('GET', '/api/v1/audit?limit=0')).status, 400)
    })
  })
}
