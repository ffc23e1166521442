import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { systemActor, type Actor } from '../../domain/actor.ts'
import { permissionsOf, type Role } from '../../domain/permissions.ts'
import type { Db } from '../../store/db.ts'
import { createWorkspace } from '../workspaces/workspaces.ts'
import { createKbArticle, deleteKbArticle, getKbArticle, kbEtag, listKbArticles, updateKbArticle } from './kb-articles-service.ts'

const errorOf = (fn: () => Promise<unknown>) => fn().then(() => assert.fail('expected an error'), (e: unknown) => e as { code: string; message: string; details?: Array<{ path: string; message: string }> })
const as = (workspaceId: number, role: Role): Actor => ({ kind: 'user', id: 1, label: `${role}@example.com`, workspaceId, role, permissions: permissionsOf(role) })

for (const backend of backends()) {
  describe(`knowledge base articles on ${backend.name}`, () => {
    let db: Db
    let ws: number
    let other: number
    let actor: Actor
    const audit = (id: number) => db.query<{ action: string; actor_label: string; changes: Record<string, { before?: unknown; after?: unknown }> }>(
      `SELECT action, actor_label, changes FROM audit_log WHERE workspace_id = $1 AND entity = 'kb_articles' AND entity_id = $2 ORDER BY id`, [ws, String(id)])
    before(async () => {
      db = await backend.open()
      ws = (await createWorkspace(db, systemActor(0, 'cli'), { slug: 'kb-service' })).id
      other = (await createWorkspace(db, systemActor(0, 'cli'), { slug: 'kb-service-other' })).id
      actor = as(ws, 'agent')
    })
    after(async () => db?.close())

    test('create, read, patch (publish), delete: each write leaves its audit row, the version and ETag follow the changes', async () => {
      const a = await createKbArticle(db, actor, { lang: 'zh', category: '配送', title: '  多久发货？ ', body: '<p>下单后 <b>24 小时</b>内发货。</p>' })
      assert.equal(a.title, '多久发货？', 'text is trimmed')
      assert.equal(a.body, '<p>下单后 <b>24 小时</b>内发货。</p>', 'HTML is stored as written')
      assert.deepEqual([a.status, a.version, a.created_by, a.external_id], ['draft', 1, 'agent@example.com', null])
      assert.deepEqual(await getKbArticle(db, as(ws, 'viewer'), a.id), a)

      const published = await updateKbArticle(db, actor, a.id, { status: 'published', category: null })
      assert.deepEqual([published.status, published.category, published.version], ['published', null, 2])
      assert.notEqual(kbEtag(published), kbEtag(a))
      const same = await updateKbArticle(db, actor, a.id, { status: 'published' })
      assert.equal(same.version, 2, 'a patch that changes nothing is not a new version')

      await deleteKbArticle(db, actor, a.id)
      assert.equal((await errorOf(() => getKbArticle(db, actor, a.id))).code, 'not_found')
      const rows = await audit(a.id)
      assert.deepEqual(rows.map((r) => r.action), ['create', 'update', 'delete'])
      assert.equal(rows[0]?.actor_label, 'agent@example.com')
      assert.deepEqual(rows[1]?.changes, { status: { before: 'draft', after: 'published' }, category: { before: '配送', after: null } })
      assert.equal(rows[2]?.changes.title?.before, '多久发货？')
    })

    test('If-Match: a stale ETag is refused with 412 and changes nothing; the current one or * is accepted', async () => {
      const a = await createKbArticle(db, actor, { lang: 'en', title: 'Returns?', body: 'Within 30 days.', status: 'published' })
      const b = await updateKbArticle(db, actor, a.id, { body: 'Within 14 days.' }, { ifMatch: kbEtag(a) })
      assert.equal(b.version, 2)
      const stale = await errorOf(() => updateKbArticle(db, actor, a.id, { body: 'Never.' }, { ifMatch: kbEtag(a) }))
      assert.equal(stale.code, 'precondition_failed')
      assert.equal((await errorOf(() => deleteKbArticle(db, actor, a.id, { ifMatch: kbEtag(a) }))).code, 'precondition_failed')
      assert.equal((await getKbArticle(db, actor, a.id)).body, 'Within 14 days.')
      assert.equal((await updateKbArticle(db, actor, a.id, { title: 'Returns and refunds?' }, { ifMatch: `"x", ${kbEtag(b)}` })).version, 3)
      await deleteKbArticle(db, actor, a.id, { ifMatch: '*' })
    })

    test("another workspace's article is not found for read, change and delete, and stays as it was", async () => {
      const mine = await createKbArticle(db, actor, { lang: 'en', title: 'Mine', body: 'Private answer' })
      const them = as(other, 'owner')
      for (const attempt of [() => getKbArticle(db, them, mine.id), () => updateKbArticle(db, them, mine.id, { title: 'Theirs' }), () => deleteKbArticle(db, them, mine.id)]) {
        const e = await errorOf(attempt)
        assert.equal(e.code, 'not_found')
        assert.match(e.message, new RegExp(`article ${mine.id} not found`))
      }
      assert.deepEqual((await listKbArticles(db, them, { limit: 50, sort: '-updated_at' })).data, [])
      assert.deepEqual(await getKbArticle(db, actor, mine.id), mine)
    })

    test('roles: readers may list and read, only kb:write roles (owner, admin, agent) may write', async () => {
      const a = await createKbArticle(db, as(ws, 'admin'), { lang: 'en', title: 'Who may edit?', body: 'Agents.' })
      for (const role of ['viewer', 'analyst', 'marketer'] as const) {
        assert.equal((await getKbArticle(db, as(ws, role), a.id)).id, a.id)
        for (const write of [
          () => createKbArticle(db, as(ws, role), { lang: 'en', title: 'x', body: 'y' }),
          () => updateKbArticle(db, as(ws, role), a.id, { status: 'published' }),
          () => deleteKbArticle(db, as(ws, role), a.id),
        ]) {
          const e = await errorOf(write)
          assert.equal(e.code, 'forbidden', role)
          assert.match(e.message, /"kb:write"/)
        }
      }
      assert.equal((await getKbArticle(db, actor, a.id)).status, 'draft', 'the refused writes changed nothing')
      assert.equal((await updateKbArticle(db, as(ws, 'owner'), a.id, { status: 'published' })).status, 'published')
    })

    test('limits: title 300, body 20,000, category 120 characters; NUL refused; each problem names its field', async () => {
      const ok = await createKbArticle(db, actor, { lang: 'en', title: 't'.repeat(300), body: 'b'.repeat(20_000), category: 'c'.repeat(120) })
      assert.equal(ok.body.length, 20_000)
      const e = await errorOf(() => createKbArticle(db, actor, { lang: 'en', title: 't'.repeat(301), body: 'b'.repeat(20_001), category: 'c'.repeat(121) }))
      assert.equal(e.code, 'validation_failed')
      assert.deepEqual(e.details?.map((d) => d.path).sort(), ['body.body', 'body.category', 'body.title'])
      const nul = await errorOf(() => updateKbArticle(db, actor, ok.id, { body: 'a\u0000b' }))
      assert.deepEqual(nul.details, [{ path: 'body.body', message: 'contains a NUL character' }])
      const lang = await errorOf(() => createKbArticle(db, actor, { lang: 'fr' as 'en', title: 'x', body: 'y' }))
      assert.equal(lang.details?.[0]?.path, 'body.lang')
      const dup = await createKbArticle(db, actor, { lang: 'en', title: 'Keyed', body: 'One', external_id: 'faq-1' })
      const again = await errorOf(() => createKbArticle(db, actor, { lang: 'en', title: 'Keyed too', body: 'Two', external_id: 'faq-1' }))
      assert.equal(again.code, 'conflict')
      assert.equal(dup.external_id, 'faq-1')
    })

    test('list: filters by language, category, status and text (zh and en, any case, % is literal), pages by cursor without repeats', async () => {
      const w = (await createWorkspace(db, systemActor(0, 'cli'), { slug: 'kb-list' })).id
      const me = as(w, 'agent')
      await createKbArticle(db, me, { lang: 'en', category: 'Shipping', title: 'How long does DELIVERY take?', body: 'Two to five days.', status: 'published' })
      await createKbArticle(db, me, { lang: 'en', category: 'Billing', title: 'Can I get a refund?', body: 'Yes, 100% within 30 days.', status: 'published' })
      await createKbArticle(db, me, { lang: 'zh', category: '配送', title: '多久送达？', body: '一般 2 到 5 天送达。', status: 'published' })
      await createKbArticle(db, me, { lang: 'zh', category: '账单', title: '可以退款吗？', body: '30 天内可以全额退款。' })
      const titles = async (q: Partial<Parameters<typeof listKbArticles>[2]>) =>
        (await listKbArticles(db, me, { limit: 50, sort: 'title', ...q })).data.map((a) => a.title)
      assert.deepEqual(await titles({ lang: 'zh' }), ['可以退款吗？', '多久送达？'])
      assert.deepEqual(await titles({ status: 'draft' }), ['可以退款吗？'])
      assert.deepEqual(await titles({ category: 'Shipping' }), ['How long does DELIVERY take?'])
      assert.deepEqual(await titles({ q: 'delivery' }), ['How long does DELIVERY take?'], 'the question, any case')
      assert.deepEqual(await titles({ q: '退款' }), ['可以退款吗？'], 'Chinese text, in the question or the answer')
      assert.deepEqual(await titles({ q: '送达' }), ['多久送达？'])
      assert.deepEqual(await titles({ q: '100%' }), ['Can I get a refund?'], '% is a plain character')
      assert.deepEqual(await titles({ q: '%' }), ['Can I get a refund?'])
      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const page = await listKbArticles(db, me, { limit: 1, sort: '-updated_at', cursor })
        seen.push(...page.data.map((a) => a.title))
        cursor = page.next_cursor ?? undefined
        pages++
      } while (cursor !== undefined)
      assert.equal(pages, 4)
      assert.equal(new Set(seen).size, 4)
      assert.equal((await errorOf(() => listKbArticles(db, me, { limit: 1, sort: 'title', cursor: 'bogus' }))).code, 'validation_failed')
    })
  })
}
