import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { backends } from '../../../test/backends.ts'
import { startApp } from '../../../test/api/harness.ts'
import { systemActor } from '../../domain/actor.ts'
import { createApiKey } from '../../services/auth/api-keys.ts'
import { seedInsightWorkspace, type InsightFixture } from '../../services/intelligence/insights/insight-fixture.ts'
import type { Db } from '../../store/db.ts'

for (const backend of backends()) {
  describe(`/api/v1/insights and the customer score filters over HTTP, on ${backend.name}`, () => {
    let db: Db
    let app: FastifyInstance
    let a: InsightFixture
    let viewer: Record<string, string>
    let owner: Record<string, string>
    before(async () => {
      db = await backend.open()
      app = await startApp(db)
      a = await seedInsightWorkspace(db, 'http-a', 5)
      await seedInsightWorkspace(db, 'http-b', 6)
      viewer = { authorization: `Bearer ${(await createApiKey(db, systemActor(a.workspaceId, 'cli'), { name: 'v', role: 'viewer' })).key}` }
      owner = { authorization: `Bearer ${(await createApiKey(db, systemActor(a.workspaceId, 'cli'), { name: 'o', role: 'owner' })).key}` }
    })
    after(async () => {
      await app?.close()
      await db?.close()
    })
    const get = async (url: string, headers = owner) => {
      const r = await app.inject({ url, headers })
      return { status: r.statusCode, body: JSON.parse(r.body) as Record<string, unknown> & { error?: { code: string; message: string; details?: Array<{ path: string }> } }, text: r.body }
    }

    test('every insight endpoint answers 200 in its documented shape for a viewer', async () => {
      for (const path of ['overview', 'overview?months=3', 'rfm', 'clusters', 'rules?limit=2&sort=support', 'cohorts?months=6', 'clv']) {
        const r = await get(`/api/v1/insights/${path}`, viewer)
        assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 300)}`)
      }
      const o = (await get('/api/v1/insights/overview?months=3')).body as { revenue_by_month: unknown[]; scored_at: Record<string, unknown> }
      assert.equal(o.revenue_by_month.length, 3)
      assert.deepEqual(Object.keys(o.scored_at).sort(), ['anomaly', 'basket_rules', 'churn', 'clusters', 'clv', 'next_category', 'recommend', 'rfm', 'sentiment', 'ticket_intent', 'uplift'])
      assert.equal(((await get('/api/v1/insights/rules?limit=2&sort=support')).body.rules as unknown[]).length, 2)
    })

    test('a bad query value is a 400 in the one error shape naming the parameter', async () => {
      const bad: Array<[string, string]> = [
        ['/api/v1/insights/overview?months=0', 'months'], ['/api/v1/insights/overview?months=1e2', 'months'], ['/api/v1/insights/cohorts?months=61', 'months'],
        ['/api/v1/insights/rules?sort=name', 'sort'], ['/api/v1/insights/rules?limit=501', 'limit'], ['/api/v1/insights/rfm?r=1', 'r'],
        ['/api/v1/customers?churn_band=extreme', 'churn_band'], ['/api/v1/customers?churn_min=1.5', 'churn_min'], ['/api/v1/customers?p_alive_max=-0.1', 'p_alive_max'],
        ['/api/v1/customers?clv_min=1e3', 'clv_min'], ['/api/v1/customers?cluster=x', 'cluster'], ['/api/v1/customers?cohort=2026-13', 'cohort'],
        ['/api/v1/customers?bought_products=1,,2', 'bought_products'], ['/api/v1/customers?bought_products=0x1', 'bought_products'],
        ['/api/v1/customers?rfm_segment=', 'rfm_segment'], ['/api/v1/customers?sort=churn', 'sort'], ['/api/v1/customers/export?churn_min=2', 'churn_min'],
      ]
      for (const [url, param] of bad) {
        const r = await get(url)
        assert.equal(r.status, 400, url)
        assert.deepEqual(Object.keys(r.body), ['error'], url)
        assert.equal(r.body.error?.code, 'validation_failed', url)
        assert.match(JSON.stringify(r.body.error), new RegExp(param), url)
      }
    })

    test('the customer list and its CSV export select the same customers by score, cohort and basket', async () => {
      const high = a.scores.filter((s) => s.kind === 'churn' && s.band === 'high').map((s) => s.customer)
      const list = await get('/api/v1/customers?churn_band=high&sort=-churn_score&limit=500')
      const rows = list.body.data as Array<{ id: number; external_id: string }>
      assert.deepEqual(rows.map((r) => r.id).sort((x, y) => x - y), [...high].sort((x, y) => x - y))
      const score = new Map(a.scores.filter((s) => s.kind === 'churn').map((s) => [s.customer, s.score as number]))
      const order = rows.map((r) => score.get(r.id) as number)
      assert.deepEqual(order, [...order].sort((x, y) => y - x))
      const csv = await app.inject({ url: '/api/v1/customers/export?churn_band=high', headers: owner })
      assert.equal(csv.statusCode, 200, csv.body)
      const lines = csv.body.trim().split('\n')
      assert.equal(lines.length - 1, high.length)
      for (const r of rows) assert.ok(lines.some((l) => l.startsWith(`${r.external_id},`)), r.external_id)
      const [p0, , p2] = a.products as [number, number, number]
      const buyers = new Set(a.orders.filter((o) => o.status === 'completed' && o.lines.some(([p]) => p === p0) && o.lines.some(([p]) => p === p2)).map((o) => o.customer))
      const basket = await get(`/api/v1/customers?bought_products=${p0},${p2}&limit=500`)
      assert.deepEqual((basket.body.data as Array<{ id: number }>).map((r) => r.id).sort((x, y) => x - y), [...buyers].sort((x, y) => x - y))
      const rules = (await get('/api/v1/insights/rules')).body.rules as Array<{ antecedent: Array<{ id: number }>; consequent: Array<{ id: number }>; customers: number }>
      const rule = rules.find((r) => r.antecedent.length === 1 && r.antecedent[0]?.id === p0 && r.consequent[0]?.id === p2)
      assert.equal(rule?.customers, buyers.size, 'the rule\'s count is its drill-down\'s size')
    })
  })
}
