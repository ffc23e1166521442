import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { systemActor } from '../../../src/domain/actor.ts'
import { createApiKey } from '../../../src/services/auth/api-keys.ts'
import { errorOf, workspace, type ApiContext, type Client, type Reply } from '../harness.ts'

/**
 * Canned responses over HTTP: create (201), list with filters, read, change, delete (204) with audit rows; the
 * error shape of an unknown merge field, a bad or duplicate shortcut and an include; rendering for a conversation
 * (text and missing fields); another workspace's ids; roles.
 */
export function deskCannedSuite(ctx: () => ApiContext): void {
  describe('canned responses API', () => {
    let api: Client & { id: number }
    let other: Client & { id: number }
    let conversation = 0
    let bareConversation = 0
    let otherConversation = 0
    before(async () => {
      api = await workspace(ctx().db, 'canned-api-a')
      other = await workspace(ctx().db, 'canned-api-b')
      const open = async (c: Client, customer: Record<string, unknown>, subject: string): Promise<number> => {
        const made = await c('POST', '/api/v1/customers', customer)
        assert.equal(made.status, 201, made.text)
        const opened = await c('POST', '/api/v1/desk/conversations', { customer_internal_id: made.body.id, subject, body: 'Hello?', channel: 'email' })
        assert.equal(opened.status, 201, opened.text)
        return opened.body.id as number
      }
      conversation = await open(api, { external_id: 'cr1', name: 'Ada Lovelace', email: 'ada@example.com' }, 'Late parcel')
      bareConversation = await open(api, { external_id: 'cr2', name: '王小明' }, '包裹')
      otherConversation = await open(other, { external_id: 'cr1', name: 'Other' }, 'Other')
    })

    const as = async (role: 'viewer' | 'agent') => {
      const { key } = await createApiKey(ctx().db, systemActor(api.id), { name: role, role })
      return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<Reply> =>
        ctx().app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload === undefined ? {} : { payload: payload as object }) })
          .then((res) => ({ status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, text: res.body }))
    }

    test('create (201), list by language and text, read, change and delete (204), each audited', async () => {
      const created = await api('POST', '/api/v1/desk/canned', { lang: 'en', title: 'Late parcel', shortcut: '/late', body: 'Sorry {{ customer.first_name | default: "there" }}!' })
      assert.equal(created.status, 201, created.text)
      const c = created.body
      assert.deepEqual([c.lang, c.title, c.shortcut, c.body], ['en', 'Late parcel', '/late', 'Sorry {{ customer.first_name | default: "there" }}!'])
      assert.match(c.created_by, /^key:/)
      const zh = (await api('POST', '/api/v1/desk/canned', { lang: 'zh', title: '延误', body: '{{ customer.name }}您好，抱歉。' })).body
      assert.equal(zh.shortcut, null)

      const all = await api('GET', '/api/v1/desk/canned')
      assert.equal(all.status, 200)
      assert.deepEqual(all.body.data.map((x: { id: number }) => x.id), [c.id, zh.id])
      assert.equal(all.body.next_cursor, null)
      assert.deepEqual((await api('GET', '/api/v1/desk/canned?lang=zh')).body.data.map((x: { id: number }) => x.id), [zh.id])
      assert.deepEqual((await api('GET', `/api/v1/desk/canned?q=${encodeURIComponent('/lat')}`)).body.data.map((x: { id: number }) => x.id), [c.id])
      const paged = await api('GET', '/api/v1/desk/canned?limit=1&sort=-updated_at')
      assert.equal(paged.body.data.length, 1)
      assert.equal((await api('GET', `/api/v1/desk/canned?limit=1&sort=-updated_at&cursor=${encodeURIComponent(paged.body.next_cursor)}`)).body.data.length, 1)
      const badLang = await api('GET', '/api/v1/desk/canned?lang=fr')
      assert.equal(badLang.status, 400)
      assert.deepEqual(errorOf(badLang).details?.map((d) => d.path), ['query.lang'])

      assert.equal((await api('GET', `/api/v1/desk/canned/${c.id}`)).body.title, 'Late parcel')
      const changed = await api('PATCH', `/api/v1/desk/canned/${c.id}`, { title: 'Parcel is late', shortcut: null })
      assert.equal(changed.status, 200, changed.text)
      assert.deepEqual([changed.body.title, changed.body.shortcut], ['Parcel is late', null])
      assert.equal((await api('DELETE', `/api/v1/desk/canned/${c.id}`)).status, 204)
      const gone = await api('GET', `/api/v1/desk/canned/${c.id}`)
      assert.equal(gone.status, 404)
      assert.equal(errorOf(gone).code, 'not_found')
      assert.equal((await api('DELETE', `/api/v1/desk/canned/${c.id}`)).status, 404)
      const audit = await api('GET', `/api/v1/audit?entity=desk_canned_responses&entity_id=${c.id}`)
      assert.deepEqual(audit.body.data.map((r: { action: string }) => r.action).sort(), ['create', 'delete', 'update'])
      assert.equal((await api('DELETE', `/api/v1/desk/canned/${zh.id}`)).status, 204)
    })

    test('bad input is 400 naming the field; an unknown merge field names itself and the allowed ones; a duplicate shortcut is 409', async () => {
      const unknown = await api('POST', '/api/v1/desk/canned', { lang: 'en', title: 'Typo', body: 'Hi {{ customer.nmae }}' })
      assert.equal(unknown.status, 400)
      const e = errorOf(unknown)
      assert.equal(e.code, 'validation_failed')
      assert.deepEqual(e.details?.map((d) => d.path), ['body.body'])
      assert.match(e.details?.[0]?.message ?? '', /unknown merge field "customer\.nmae"; the merge fields are customer\.name, customer\.first_name, customer\.email, agent\.name, conversation\.id, conversation\.subject, workspace\.name/)
      const include = await api('POST', '/api/v1/desk/canned', { lang: 'en', title: 'Include', body: "{% include 'x' %}" })
      assert.equal(include.status, 400)
      assert.match(errorOf(include).details?.[0]?.message ?? '', /unknown tag "include"/)

      for (const [payload, path] of [
        [{ lang: 'en', title: 'Bad', shortcut: '/Bad', body: 'x' }, 'body.shortcut'],
        [{ lang: 'fr', title: 'Bad', body: 'x' }, 'body.lang'],
        [{ lang: 'en', title: '', body: 'x' }, 'body.title'],
        [{ lang: 'en', title: 'Bad', body: 'x'.repeat(10_001) }, 'body.body'],
      ] as const) {
        const r = await api('POST', '/api/v1/desk/canned', payload)
        assert.equal(r.status, 400, JSON.stringify(payload))
        assert.deepEqual(errorOf(r).details?.map((d) => d.path), [path])
      }
      assert.equal((await api('POST', '/api/v1/desk/canned', { lang: 'en', title: 'x', body: 'x', colour: 'red' })).status, 400)

      const first = await api('POST', '/api/v1/desk/canned', { lang: 'en', title: 'Refund', shortcut: '/refund', body: 'Refunded.' })
      assert.equal(first.status, 201)
      const second = await api('POST', '/api/v1/desk/canned', { lang: 'zh', title: '退款', shortcut: '/refund', body: '已退款。' })
      assert.equal(second.status, 409)
      assert.deepEqual([errorOf(second).code, errorOf(second).details?.map((d) => d.path)], ['conflict', ['body.shortcut']])
      const third = (await api('POST', '/api/v1/desk/canned', { lang: 'zh', title: '退款', shortcut: '/tuikuan', body: '已退款。' })).body
      const clash = await api('PATCH', `/api/v1/desk/canned/${third.id}`, { shortcut: '/refund' })
      assert.equal(clash.status, 409)
      const badPatch = await api('PATCH', `/api/v1/desk/canned/${third.id}`, { body: '{{ agent.email }}' })
      assert.equal(badPatch.status, 400)
      assert.deepEqual(errorOf(badPatch).details?.map((d) => d.path), ['body.body'])
      assert.equal((await api('GET', '/api/v1/desk/canned/abc')).status, 400)
      assert.equal((await api('GET', '/api/v1/desk/canned/999999')).status, 404)
      for (const c of [first.body, third]) assert.equal((await api('DELETE', `/api/v1/desk/canned/${c.id}`)).status, 204)
    })

    test('render fills the merge fields for a conversation and lists the empty ones', async () => {
      const c = (await api('POST', '/api/v1/desk/canned', {
        lang: 'en', title: 'All', body: 'Hi {{ customer.first_name }} <{{ customer.email }}>, {{ agent.name }} here about #{{ conversation.id }} "{{ conversation.subject }}" ({{ workspace.name | upcase }})',
      })).body
      const r = await api('POST', `/api/v1/desk/conversations/${conversation}/canned/${c.id}/render`)
      assert.equal(r.status, 200, r.text)
      assert.deepEqual(Object.keys(r.body).sort(), ['missing', 'text'])
      assert.match(r.body.text, new RegExp(`^Hi Ada <ada@example\\.com>, key:\\S+ here about #${conversation} "Late parcel" \\(CANNED-API-A\\)$`))
      assert.deepEqual(r.body.missing, [])
      const bare = await api('POST', `/api/v1/desk/conversations/${bareConversation}/canned/${c.id}/render`)
      assert.equal(bare.status, 200)
      assert.match(bare.body.text, /^Hi 王小明 <>, /)
      assert.deepEqual(bare.body.missing, ['customer.email'])
      assert.equal((await api('POST', `/api/v1/desk/conversations/999999/canned/${c.id}/render`)).status, 404)
      const noCanned = await api('POST', `/api/v1/desk/conversations/${conversation}/canned/999999/render`)
      assert.equal(noCanned.status, 404)
      assert.match(errorOf(noCanned).message, /canned response 999999/)
      assert.equal((await api('POST', `/api/v1/desk/conversations/${conversation}/canned/x/render`)).status, 400)
      assert.equal((await api('DELETE', `/api/v1/desk/canned/${c.id}`)).status, 204)
    })

    test("another workspace's responses and conversations are 404 for every route", async () => {
      const mine = (await api('POST', '/api/v1/desk/canned', { lang: 'en', title: 'Internal only', body: 'Secret {{ customer.name }}' })).body
      const theirs = (await other('POST', '/api/v1/desk/canned', { lang: 'en', title: 'Theirs', body: 'Theirs' })).body
      for (const [method, payload] of [['GET', undefined], ['PATCH', { title: 'Taken' }], ['DELETE', undefined]] as const) {
        const r = await other(method, `/api/v1/desk/canned/${mine.id}`, payload)
        assert.equal(r.status, 404, `${method}: ${r.text}`)
        assert.equal(errorOf(r).code, 'not_found')
      }
      for (const [client, conv, canned] of [[other, conversation, theirs.id], [other, otherConversation, mine.id], [api, otherConversation, mine.id], [api, conversation, theirs.id]] as const) {
        const r = await client('POST', `/api/v1/desk/conversations/${conv}/canned/${canned}/render`)
        assert.equal(r.status, 404, r.text)
      }
      assert.ok(!(await other('GET', '/api/v1/desk/canned?q=Secret')).text.includes('Secret'))
      assert.equal((await api('GET', `/api/v1/desk/canned/${mine.id}`)).body.title, 'Internal only')
      assert.equal((await api('DELETE', `/api/v1/desk/canned/${mine.id}`)).status, 204)
      assert.equal((await other('DELETE', `/api/v1/desk/canned/${theirs.id}`)).status, 204)
    })

    test('roles: a viewer reads but may not write or render (403 naming desk:reply); an agent does both', async () => {
      const viewer = await as('viewer')
      const agent = await as('agent')
      const made = await agent('POST', '/api/v1/desk/canned', { lang: 'en', title: 'Agent wrote this', body: 'Hi {{ customer.first_name }}' })
      assert.equal(made.status, 201, made.text)
      assert.equal((await viewer('GET', '/api/v1/desk/canned')).status, 200)
      assert.equal((await viewer('GET', `/api/v1/desk/canned/${made.body.id}`)).status, 200)
      for (const [method, url, payload] of [
        ['POST', '/api/v1/desk/canned', { lang: 'en', title: 'Viewer', body: 'x' }],
        ['PATCH', `/api/v1/desk/canned/${made.body.id}`, { title: 'Viewer' }],
        ['DELETE', `/api/v1/desk/canned/${made.body.id}`, undefined],
        ['POST', `/api/v1/desk/conversations/${conversation}/canned/${made.body.id}/render`, undefined],
      ] as const) {
        const r = await viewer(method, url, payload)
        assert.equal(r.status, 403, `${method} ${url}`)
        assert.equal(errorOf(r).code, 'forbidden')
        assert.match(errorOf(r).message, /"desk:reply"/)
      }
      const rendered = await agent('POST', `/api/v1/desk/conversations/${conversation}/canned/${made.body.id}/render`)
      assert.deepEqual(rendered.body, { text: 'Hi Ada', missing: [] })
      assert.equal((await agent('DELETE', `/api/v1/desk/canned/${made.body.id}`)).status, 204)
    })
  })
}
