import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { systemActor, type Actor } from '../../domain/actor.ts'
import { permissionsOf } from '../../domain/permissions.ts'
import type { Db } from '../../store/db.ts'
import { createWorkspace } from '../workspaces/workspaces.ts'
import { listKbArticles, updateKbArticle } from './kb-articles-service.ts'
import { importKbCsv } from './kb-import.ts'

const errorOf = (fn: () => Promise<unknown>) => fn().then(() => assert.fail('expected an error'), (e: unknown) => e as { code: string; message: string; details?: Array<{ path: string; message: string }> })

const FAQ = [
  'question,answer,language,category',
  'How long does shipping take?,"Two to five days, <b>free</b> over ¥99.",en,Shipping',
  '多久发货？,"下单后 24 小时内发货。\n节假日顺延。",zh-CN,配送',
  '可以退款吗？,30 天内可以全额退款。,zh,账单',
  '',
  'Can I get a refund?,Yes: within 30 days.,EN,Billing',
].join('\n')

for (const backend of backends()) {
  describe(`knowledge base CSV import on ${backend.name}`, () => {
    let db: Db
    let ws: number
    let actor: Actor
    const all = async () => (await listKbArticles(db, actor, { limit: 500, sort: 'id' })).data
    const snapshot = async () => JSON.stringify(await db.query('SELECT * FROM kb_articles WHERE workspace_id = $1 ORDER BY id', [ws]))
    before(async () => {
      db = await backend.open()
      ws = (await createWorkspace(db, systemActor(0, 'cli'), { slug: 'kb-import' })).id
      actor = systemActor(ws, 'cli')
    })
    after(async () => db?.close())

    test('imports en and zh articles as published, with categories and a quoted multi-line answer; one audit row', async () => {
      const s = await importKbCsv(db, actor, { file: 'faq.csv', data: Buffer.from(`\uFEFF${FAQ}`) })
      assert.deepEqual(s, { file: 'faq.csv', read: 4, inserted: 4, updated: 0, unchanged: 0 })
      const rows = await all()
      assert.deepEqual(rows.map((a) => [a.lang, a.category, a.title, a.status]), [
        ['en', 'Shipping', 'How long does shipping take?', 'published'],
        ['zh', '配送', '多久发货？', 'published'],
        ['zh', '账单', '可以退款吗？', 'published'],
        ['en', 'Billing', 'Can I get a refund?', 'published'],
      ])
      assert.equal(rows[1]?.body, '下单后 24 小时内发货。\n节假日顺延。')
      assert.equal(rows[0]?.body, 'Two to five days, <b>free</b> over ¥99.')
      assert.ok(rows.every((a) => a.external_id?.startsWith('h_')), 'keys are derived from question and language')
      const audit = await db.query<{ changes: Record<string, unknown> }>(`SELECT changes FROM audit_log WHERE workspace_id = $1 AND entity = 'kb_articles' AND action = 'import'`, [ws])
      assert.deepEqual(audit.map((r) => r.changes), [{ source: 'faq.csv', read: 4, inserted: 4, updated: 0, unchanged: 0 }])
    })

    test('importing the same file again changes nothing; zh and zh-CN are the same language key; a corrected answer updates its article', async () => {
      const before = await snapshot()
      assert.deepEqual(await importKbCsv(db, actor, { file: 'faq.csv', data: FAQ }), { file: 'faq.csv', read: 4, inserted: 0, updated: 0, unchanged: 4 })
      assert.equal(await snapshot(), before, 'no row changed, not even updated_at or version')
      const respelled = FAQ.replace('zh-CN,配送', 'ZH,配送')
      assert.equal((await importKbCsv(db, actor, { file: 'faq.csv', data: respelled })).unchanged, 4)
      const corrected = FAQ.replace('Yes: within 30 days.', 'Yes: within 14 days.')
      assert.deepEqual(await importKbCsv(db, actor, { file: 'faq.csv', data: corrected }), { file: 'faq.csv', read: 4, inserted: 0, updated: 1, unchanged: 3 })
      const refund = (await all()).find((a) => a.title === 'Can I get a refund?')
      assert.deepEqual([refund?.body, refund?.version, (await all()).length], ['Yes: within 14 days.', 2, 4])
    })

    test('external_id and status columns: the key is the file\'s, status may be draft', async () => {
      const csv = 'external_id,question,answer,language,status\nfaq-9,Where are you?,Shanghai.,en,draft\n'
      assert.equal((await importKbCsv(db, actor, { file: 'keyed.csv', data: csv })).inserted, 1)
      const a = (await all()).find((x) => x.external_id === 'faq-9')
      assert.equal(a?.status, 'draft')
      const renamed = 'external_id,question,answer,language,status\nfaq-9,Where is your office?,Shanghai.,en,draft\n'
      assert.deepEqual(await importKbCsv(db, actor, { file: 'keyed.csv', data: renamed }), { file: 'keyed.csv', read: 1, inserted: 0, updated: 1, unchanged: 0 })
      assert.equal((await all()).find((x) => x.external_id === 'faq-9')?.title, 'Where is your office?')
      // An article changed in the dashboard is set back to the file's version when the file is imported again.
      if (a) await updateKbArticle(db, actor, a.id, { status: 'published' })
      assert.equal((await importKbCsv(db, actor, { file: 'keyed.csv', data: renamed })).updated, 1)
    })

    test('one bad line refuses the whole file: nothing is written, and the error names line and column', async () => {
      const before = await snapshot()
      const audits = async () => (await db.query(`SELECT 1 FROM audit_log WHERE workspace_id = $1 AND action = 'import'`, [ws])).length
      const auditsBefore = await audits()
      const csv = [
        'question,answer,language',
        'A new question?,A new answer.,en',
        '"Spans',
        'two lines?",,fr',
        `${'q'.repeat(301)},fine,zh`,
        'A new question?,Again.,en',
      ].join('\r\n')
      const e = await errorOf(() => importKbCsv(db, actor, { file: 'bad.csv', data: csv }))
      assert.equal(e.code, 'validation_failed')
      assert.deepEqual(e.details, [
        { path: 'bad.csv:4: language', message: '"fr" is not a language of the knowledge base: use en, zh or zh-CN' },
        { path: 'bad.csv:4: answer', message: 'is required' },
        { path: 'bad.csv:5: question', message: 'must be at most 300 characters' },
        { path: 'bad.csv:6: question', message: 'is the same article as line 2' },
      ])
      assert.match(e.message, /^3 of 4 rows are not valid, so nothing was imported: bad\.csv:4: language: "fr"/)
      assert.equal(await snapshot(), before, 'the good line 2 was not written either')
      assert.equal(await audits(), auditsBefore)
    })

    test('the file itself: missing and unknown columns, an unclosed quote, bytes that are not UTF-8, an empty file', async () => {
      const header = await errorOf(() => importKbCsv(db, actor, { file: 'h.csv', data: 'question,reply,language\nq,a,en\n' }))
      assert.deepEqual(header.details?.map((d) => d.path), ['h.csv:1: reply', 'h.csv:1: answer'])
      const quote = await errorOf(() => importKbCsv(db, actor, { file: 'q.csv', data: 'question,answer,language\nq,"never closed,en\n' }))
      assert.match(quote.message, /^q\.csv:\d+: .*[Qq]uote/)
      const gbk = await errorOf(() => importKbCsv(db, actor, { file: 'gbk.csv', data: Buffer.from([0x71, 0x2c, 0xc4, 0xe3, 0x0a]) }))
      assert.match(gbk.message, /^gbk\.csv: is not UTF-8/)
      assert.match((await errorOf(() => importKbCsv(db, actor, { file: 'e.csv', data: '' }))).message, /^e\.csv: the file is empty/)
    })

    test('importing needs kb:write; a viewer is refused before anything is read', async () => {
      const viewer: Actor = { ...actor, kind: 'user', role: 'viewer', permissions: permissionsOf('viewer') }
      const e = await errorOf(() => importKbCsv(db, viewer, { file: 'faq.csv', data: 'not even csv "' }))
      assert.equal(e.code, 'forbidden')
      assert.match(e.message, /"kb:write"/)
    })
  })
}
