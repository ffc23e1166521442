import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { csatLink } from '../../../src/services/desk/csat.ts'
import { errorOf, workspace, type ApiContext, type Client } from '../harness.ts'

/**
 * The service desk over HTTP: a conversation opened through the API is triaged by its job (language, sentiment,
 * priority with reasons), appears in the inbox views, takes a reply and a note; teams, routing rules, agents;
 * another workspace's conversation is not found.
 */
export function deskSuite(ctx: () => ApiContext): void {
  describe('service desk API', () => {
    let api: Client & { id: number }
    let other: Client & { id: number }
    let customer = 0
    before(async () => {
      api = await workspace(ctx().db, 'desk-api-a')
      other = await workspace(ctx().db, 'desk-api-b')
      customer = (await api('POST', '/api/v1/customers', { external_id: 'dc1', name: '王芳' })).body.id
    })

    const triaged = async (id: number) => {
      for (let i = 0; i < 200; i++) {
        const c = (await api('GET', `/api/v1/desk/conversations/${id}`)).body
        if (c.triage_state !== 'pending') return c
        await new Promise((r) => setTimeout(r, 25))
      }
      throw new Error(`conversation ${id} was not triaged`)
    }

    test('a conversation opened through the API is triaged in the background and shows in the inbox', async () => {
      const opened = await api('POST', '/api/v1/desk/conversations', { customer_internal_id: customer, subject: '退款', body: '商品坏了，非常失望，我要退款！', channel: 'chat' })
      assert.equal(opened.status, 201, opened.text)
      assert.deepEqual([opened.body.status, opened.body.triage_state, opened.body.messages.length], ['new', 'pending', 1])
      const c = await triaged(opened.body.id)
      assert.deepEqual([c.language, c.sentiment, c.triage_state, c.intent], ['zh', 'negative', 'needs_triage', null])
      assert.ok(c.triage.reasons.length >= 1)
      const view = await api('GET', '/api/v1/desk/conversations?view=needs_triage')
      assert.deepEqual(view.body.data.map((x: { id: number }) => x.id), [c.id])
      const counts = (await api('GET', '/api/v1/desk/conversations/counts')).body
      assert.deepEqual([counts.all, counts.unassigned, counts.needs_triage], [1, 1, 1])
      assert.equal((await api('GET', '/api/v1/desk/conversations?view=team')).status, 400, 'view=team needs team_id')
      assert.equal((await other('GET', `/api/v1/desk/conversations/${c.id}`)).status, 404)
    })

    test('reply, note, correction and solve; the thread keeps every message in order', async () => {
      const { body: [c] } = { body: (await api('GET', '/api/v1/desk/conversations')).body.data }
      const replied = await api('POST', `/api/v1/desk/conversations/${c.id}/messages`, { author: 'agent', body: '已为您办理退款。' })
      assert.equal(replied.status, 201, replied.text)
      assert.deepEqual([replied.body.status, replied.body.waiting_since], ['pending', null])
      await api('POST', `/api/v1/desk/conversations/${c.id}/messages`, { author: 'note', body: '已核实订单' })
      const fixed = await api('PATCH', `/api/v1/desk/conversations/${c.id}`, { intent: 'refund_request', tags: ['退款', 'vip'], status: 'solved' })
      assert.equal(fixed.status, 200, fixed.text)
      assert.deepEqual([fixed.body.intent_source, fixed.body.triage_state, fixed.body.status, fixed.body.tags], ['agent', 'done', 'solved', ['退款', 'vip']])
      const thread = (await api('GET', `/api/v1/desk/conversations/${c.id}`)).body
      assert.deepEqual(thread.messages.map((m: { author: string }) => m.author), ['customer', 'agent', 'note'])
      const bad = await api('PATCH', `/api/v1/desk/conversations/${c.id}`, { tags: ['two words'] })
      assert.equal(bad.status, 400)
      assert.equal(errorOf(bad).details?.[0]?.path, 'body.tags.0')
      assert.equal((await api('POST', '/api/v1/desk/conversations/claim', {})).status, 400, 'an API key is not a person who can take conversations')
    })

    test('teams, routing rules and agents: a rule naming another workspace’s team is refused at its path', async () => {
      const team = await api('POST', '/api/v1/desk/teams', { name: '售后', assignment: 'round_robin' })
      assert.equal(team.status, 201, team.text)
      assert.equal((await api('POST', '/api/v1/desk/teams', { name: '售后' })).status, 409)
      const rules = await api('PUT', '/api/v1/desk/routing-rules', { rules: [{ intents: ['refund_request'], languages: ['zh'], team_id: team.body.id }] })
      assert.equal(rules.status, 200, rules.text)
      assert.deepEqual(rules.body.data.map((r: { team_id: number }) => r.team_id), [team.body.id])
      const theirs = (await other('POST', '/api/v1/desk/teams', { name: 'theirs' })).body
      const refused = await api('PUT', '/api/v1/desk/routing-rules', { rules: [{ team_id: theirs.id }] })
      assert.equal(refused.status, 400)
      assert.equal(errorOf(refused).details?.[0]?.path, 'body.rules.0.team_id')
      assert.deepEqual((await api('GET', '/api/v1/desk/routing-rules')).body.data.length, 1, 'a refused list changes nothing')
      assert.equal((await api('GET', '/api/v1/desk/agents')).status, 200)
      assert.equal((await api('DELETE', `/api/v1/desk/teams/${theirs.id}`)).status, 404)
    })

    test('the satisfaction page of a solved conversation takes one answer; a forged link is a 400 page', async () => {
      const [c] = (await api('GET', '/api/v1/desk/conversations?status=solved')).body.data
      assert.ok(c, 'the conversation solved above')
      const path = new URL(await csatLink(ctx().db, api.id, c.id)).pathname
      const page = await ctx().app.inject({ url: path })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /name="rating" value="5"/)
      const form = { 'content-type': 'application/x-www-form-urlencoded' }
      const answered = await ctx().app.inject({ method: 'POST', url: path, headers: form, payload: 'rating=5&comment=%E5%BE%88%E5%A5%BD' })
      assert.equal(answered.statusCode, 200)
      assert.match(answered.body, /5/)
      assert.doesNotMatch((await ctx().app.inject({ url: path })).body, /name="rating"/, 'answered: the page shows the answer, not the form')
      const [row] = await ctx().db.query<{ rating: number; comment: string }>('SELECT rating, comment FROM desk_csat WHERE workspace_id = $1 AND ticket_id = $2', [api.id, c.id])
      assert.deepEqual([Number(row?.rating), row?.comment], [5, '很好'])
      assert.equal((await ctx().app.inject({ url: `${path.slice(0, -3)}xyz` })).statusCode, 400)
    })
  })
}
