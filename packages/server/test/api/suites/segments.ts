import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { errorOf, workspace, type ApiContext, type Client } from '../harness.ts'

/**
 * Segments over HTTP: create → refresh job → members, preview with per-condition counts and runnable SQL,
 * phrases, why, growth, the customer's segments, CSV export, and the located errors of bad trees.
 * Data: 40 customers sc1…sc40, even ones in 上海 and odd in 北京; every fourth has e-mail consent, every third 3
 * orders in the last 30 days: sc12, sc24 and sc36 match the tree.
 */
export function segmentsSuite(ctx: () => ApiContext): void {
  describe('segments API', () => {
    let api: Client & { id: number }
    const tree = {
      type: 'all',
      conditions: [
        { type: 'profile', field: 'city', op: 'is', value: '上海' },
        { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 90 }, op: '>=', value: 2 },
        { type: 'consent', channel: 'email', op: 'is', value: 'granted' },
      ],
    }
    before(async () => {
      api = await workspace(ctx().db, 'segments-a')
      const db = ctx().db
      await db.query(
        `INSERT INTO customers (workspace_id, external_id, email, city, signup_at)
         SELECT $1, 'sc' || g, 'sc' || g || '@example.com', CASE WHEN g % 2 = 0 THEN '上海' ELSE '北京' END, now() - interval '400 days' FROM generate_series(1, 40) g`, [api.id])
      await db.query(
        `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, status, total)
         SELECT $1, 'so' || c.id || '-' || k, c.id, now() - make_interval(days => 10 * k), 'completed', 20
           FROM customers c, generate_series(1, 3) k WHERE c.workspace_id = $1 AND substr(c.external_id, 3)::int % 3 = 0`, [api.id])
      await db.query(
        `INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at)
         SELECT $1, 'sk' || c.id, c.id, 'email', 'marketing', 'granted', now() - interval '1 day' FROM customers c WHERE c.workspace_id = $1 AND substr(c.external_id, 3)::int % 4 = 0`, [api.id])
    })

    async function finished(id: string): Promise<Record<string, unknown>> {
      for (let i = 0; i < 600; i++) {
        const j = (await api('GET', `/api/v1/jobs/${id}`)).body
        if (['completed', 'failed', 'cancelled'].includes(j.state)) return j
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`job ${id} did not finish`)
    }

    test('the preview counts what the saved segment then holds; its SQL runs by hand with the same result', async () => {
      const preview = await api('POST', '/api/v1/segments/preview', { tree })
      assert.equal(preview.status, 200, preview.text)
      const expected = (await ctx().db.query<{ n: number }>(
        `SELECT count(*) AS n FROM customers c WHERE c.workspace_id = $1 AND c.city = '上海' AND substr(c.external_id, 3)::int % 12 = 0`, [api.id]))[0]?.n
      assert.equal(preview.body.total, Number(expected))
      assert.equal(preview.body.total, 3)
      assert.equal(preview.body.conditions.length, 3)
      assert.equal(preview.body.conditions[0].count, 20)
      assert.equal(preview.body.sample.length, preview.body.total)
      const byHand = await ctx().db.query(preview.body.sql_inline)
      assert.equal(byHand.length, preview.body.total)

      const created = await api('POST', '/api/v1/segments', { name: 'Shanghai regulars', tree })
      assert.equal(created.status, 201, created.text)
      const job = await finished(created.body.refresh_job_id)
      assert.equal(job.state, 'completed', JSON.stringify(job))
      const seg = (await api('GET', `/api/v1/segments/${created.body.id}`)).body
      assert.equal(seg.member_count, preview.body.total)
      const members = (await api('GET', `/api/v1/segments/${seg.id}/members?limit=500&sort=-entered_at`)).body
      assert.equal(members.data.length, preview.body.total)
      assert.deepEqual(members.data.map((m: { id: number }) => m.id).sort(), preview.body.sample.map((m: { id: number }) => m.id).sort())

      const csv = await api('GET', `/api/v1/segments/${seg.id}/export`)
      assert.equal(csv.status, 200)
      assert.equal(csv.text.trim().split('\n').length, preview.body.total + 1)

      const one = members.data[0]
      const mine = (await api('GET', `/api/v1/customers/${one.id}/segments`)).body
      assert.deepEqual(mine.data.map((s: { segment: { id: number } }) => s.segment.id), [seg.id])
      const before = (await api('GET', `/api/v1/customers/${one.id}/segments?at=2000-01-01T00:00:00Z`)).body
      assert.deepEqual(before.data, [])

      const why = (await api('GET', `/api/v1/segments/${seg.id}/why/${one.id}`)).body
      assert.equal(why.matched, true)
      assert.equal(why.member, true)
      assert.deepEqual(why.conditions.map((c: { matched: boolean }) => c.matched), [true, true, true])
      assert.equal(why.conditions[1].actual, 3)

      const growth = (await api('GET', `/api/v1/segments/${seg.id}/growth?days=7`)).body
      assert.equal(growth.data.length, 7)
      assert.equal(growth.data.at(-1).size, preview.body.total)
      assert.equal(growth.data.reduce((s: number, d: { added: number }) => s + d.added, 0), preview.body.total)
    })

    test('a bad tree is a 400 naming the JSON path of the bad node and what was expected', async () => {
      const cases: Array<[unknown, string]> = [
        [{ type: 'all', conditions: [{ type: 'profile', field: 'shoe_size', op: 'is', value: 'x' }] }, 'body.tree.conditions.0.field'],
        [{ type: 'all', conditions: [{ type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 0 }, op: '>=', value: 1 }] }, 'body.tree.conditions.0.window.last_days'],
        [{ type: 'any', conditions: [{ type: 'behaviour', source: 'orders', measure: 'count', op: '>=', value: 'two' }] }, 'body.tree.conditions.0.value'],
        [{ type: 'profile', field: 'city', op: 'resembles', value: 'x' }, 'body.tree.op'],
        [{ type: 'all', conditions: [{ type: 'segment', op: 'in', segment_id: 987654 }] }, 'body.tree.conditions.0'],
      ]
      for (const [bad, path] of cases) {
        const res = await api('POST', '/api/v1/segments/preview', { tree: bad })
        assert.equal(res.status, 400, `${path}: ${res.text}`)
        assert.ok(errorOf(res).details?.some((d) => d.path === path), `${path} not in ${JSON.stringify(res.body)}`)
      }
    })

    test('a phrase becomes a tree to review, with the unknown words listed', async () => {
      const res = await api('POST', '/api/v1/segments/parse', { text: '上海 过去30天 下单至少2次 可以发邮件' })
      assert.equal(res.status, 200, res.text)
      assert.equal(res.body.lang, 'zh')
      const leaves = JSON.stringify(res.body.tree)
      assert.match(leaves, /"city"/)
      assert.match(leaves, /"last_days":30/)
      assert.match(leaves, /"consent"/)
      const unknown = await api('POST', '/api/v1/segments/parse', { text: 'customers in Shanghai who like zorblax' })
      // Unknown words come back as the spans of the phrase that were not understood.
      assert.ok(unknown.body.unknown.some((u: string) => u.split(/\s+/).includes('zorblax')), JSON.stringify(unknown.body))
    })

    test('the workspace time zone decides which calendar day an instant falls on; an unknown zone is a 400', async () => {
      await ctx().db.query(`INSERT INTO customers (workspace_id, external_id, signup_at) VALUES ($1, 'tz1', '2026-01-01T17:00:00Z')`, [api.id])
      const onSecond = { tree: { type: 'date', field: 'signup_at', op: 'on', value: '2026-01-02' } }
      assert.equal((await api('POST', '/api/v1/segments/preview', onSecond)).body.total, 0)
      const bad = await api('PATCH', '/api/v1/workspaces/current/time-zone', { time_zone: 'Mars/Olympus' })
      assert.equal(bad.status, 400)
      assert.ok(errorOf(bad).details?.some((d) => d.path === 'body.time_zone'))
      assert.equal((await api('PATCH', '/api/v1/workspaces/current/time-zone', { time_zone: 'Asia/Shanghai' })).status, 200)
      assert.equal((await api('POST', '/api/v1/segments/preview', onSecond)).body.total, 1)
      await ctx().db.query('DELETE FROM customers WHERE workspace_id = $1 AND external_id = $2', [api.id, 'tz1'])
    })

    test('a dynamic segment with refresh_every_hours is scheduled (cron on the hour); clearing it or deleting the segment removes the schedule', async () => {
      const schedule = async (id: number) => (await ctx().db.query<{ cron: string; kind: string }>(
        'SELECT cron, kind FROM job_schedules WHERE workspace_id = $1 AND name = $2', [api.id, `segments.refresh:ws${api.id}:s${id}`]))[0]
      const s = (await api('POST', '/api/v1/segments', { name: 'every 6 h', tree: { type: 'profile', field: 'city', op: 'is', value: '上海' }, refresh_every_hours: 6 })).body
      assert.deepEqual(await schedule(s.id), { cron: '0 */6 * * *', kind: 'segments.refresh' })
      assert.equal((await api('PATCH', `/api/v1/segments/${s.id}`, { refresh_every_hours: 5 })).status, 400)
      assert.equal((await api('PATCH', `/api/v1/segments/${s.id}`, { refresh_every_hours: 24 })).status, 200)
      assert.equal((await schedule(s.id))?.cron, '0 0 * * *')
      assert.equal((await api('PATCH', `/api/v1/segments/${s.id}`, { refresh_every_hours: null })).status, 200)
      assert.equal(await schedule(s.id), undefined)
      await api('PATCH', `/api/v1/segments/${s.id}`, { refresh_every_hours: 12 })
      assert.equal((await api('DELETE', `/api/v1/segments/${s.id}`)).status, 204)
      assert.equal(await schedule(s.id), undefined)
    })

    test('a refresh is a job; deleting a segment another uses is a 409; a viewer cannot create', async () => {
      const base = (await api('POST', '/api/v1/segments', { name: 'base', tree: { type: 'profile', field: 'city', op: 'is', value: '北京' } })).body
      const user = await api('POST', '/api/v1/segments', { name: 'user', kind: 'static', tree: { type: 'not', condition: { type: 'segment', op: 'in', segment_id: base.id } } })
      assert.equal(user.status, 201, user.text)
      const refresh = await api('POST', `/api/v1/segments/${user.body.id}/refresh`)
      assert.equal(refresh.status, 202)
      assert.equal((await finished(refresh.body.id)).state, 'completed')
      assert.equal((await api('GET', `/api/v1/segments/${user.body.id}`)).body.member_count, 20)
      const del = await api('DELETE', `/api/v1/segments/${base.id}`)
      assert.equal(del.status, 409, del.text)
      assert.equal((await api('DELETE', `/api/v1/segments/${user.body.id}`)).status, 204)
      assert.equal((await api('DELETE', `/api/v1/segments/${base.id}`)).status, 204)
      assert.equal((await api('GET', `/api/v1/segments/${base.id}`)).status, 404)
    })
  })
}
