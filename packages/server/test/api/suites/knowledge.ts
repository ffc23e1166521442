import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { systemActor } from '../../../src/domain/actor.ts'
import { createApiKey } from '../../../src/services/auth/api-keys.ts'
import { KB_IMPORT_MAX_BYTES } from '../../../src/services/knowledge/kb-import.ts'
import { errorOf, workspace, type ApiContext, type Client } from '../harness.ts'

/**
 * The knowledge base over HTTP: articles (create with an ETag, filters, If-Match, publish, delete), another
 * workspace's ids, roles, and the CSV import (all or nothing, errors naming line and column, re-import idempotent).
 */
export function knowledgeSuite(ctx: () => ApiContext): void {
  describe('knowledge base API', () => {
    let api: Client & { id: number }
    let other: Client & { id: number }
    const csv = { 'content-type': 'text/csv; charset=utf-8' }
    before(async () => {
      api = await workspace(ctx().db, 'kb-a')
      other = await workspace(ctx().db, 'kb-b')
    })

    test('articles: create (201 with ETag), read, filter, publish with If-Match (a stale one is 412), delete', async () => {
      const created = await api('POST', '/api/v1/kb/articles', { lang: 'zh', category: '配送', title: '多久发货？', body: '<p>24 小时内发货。</p>' })
      assert.equal(created.status, 201, created.text)
      const a = created.body
      assert.deepEqual([a.status, a.version, a.category, a.body], ['draft', 1, '配送', '<p>24 小时内发货。</p>'])
      const read = await ctx().app.inject({ url: `/api/v1/kb/articles/${a.id}`, headers: { authorization: (await keyHeader(ctx, api.id, 'viewer')).authorization } })
      assert.equal(read.statusCode, 200)
      const etag = String(read.headers.etag)
      assert.match(etag, /^"kb-\d+-v1"$/)

      await api('POST', '/api/v1/kb/articles', { lang: 'en', title: 'How long does shipping take?', body: 'Two to five days.', status: 'published' })
      const zh = await api('GET', '/api/v1/kb/articles?lang=zh')
      assert.deepEqual(zh.body.data.map((x: { id: number }) => x.id), [a.id])
      const found = await api('GET', `/api/v1/kb/articles?q=${encodeURIComponent('发货')}&status=draft`)
      assert.deepEqual(found.body.data.map((x: { id: number }) => x.id), [a.id])
      assert.equal((await api('GET', '/api/v1/kb/articles?status=published')).body.data.length, 1)
      assert.equal((await api('GET', '/api/v1/kb/articles?lang=fr')).status, 400)

      const published = await api('PATCH', `/api/v1/kb/articles/${a.id}`, { status: 'published' }, { 'if-match': etag })
      assert.equal(published.status, 200, published.text)
      assert.deepEqual([published.body.status, published.body.version], ['published', 2])
      const stale = await api('PATCH', `/api/v1/kb/articles/${a.id}`, { title: 'Stale' }, { 'if-match': etag })
      assert.equal(stale.status, 412)
      assert.equal(errorOf(stale).code, 'precondition_failed')
      const tooLong = await api('PATCH', `/api/v1/kb/articles/${a.id}`, { body: 'x'.repeat(20_001) })
      assert.equal(tooLong.status, 400)
      assert.deepEqual(errorOf(tooLong).details?.map((d) => d.path), ['body.body'])
      assert.equal((await api('DELETE', `/api/v1/kb/articles/${a.id}`, undefined, { 'if-match': etag })).status, 412)
      assert.equal((await api('DELETE', `/api/v1/kb/articles/${a.id}`)).status, 204)
      assert.equal((await api('GET', `/api/v1/kb/articles/${a.id}`)).status, 404)
      const audit = await api('GET', `/api/v1/audit?entity=kb_articles&entity_id=${a.id}`)
      assert.deepEqual(audit.body.data.map((r: { action: string }) => r.action).sort(), ['create', 'delete', 'update'])
    })

    test("another workspace's article is 404 for read, change and delete, and is not listed", async () => {
      const mine = (await api('POST', '/api/v1/kb/articles', { lang: 'en', title: 'Internal only', body: 'Secret answer' })).body
      for (const [method, payload] of [['GET', undefined], ['PATCH', { title: 'Taken' }], ['DELETE', undefined]] as const) {
        const r = await other(method, `/api/v1/kb/articles/${mine.id}`, payload)
        assert.equal(r.status, 404, `${method}: ${r.text}`)
      }
      assert.ok(!(await other('GET', '/api/v1/kb/articles?q=Secret')).text.includes('Secret answer'))
      assert.equal((await api('GET', `/api/v1/kb/articles/${mine.id}`)).body.title, 'Internal only')
    })

    test('roles: a viewer reads but may not write (403 naming kb:write); an agent writes', async () => {
      const viewer = await keyHeader(ctx, api.id, 'viewer')
      const agent = await keyHeader(ctx, api.id, 'agent')
      const body = { lang: 'en', title: 'Agent wrote this?', body: 'Yes.' }
      const refused = await ctx().app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: viewer, payload: body })
      assert.equal(refused.statusCode, 403)
      assert.match(JSON.parse(refused.body).error.message, /"kb:write"/)
      const refusedImport = await ctx().app.inject({ method: 'POST', url: '/api/v1/kb/articles/import', headers: { ...viewer, ...csv }, payload: 'question,answer,language\nq,a,en\n' })
      assert.equal(refusedImport.statusCode, 403)
      assert.equal((await ctx().app.inject({ method: 'POST', url: '/api/v1/kb/articles', headers: agent, payload: body })).statusCode, 201)
      assert.equal((await ctx().app.inject({ url: '/api/v1/kb/articles', headers: viewer })).statusCode, 200)
    })

    test('CSV import: en and zh articles, published; the same file again changes nothing', async () => {
      const file = 'question,answer,language,category\n"Do you ship abroad?","Yes, to 40 countries.",en,Shipping\n可以开发票吗？,可以，下单时填写抬头。,zh-CN,发票\n'
      const first = await api('POST', '/api/v1/kb/articles/import?file_name=faq.csv', file, csv)
      assert.equal(first.status, 200, first.text)
      assert.deepEqual(first.body, { file: 'faq.csv', read: 2, inserted: 2, updated: 0, unchanged: 0 })
      const zh = (await api('GET', `/api/v1/kb/articles?category=${encodeURIComponent('发票')}`)).body.data
      assert.deepEqual(zh.map((x: { lang: string; status: string; body: string }) => [x.lang, x.status, x.body]), [['zh', 'published', '可以，下单时填写抬头。']])
      const again = await api('POST', '/api/v1/kb/articles/import?file_name=faq.csv', file, { 'content-type': 'application/octet-stream' })
      assert.deepEqual(again.body, { file: 'faq.csv', read: 2, inserted: 0, updated: 0, unchanged: 2 })
    })

    test('CSV import: a bad line is a 400 naming line and column, and nothing of the file is written', async () => {
      const before = (await api('GET', '/api/v1/kb/articles?limit=500')).body.data.length
      const file = 'question,answer,language\nFine question?,Fine answer.,en\nNo answer?,,en\n'
      const r = await api('POST', '/api/v1/kb/articles/import?file_name=bad.csv', file, csv)
      assert.equal(r.status, 400, r.text)
      const e = errorOf(r)
      assert.equal(e.code, 'validation_failed')
      assert.deepEqual(e.details, [{ path: 'bad.csv:3: answer', message: 'is required' }])
      assert.match(e.message, /bad\.csv:3: answer: is required/)
      assert.equal((await api('GET', '/api/v1/kb/articles?limit=500')).body.data.length, before)
    })

    test('CSV import: JSON or text/plain is 415, a body over the limit is 413', async () => {
      const json = await api('POST', '/api/v1/kb/articles/import', { question: 'q' })
      assert.equal(json.status, 415)
      assert.equal(errorOf(json).code, 'unsupported_media_type')
      assert.equal((await api('POST', '/api/v1/kb/articles/import', 'question,answer,language\n', { 'content-type': 'text/plain' })).status, 415)
      const big = await api('POST', '/api/v1/kb/articles/import', Buffer.alloc(KB_IMPORT_MAX_BYTES + 1, 0x61), csv)
      assert.equal(big.status, 413)
      assert.equal(errorOf(big).code, 'payload_too_large')
    })
  })
}

async function keyHeader(ctx: () => ApiContext, workspaceId: number, role: 'viewer' | 'agent'): Promise<Record<string, string>> {
  const { key } = await createApiKey(ctx().db, systemActor(workspaceId), { name: role, role })
  return { authorization: `Bearer ${key}` }
}
