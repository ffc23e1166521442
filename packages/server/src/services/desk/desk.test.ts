import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { systemActor, type Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { trainModel } from '../intelligence/run-model.ts'
import { claimNext } from './assignment.ts'
import { addMessage, createConversation, getConversation, updateConversation } from './conversations-service.ts'
import { deskWorkspace, insertTicket } from './desk-fixture.ts'
import { inboxCounts, listInbox } from './inbox.ts'
import { labelledTickets } from './labelled-tickets.ts'
import { createTeam, replaceRoutingRules, setAgentState } from './teams-service.ts'
import { triagePending } from './triage.ts'
import { deskReport } from './desk-reports.ts'
import { replySuggestions } from './reply-suggestions.ts'
import { createKbArticle } from '../knowledge/kb-articles-service.ts'

const errorOf = (fn: () => Promise<unknown>) => fn().then(() => assert.fail('expected an error'), (e: unknown) => e as { code: string; message: string; details?: Array<{ path: string; message: string }> })
const inbox = (db: Db, actor: Actor, view: 'all' | 'mine' | 'unassigned' | 'needs_triage' | 'team', extra: { team_id?: number } = {}) =>
  listInbox(db, actor, { view, sort: 'waiting_since', limit: 100, ...extra })

const REFUND = ['I want my money back for this order', 'please refund the order, the money has not come back', 'refund request: return and money back', 'how do I get a refund for my money']
const LOGIN = ['I cannot log in to my account', 'password reset does not work, cannot sign in', 'my account login fails with the password', 'locked out of my account, password wrong']

/** Agent-labelled history: 30 refund and 30 login tickets, solved, a day apart. */
async function labelledHistory(db: Db, ws: number, customer: number): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const refund = i % 2 === 0
    const body = (refund ? REFUND : LOGIN)[i % 4] ?? ''
    const id = await insertTicket(db, ws, customer, { key: `H${i}`, subject: refund ? 'Refund' : 'Login', body: `${body} (${i})`, status: 'solved', priority: refund ? 'high' : 'normal', openedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() })
    await db.query(`UPDATE conversations SET intent = $3, intent_source = 'agent' WHERE workspace_id = $1 AND ticket_id = $2`, [ws, id, refund ? 'refund_request' : 'account_login'])
  }
}

