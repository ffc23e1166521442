import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backends } from '../../../../test/backends.ts'
import { systemActor, type Actor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { DEMO_CANNED_RESPONSES, loadDemoCannedResponses } from '../../demo/demo-canned-responses.ts'
import { deskWorkspace, insertTicket } from '../desk-fixture.ts'
import { createCanned, deleteCanned, getCanned, listCanned, renderCannedFor, updateCanned } from './canned-responses.ts'
import { checkCannedBody, firstName, MERGE_FIELD_PATHS } from './merge-fields.ts'

type Failure = { code: string; message: string; details?: Array<{ path: string; message: string }> }
const errorOf = (fn: () => Promise<unknown>) => fn().then(() => assert.fail('expected an error'), (e: unknown) => e as Failure)
const list = (db: Db, actor: Actor, extra: { lang?: 'en' | 'zh'; q?: string } = {}) => listCanned(db, actor, { limit: 100, sort: 'title', ...extra })

const EVERY_FIELD = 'Hi {{ customer.first_name }} ({{ customer.name }}, {{ customer.email }}): {{ agent.name }} of {{ workspace.name }} on #{{ conversation.id }} "{{ conversation.subject }}"'

describe('merge fields', () => {
  test('first_name is the first word of a spaced name and the whole of a Chinese one', () => {
    assert.deepEqual(['Ada Lovelace', '  Li   Lei ', '王小明', '', null].map(firstName), ['Ada', 'Li', '王小明', null, null])
  })

  test('the check lists the fields a body uses and allows its own variables', () => {
    const c = checkCannedBody('{% assign n = customer.name | default: "there" %}{% for i in (1..2) %}{{ forloop.index }}{% endfor %}{{ n }} {{ conversation.subject.size }} {{ customer["email"] }}')
    assert.deepEqual(c.fields, ['customer.name', 'customer.email', 'conversation.subject'])
  })
})

for (const backend of backends()) {
  describe(`canned responses on ${backend.name}`, () => {
    let db: Db
    let ws: number
    let customer: number
    let agent: Actor
    let viewer: Actor
    let otherAgent: Actor
    let conversation: number
    let otherConversation: number
    before(async () => {
      db = await backend.open()
      const a = await deskWorkspace(db, 'canned-a', ['agent', 'viewer'])
      ws = a.ws
      customer = a.customer;
      [agent, viewer] = a.people as [Actor, Actor]
      await db.query(`UPDATE workspaces SET name = 'Lotus Tea' WHERE id = $1`, [ws])
      conversation = await insertTicket(db, ws, customer, { key: 'CN-1', subject: 'Where is my parcel?', body: 'It has been a week.', status: 'open' })
      const b = await deskWorkspace(db, 'canned-b', ['agent'])
      otherAgent = b.people[0] as Actor
      otherConversation = await insertTicket(db, b.ws, b.customer, { key: 'CN-B', subject: 'Other', body: 'Other workspace', status: 'open' })
    })
    after(async () => db?.close())

    const audit = (id: number) => db.query<{ action: string; actor_label: string; changes: Record<string, { before?: unknown; after?: unknown }> }>(
      `SELECT action, actor_label, changes FROM audit_log WHERE workspace_id = $1 AND entity = 'desk_canned_responses' AND entity_id = $2 ORDER BY id`, [ws, String(id)])

    test('create, list (by language and text), update and delete, each with its audit row', async () => {
      const en = await createCanned(db, agent, { lang: 'en', title: 'Refund confirmed', shortcut: '/refund', body: 'Hi {{ customer.first_name }}, your refund is on its way.' })
      assert.deepEqual([en.lang, en.title, en.shortcut, en.created_by], ['en', 'Refund confirmed', '/refund', agent.label])
      const zh = await createCanned(db, agent, { lang: 'zh', title: '退款已确认', body: '{{ customer.name }}您好，退款已原路退回。' })
      assert.equal(zh.shortcut, null)
      assert.deepEqual((await getCanned(db, viewer, en.id)).body, en.body)

      assert.deepEqual((await list(db, viewer)).data.map((c) => c.id), [en.id, zh.id], 'sorted by title')
      assert.deepEqual((await list(db, viewer, { lang: 'zh' })).data.map((c) => c.id), [zh.id])
      assert.deepEqual((await list(db, viewer, { q: '原路' })).data.map((c) => c.id), [zh.id])
      assert.deepEqual((await list(db, viewer, { q: 'REFUND' })).data.map((c) => c.id), [en.id])
      assert.deepEqual((await list(db, viewer, { q: '/ref' })).data.map((c) => c.id), [en.id], 'the shortcut is searched')
      assert.deepEqual((await list(db, viewer, { q: '%' })).data, [], '% is a plain character')

      const changed = await updateCanned(db, agent, en.id, { title: 'Refund approved', shortcut: '/refund-ok' })
      assert.deepEqual([changed.title, changed.shortcut, changed.body], ['Refund approved', '/refund-ok', en.body])
      assert.deepEqual(await updateCanned(db, agent, en.id, { title: 'Refund approved' }), changed, 'a patch that changes nothing')
      const cleared = await updateCanned(db, agent, en.id, { shortcut: null })
      assert.equal(cleared.shortcut, null)
      await deleteCanned(db, agent, en.id)
      assert.equal((await errorOf(() => getCanned(db, agent, en.id))).code, 'not_found')

      const rows = await audit(en.id)
      assert.deepEqual(rows.map((r) => r.action), ['create', 'update', 'update', 'delete'], 'the no-op patch wrote nothing')
      assert.ok(rows.every((r) => r.actor_label === agent.label))
      assert.deepEqual(rows[0]?.changes.shortcut, { after: '/refund' })
      assert.deepEqual(rows[1]?.changes, { title: { before: 'Refund confirmed', after: 'Refund approved' }, shortcut: { before: '/refund', after: '/refund-ok' } })
      assert.deepEqual(rows[3]?.changes.title, { before: 'Refund approved' })
      await deleteCanned(db, agent, zh.id)
    })

    test('a shortcut is unique in the workspace (409 naming body.shortcut) and must look like /refund', async () => {
      const a = await createCanned(db, agent, { lang: 'en', title: 'Hello', shortcut: '/hello', body: 'Hello!' })
      const b = await createCanned(db, agent, { lang: 'en', title: 'Hi', shortcut: '/hi', body: 'Hi!' })
      for (const attempt of [
        () => createCanned(db, agent, { lang: 'zh', title: '你好', shortcut: '/hello', body: '你好！' }),
        () => updateCanned(db, agent, b.id, { shortcut: '/hello' }),
      ]) {
        const e = await errorOf(attempt)
        assert.equal(e.code, 'conflict')
        assert.match(e.message, /"\/hello"/)
        assert.deepEqual(e.details?.map((d) => d.path), ['body.shortcut'])
      }
      // The same shortcut in another workspace is fine.
      const theirs = await createCanned(db, otherAgent, { lang: 'en', title: 'Hello', shortcut: '/hello', body: 'Hello!' })
      for (const shortcut of ['refund', '/Refund', '/re fund', '/', `/${'x'.repeat(40)}`]) {
        const e = await errorOf(() => createCanned(db, agent, { lang: 'en', title: 'Bad', shortcut, body: 'x' }))
        assert.deepEqual([e.code, e.details?.map((d) => d.path)], ['validation_failed', ['body.shortcut']], shortcut)
      }
      assert.equal((await createCanned(db, agent, { lang: 'en', title: 'Long', shortcut: `/${'x'.repeat(39)}`, body: 'x' })).shortcut?.length, 40)
      const e = await errorOf(() => createCanned(db, agent, { lang: 'en', title: 'x'.repeat(121), body: 'x'.repeat(10_001) }))
      assert.deepEqual(e.details?.map((d) => d.path).sort(), ['body.body', 'body.title'])
      for (const c of [a, b]) await deleteCanned(db, agent, c.id)
      await deleteCanned(db, otherAgent, theirs.id)
      await db.query(`DELETE FROM desk_canned_responses WHERE workspace_id = $1`, [ws])
    })

    test('an unknown variable is refused at body.body, naming it and listing the merge fields; a Liquid error names its place', async () => {
      const e = await errorOf(() => createCanned(db, agent, { lang: 'en', title: 'Typo', body: 'Hi {{ customer.nmae }}, {{ order.id }} {{ customer.nmae }}' }))
      assert.equal(e.code, 'validation_failed')
      assert.deepEqual(e.details?.map((d) => d.path), ['body.body', 'body.body'], 'each unknown variable once')
      assert.match(e.details?.[0]?.message ?? '', /line 1, column 7: unknown merge field "customer\.nmae"/)
      assert.match(e.details?.[1]?.message ?? '', /"order\.id"/)
      for (const f of MERGE_FIELD_PATHS) assert.ok(e.details?.[0]?.message.includes(f), `the message lists ${f}`)
      assert.match(e.message, /customer\.nmae/)
      for (const body of ['{{ customer }}', '{{ customer.name.first }}', '{% if vip %}x{% endif %}', '{{ customer[key] }}', '{% assign x = agent.email %}{{ x }}']) {
        const f = await errorOf(() => createCanned(db, agent, { lang: 'en', title: 'Bad', body }))
        assert.deepEqual([f.code, f.details?.[0]?.path], ['validation_failed', 'body.body'], body)
        assert.match(f.details?.[0]?.message ?? '', /unknown merge field/, body)
      }
      const ok = await createCanned(db, agent, { lang: 'en', title: 'Fine', body: 'Hi {{ customer.first_name }}' })
      const u = await errorOf(() => updateCanned(db, agent, ok.id, { body: 'Hi {{ agent.nmae }}' }))
      assert.deepEqual([u.details?.[0]?.path, /"agent\.nmae"/.test(u.details?.[0]?.message ?? '')], ['body.body', true])
      assert.equal((await getCanned(db, agent, ok.id)).body, 'Hi {{ customer.first_name }}', 'unchanged')
      const syntax = await errorOf(() => createCanned(db, agent, { lang: 'en', title: 'Bad', body: 'Hi\n{% if customer.name %}x' }))
      assert.match(syntax.details?.[0]?.message ?? '', /^line 2, column 1: /)
      const filter = await errorOf(() => createCanned(db, agent, { lang: 'en', title: 'Bad', body: '{{ customer.name | shout }}' }))
      assert.match(filter.details?.[0]?.message ?? '', /unknown filter "shout"/)
      await deleteCanned(db, agent, ok.id)
    })

    test('filters work: default for an empty field, upcase, size', async () => {
      const [bare] = await db.query<{ id: string }>(`INSERT INTO customers (workspace_id, external_id) VALUES ($1, 'C-bare') RETURNING id`, [ws])
      const nameless = await insertTicket(db, ws, Number(bare?.id), { key: 'CN-bare', subject: 'hello', body: 'x', status: 'open' })
      const c = await createCanned(db, agent, { lang: 'en', title: 'Filters', body: 'Hi {{ customer.first_name | default: "there" }}, {{ workspace.name | upcase }} ({{ conversation.subject | upcase | size }})' })
      assert.deepEqual(await renderCannedFor(db, agent, conversation, c.id), { text: 'Hi Li, LOTUS TEA (19)', missing: [] })
      assert.deepEqual(await renderCannedFor(db, agent, nameless, c.id), { text: 'Hi there, LOTUS TEA (5)', missing: ['customer.first_name'] })
      await deleteCanned(db, agent, c.id)
    })

    test('rendering fills every merge field; a Chinese name is its own first name; missing lists the empty fields used', async () => {
      const all = await createCanned(db, agent, { lang: 'en', title: 'All', body: EVERY_FIELD })
      const r = await renderCannedFor(db, agent, conversation, all.id)
      assert.equal(r.text, `Hi Li (Li Lei, li@example.com): agent 0 of Lotus Tea on #${conversation} "Where is my parcel?"`)
      assert.deepEqual(r.missing, [])
      // An API key or the system is named by its label.
      assert.match((await renderCannedFor(db, systemActor(ws, 'cli'), conversation, all.id)).text, /: cli of Lotus Tea/)

      const [wang] = await db.query<{ id: string }>(`INSERT INTO customers (workspace_id, external_id, name) VALUES ($1, 'C-wang', '王小明') RETURNING id`, [ws])
      const zhConversation = await insertTicket(db, ws, Number(wang?.id), { key: 'CN-zh', subject: '包裹还没到', body: '一周了', status: 'open' })
      const zh = await createCanned(db, agent, { lang: 'zh', title: '问候', body: '{{ customer.first_name }}您好{% if customer.email %}（{{ customer.email }}）{% endif %}，关于“{{ conversation.subject }}”。' })
      assert.deepEqual(await renderCannedFor(db, agent, zhConversation, zh.id), { text: '王小明您好，关于“包裹还没到”。', missing: ['customer.email'] })
      const everything = await renderCannedFor(db, agent, zhConversation, all.id)
      assert.equal(everything.text, `Hi 王小明 (王小明, ): agent 0 of Lotus Tea on #${zhConversation} "包裹还没到"`)
      assert.deepEqual(everything.missing, ['customer.email'])
      // A response that does not use the e-mail address does not report it.
      const short = await createCanned(db, agent, { lang: 'zh', title: '短', body: '{{ customer.name }}您好' })
      assert.deepEqual((await renderCannedFor(db, agent, zhConversation, short.id)).missing, [])
      for (const c of [all, zh, short]) await deleteCanned(db, agent, c.id)
    })

    test('{% include %}, {% render %} and {% layout %} cannot read files', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'canned-'))
      try {
        const secret = join(dir, 'secret.liquid')
        writeFileSync(secret, 'TOP SECRET')
        for (const body of [`{% include '${secret}' %}`, `{% render '${secret}' %}`, `{% layout '${secret}' %}x`, "{% include 'x' %}"]) {
          const e = await errorOf(() => createCanned(db, agent, { lang: 'en', title: 'Include', body }))
          assert.equal(e.code, 'validation_failed', body)
          assert.deepEqual(e.details?.map((d) => d.path), ['body.body'])
          assert.match(e.details?.[0]?.message ?? '', /unknown tag "(include|render|layout)" \(a canned response cannot load other templates\)/)
          assert.ok(!JSON.stringify(e).includes('TOP SECRET'))
        }
        // Even a body written around the API is refused when it is rendered, and reads nothing.
        const [row] = await db.query<{ id: string }>(`INSERT INTO desk_canned_responses (workspace_id, lang, title, body, created_by) VALUES ($1, 'en', 'Sneaky', $2, 'sql') RETURNING id`, [ws, `{% include '${secret}' %}`])
        const e = await errorOf(() => renderCannedFor(db, agent, conversation, Number(row?.id)))
        assert.deepEqual([e.code, e.details?.[0]?.path], ['validation_failed', 'params.cannedId'])
        assert.ok(!JSON.stringify(e).includes('TOP SECRET'))
        await db.query(`DELETE FROM desk_canned_responses WHERE workspace_id = $1 AND id = $2`, [ws, row?.id])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    test('a body past the render limits is refused when saved; one written around the API is a 400 when rendered', async () => {
      const hostile = '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}'
      const e = await errorOf(() => createCanned(db, agent, { lang: 'en', title: 'Big', body: hostile }))
      assert.deepEqual([e.code, e.details?.[0]?.path], ['validation_failed', 'body.body'])
      assert.match(e.details?.[0]?.message ?? '', /^cannot be rendered: memory alloc limit exceeded/)
      const [row] = await db.query<{ id: string }>(`INSERT INTO desk_canned_responses (workspace_id, lang, title, body, created_by) VALUES ($1, 'en', 'Big', $2, 'sql') RETURNING id`, [ws, hostile])
      const r = await errorOf(() => renderCannedFor(db, agent, conversation, Number(row?.id)))
      assert.deepEqual([r.code, r.details?.[0]?.path], ['validation_failed', 'params.cannedId'])
      await db.query(`DELETE FROM desk_canned_responses WHERE workspace_id = $1 AND id = $2`, [ws, row?.id])
    })

    test("another workspace's responses and conversations are 404, and not listed", async () => {
      const mine = await createCanned(db, agent, { lang: 'en', title: 'Internal', body: 'Secret {{ customer.name }}' })
      const theirs = await createCanned(db, otherAgent, { lang: 'en', title: 'Theirs', body: 'Theirs' })
      const attempts: Array<() => Promise<unknown>> = [
        () => getCanned(db, otherAgent, mine.id),
        () => updateCanned(db, otherAgent, mine.id, { title: 'Taken' }),
        () => deleteCanned(db, otherAgent, mine.id),
        () => renderCannedFor(db, otherAgent, otherConversation, mine.id),
        () => renderCannedFor(db, otherAgent, conversation, theirs.id),
        () => renderCannedFor(db, agent, otherConversation, mine.id),
        () => renderCannedFor(db, agent, conversation, theirs.id),
      ]
      for (const [i, attempt] of attempts.entries()) assert.equal((await errorOf(attempt)).code, 'not_found', `attempt ${i}`)
      assert.deepEqual((await list(db, otherAgent, { q: 'Secret' })).data, [])
      assert.equal((await getCanned(db, agent, mine.id)).title, 'Internal')
      await deleteCanned(db, agent, mine.id)
      await deleteCanned(db, otherAgent, theirs.id)
    })

    test('a viewer reads but may not write or render (forbidden, naming desk:reply)', async () => {
      const c = await createCanned(db, agent, { lang: 'en', title: 'Viewer test', body: 'Hi' })
      assert.equal((await getCanned(db, viewer, c.id)).id, c.id)
      for (const attempt of [
        () => createCanned(db, viewer, { lang: 'en', title: 'Nope', body: 'Hi' }),
        () => updateCanned(db, viewer, c.id, { title: 'Nope' }),
        () => deleteCanned(db, viewer, c.id),
        () => renderCannedFor(db, viewer, conversation, c.id),
      ]) {
        const e = await errorOf(attempt)
        assert.equal(e.code, 'forbidden')
        assert.match(e.message, /"desk:reply"/)
      }
      assert.equal((await getCanned(db, agent, c.id)).title, 'Viewer test')
      await deleteCanned(db, agent, c.id)
    })

    test('the demo responses are valid, load once, and render for a conversation without gaps', async () => {
      const demo = systemActor(ws)
      await loadDemoCannedResponses(db, demo)
      await loadDemoCannedResponses(db, demo)
      const loaded = (await list(db, agent)).data
      assert.equal(loaded.length, DEMO_CANNED_RESPONSES.length)
      assert.deepEqual(['en', 'zh'].map((l) => loaded.filter((c) => c.lang === l).length), [4, 4])
      for (const c of loaded) {
        const r = await renderCannedFor(db, agent, conversation, c.id)
        assert.deepEqual(r.missing, [], c.title)
        assert.ok(!/\{\{|\{%/.test(r.text), `${c.title}: ${r.text}`)
        assert.ok(r.text.includes('agent 0') || r.text.includes('Lotus Tea'), `${c.title}: ${r.text}`)
      }
    })
  })
}