for (const backend of backends()) {
  describe(`service desk on ${backend.name}`, () => {
    let db: Db
    let ws: number
    let customer: number
    let agentA: Actor
    let agentB: Actor
    let viewer: Actor
    let zhConversation = 0
    before(async () => {
      db = await backend.open()
      const w = await deskWorkspace(db, 'desk-a', ['agent', 'agent', 'viewer'])
      ws = w.ws
      customer = w.customer;
      [agentA, agentB, viewer] = w.people as [Actor, Actor, Actor]
    })
    after(async () => db?.close())

    test('every inserted ticket gets a conversation and its first message; finished ones are not triaged and their solved time is unknown', async () => {
      const open = await insertTicket(db, ws, customer, { key: 'T-open', subject: 'Where is my parcel', body: 'It has been a week.', status: 'open' })
      const done = await insertTicket(db, ws, customer, { key: 'T-done', subject: 'Invoice', body: 'Thanks!', status: 'closed' })
      const a = await getConversation(db, agentA, open)
      assert.deepEqual([a.triage_state, a.messages.length, a.messages[0]?.author, a.messages[0]?.body], ['pending', 1, 'customer', 'It has been a week.'])
      assert.ok(a.waiting_since, 'an open ticket waits for an answer')
      const b = await getConversation(db, agentA, done)
      assert.deepEqual([b.triage_state, b.waiting_since, b.solved_at], ['skipped', null, null], 'stored finished: when it was solved is not known')
      await db.query(`DELETE FROM tickets WHERE workspace_id = $1 AND id = ANY($2::int8[])`, [ws, [open, done]])
    })

    test('without an intent model the triage labels language and sentiment and leaves the conversation in needs triage', async () => {
      const c = await createConversation(db, agentA, { customer_internal_id: customer, subject: '太差了', body: '包裹坏了，非常失望，质量太差了！', channel: 'chat' })
      assert.equal(c.status, 'new')
      zhConversation = c.id
      const run = await triagePending(db, ws, { ids: [c.id] })
      assert.equal(run.needsTriage, 1)
      const t = await getConversation(db, agentA, c.id)
      assert.deepEqual([t.triage_state, t.language, t.intent, t.sentiment], ['needs_triage', 'zh', null, 'negative'])
      assert.match(String(t.triage.needs_triage), /no intent model/)
      assert.ok((t.triage.reasons as Array<{ factor: string }>).some((r) => r.factor === 'sentiment'), 'the negative sentiment raised the priority')
      assert.equal(t.suggested_priority, 'high')
      assert.deepEqual((await inbox(db, agentA, 'needs_triage')).data.map((x) => x.id), [c.id])
    })

    test('an intent model trained on agents’ labels triages, routes to the team and assigns the online agent with the least load; the inbox counts the team', async () => {
      await labelledHistory(db, ws, customer)
      const trained = await trainModel({ db, actor: systemActor(ws, 'cli') }, 'ticket_intent')
      assert.equal(trained.status, 'active', JSON.stringify(trained))
      const team = await createTeam(db, systemActor(ws, 'cli'), { name: 'Refunds', member_ids: [agentA.id ?? 0, agentB.id ?? 0] })
      await replaceRoutingRules(db, systemActor(ws, 'cli'), { rules: [{ intents: ['refund_request'], team_id: team.id }] })
      await setAgentState(db, agentA, agentA.id ?? 0, { presence: 'online', capacity: 1 })
      await setAgentState(db, agentB, agentB.id ?? 0, { presence: 'online', capacity: 5 })

      const ids: number[] = []
      for (let i = 0; i < 3; i++) ids.push((await createConversation(db, agentA, { customer_internal_id: customer, subject: 'Refund', body: `please refund my money for order ${i}` })).id)
      const login = (await createConversation(db, agentA, { customer_internal_id: customer, subject: 'Login', body: 'cannot log in, password reset fails' })).id
      const run = await triagePending(db, ws)
      assert.equal(run.failed, 0)
      const views = await Promise.all([...ids, login].map((id) => getConversation(db, agentA, id)))
      for (const v of views.slice(0, 3)) {
        assert.deepEqual([v.intent, v.intent_source, v.triage_state, v.team_id], ['refund_request', 'model', 'done', team.id])
        assert.ok((v.intent_confidence ?? 0) > 0.5)
        assert.equal(v.suggested_priority, 'high', 'refund tickets are usually high in the labelled history')
      }
      assert.deepEqual(views.slice(0, 3).map((v) => v.assignee_id), [agentA.id, agentB.id, agentB.id], 'A takes one (capacity 1), B the rest')
      assert.deepEqual(views.slice(0, 3).map((v) => v.status), ['open', 'open', 'open'])
      const l = views[3]
      assert.deepEqual([l?.intent, l?.team_id, l?.assignee_id], ['account_login', null, null], 'no rule for logins: no team, nobody assigned')
      assert.deepEqual((await inbox(db, agentA, 'team', { team_id: team.id })).data.map((x) => x.id).sort(), [...ids].sort())
      assert.deepEqual((await inbox(db, agentB, 'mine')).data.map((x) => x.id).sort(), ids.slice(1).sort())
      const counts = await inboxCounts(db, agentB)
      assert.equal(counts.mine, 2)
      assert.equal(counts.teams[String(team.id)], 3, 'the team view holds the three refunds')
    })

    test('an agent’s correction is stored as a label for the next training and takes the conversation out of needs triage', async () => {
      // The new intent version relabelled it; put it back where an unsure label leaves it.
      await db.query(`UPDATE conversations SET triage_state = 'needs_triage', intent = NULL, intent_source = NULL WHERE workspace_id = $1 AND ticket_id = $2`, [ws, zhConversation])
      const c = await getConversation(db, agentA, zhConversation)
      const fixed = await updateConversation(db, agentA, c.id, { intent: 'damaged_item' })
      assert.deepEqual([fixed.intent, fixed.intent_source, fixed.intent_confidence, fixed.triage_state], ['damaged_item', 'agent', 1, 'done'])
      const labels = await labelledTickets(db, ws, new Date(Date.now() + 60_000))
      assert.ok(labels.rows.some((r) => r.id === c.id && r.intent === 'damaged_item'))
      assert.ok(!(await inbox(db, agentA, 'needs_triage')).data.some((x) => x.id === c.id))
    })

    test('a reply is the first response and waits on the customer; a customer message reopens; a closed conversation takes notes only', async () => {
      const c = await createConversation(db, agentA, { customer_internal_id: customer, subject: 'Question', body: 'Do you ship to Hangzhou?' })
      const replied = await addMessage(db, agentA, c.id, { author: 'agent', body: 'Yes, in 2 days.' })
      assert.deepEqual([replied.status, replied.waiting_since, replied.messages.map((m) => m.author)], ['pending', null, ['customer', 'agent']])
      assert.ok(replied.first_response_at)
      assert.equal(replied.messages[1]?.user_id, agentA.id)
      const again = await addMessage(db, agentA, c.id, { author: 'customer', body: 'And to Suzhou?' })
      assert.equal(again.status, 'open')
      assert.ok(again.waiting_since)
      assert.equal(again.first_response_at, replied.first_response_at, 'the first response stays the first')
      const solved = await addMessage(db, agentA, c.id, { author: 'agent', body: 'Also 2 days.', status: 'solved' })
      assert.ok(solved.solved_at)
      await updateConversation(db, agentA, c.id, { status: 'closed' })
      const e = await errorOf(() => addMessage(db, agentA, c.id, { author: 'agent', body: 'one more thing' }))
      assert.equal(e.code, 'validation_failed')
      assert.match(e.message, /closed/)
      const noted = await addMessage(db, agentA, c.id, { author: 'note', body: 'customer is happy' })
      assert.equal(noted.messages.at(-1)?.author, 'note')
      const audit = await db.query<{ action: string; changes: unknown }>(`SELECT action, changes FROM audit_log WHERE workspace_id = $1 AND entity = 'conversations' AND entity_id = $2 ORDER BY id`, [ws, String(c.id)])
      assert.deepEqual(audit.map((a) => a.action), ['create', 'message', 'message', 'message', 'update', 'message'])
      assert.ok(!JSON.stringify(audit).includes('Hangzhou'), 'message text stays out of the audit log')
    })

    test('two agents claiming at once never take the same conversation, and each takes the longest-waiting first', async () => {
      await db.query(`UPDATE tickets SET status = 'solved' WHERE workspace_id = $1`, [ws])
      const ids: number[] = []
      for (let i = 0; i < 12; i++) {
        ids.push(await insertTicket(db, ws, customer, { key: `Q${i}`, subject: `q${i}`, body: 'hello', status: 'new', openedAt: new Date(Date.UTC(2026, 5, 1, 0, i)).toISOString() }))
      }
      await setAgentState(db, agentA, agentA.id ?? 0, { capacity: 100 })
      await setAgentState(db, agentB, agentB.id ?? 0, { capacity: 100 })
      const got: number[] = []
      const claimer = async (agent: Actor) => {
        for (;;) {
          const c = await claimNext(db, agent)
          if (!c) return
          got.push(c.id)
        }
      }
      await Promise.all([claimer(agentA), claimer(agentB)])
      assert.deepEqual([...got].sort((a, b) => a - b), ids, 'each conversation claimed exactly once')
      const first = await getConversation(db, agentA, ids[0] ?? 0)
      assert.equal(first.status, 'open')
      const e = await errorOf(async () => {
        await setAgentState(db, agentA, agentA.id ?? 0, { capacity: 0 })
        await claimNext(db, agentA)
      })
      assert.equal(e.code, 'conflict')
    })

    test('viewers read but cannot reply; another workspace’s conversations are not found; bad input names its field', async () => {
      const [c] = (await inbox(db, viewer, 'all')).data
      assert.ok(c)
      assert.equal((await errorOf(() => addMessage(db, viewer, c.id, { author: 'agent', body: 'hi' }))).code, 'forbidden')
      const other = await deskWorkspace(db, 'desk-b', ['agent'])
      const stranger = other.people[0] as Actor
      assert.equal((await errorOf(() => getConversation(db, stranger, c.id))).code, 'not_found')
      assert.equal((await errorOf(() => updateConversation(db, stranger, c.id, { status: 'solved' }))).code, 'not_found')
      const bad = await errorOf(() => updateConversation(db, agentA, c.id, { assignee_id: stranger.id ?? 0 }))
      assert.equal(bad.details?.[0]?.path, 'body.assignee_id')
      const empty = await errorOf(() => addMessage(db, agentA, c.id, { author: 'agent', body: '   ' }))
      assert.equal(empty.details?.[0]?.path, 'body.body')
    })

    test('suggested replies rank published articles and past answers by BM25; drafts and the conversation itself are left out', async () => {
      await createKbArticle(db, agentA, { lang: 'zh', title: '发票怎么开？', body: '在订单详情页点击“申请发票”即可。', status: 'published' })
      await createKbArticle(db, agentA, { lang: 'zh', title: '发票抬头可以改吗？', body: '草稿答案', status: 'draft' })
      const past = await insertTicket(db, ws, customer, { key: 'P-invoice', subject: '开发票', body: '请帮我开一张发票，公司抬头。', status: 'solved' })
      await db.query(`INSERT INTO ticket_messages (workspace_id, ticket_id, author, body) VALUES ($1, $2, 'agent', '已为您开具电子发票，请查收邮箱。')`, [ws, past])
      const c = await createConversation(db, agentA, { customer_internal_id: customer, subject: '发票', body: '我需要开发票，怎么开？' })
      const r = await replySuggestions(db, viewer, c.id)
      assert.deepEqual(r.suggestions.map((s) => s.source).sort(), ['knowledge_base', 'past_conversation'])
      assert.ok(r.suggestions.every((s) => s.score > 0))
      assert.ok(!r.suggestions.some((s) => s.text === '草稿答案'), 'drafts are not suggested')
      assert.equal(r.suggestions.find((s) => s.source === 'past_conversation')?.ticket_id, past)
      assert.equal(r.similar[0]?.ticket_id, past)
      assert.ok(!r.similar.some((x) => x.ticket_id === c.id))
      assert.equal(r.summary, null, 'a short thread needs no summary')
      for (const body of ['发票抬头写公司名称。', '好的，请提供税号。', '税号是 91310000。请开增值税普通发票。']) await addMessage(db, agentA, c.id, { author: body.startsWith('好的') ? 'agent' : 'customer', body })
      const long = await replySuggestions(db, viewer, c.id)
      assert.ok(long.summary && long.summary.length >= 1 && long.summary.length <= 3, JSON.stringify(long.summary))
    })

    test('suggestions also match an article\'s other questions, and list each article once (its best-matching question)', async () => {
      const a = await createKbArticle(db, agentA, { lang: 'en', title: 'Returns policy', questions: ['how do I send back a jacket', 'send back a jacket that does not fit'], body: 'Return within 7 days.', status: 'published' })
      const c = await createConversation(db, agentA, { customer_internal_id: customer, subject: 'Jacket', body: 'I want to send back a jacket' })
      const kb = (await replySuggestions(db, viewer, c.id)).suggestions.filter((x) => x.source === 'knowledge_base')
      assert.equal(kb.filter((x) => x.article_id === a.id).length, 1, JSON.stringify(kb))
      assert.equal(kb[0]?.article_id, a.id)
      assert.match(kb[0]?.matched ?? '', /send back a jacket/)
    })

    test('reports count what the conversations hold: volume, first responses, intents, triage', async () => {
      const r = await deskReport(db, viewer, { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' })
      const [truth] = await db.query<{ n: string; fr: string; triaged: string; needs: string }>(
        `SELECT count(*) AS n, count(c.first_response_at) AS fr, count(*) FILTER (WHERE c.triage_state = 'done') AS triaged, count(*) FILTER (WHERE c.triage_state = 'needs_triage') AS needs
           FROM conversations c WHERE c.workspace_id = $1`, [ws])
      assert.equal(r.volume.reduce((a, v) => a + v.opened, 0), Number(truth?.n))
      assert.equal(r.first_response_minutes.count, Number(truth?.fr))
      assert.ok(r.first_response_minutes.count > 0 && (r.first_response_minutes.median ?? -1) >= 0)
      assert.deepEqual([r.triage.triaged, r.triage.needs_triage], [Number(truth?.triaged), Number(truth?.needs)])
      const refunds = r.intents.find((i) => i.intent === 'refund_request')
      assert.ok(refunds && refunds.count >= 30, JSON.stringify(r.intents))
      assert.equal((await errorOf(() => deskReport(db, viewer, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }))).code, 'validation_failed')
    })
  })
}
