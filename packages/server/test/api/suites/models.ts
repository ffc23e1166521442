import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { errorOf, workspace, type ApiContext, type Client } from '../harness.ts'

/**
 * The model registry over HTTP: training as a job, the insufficient-data status, a trained churn version with its
 * report, stored scores in the 360° view, promotion and rollback, option validation and workspace isolation.
 * The workspace's data is synthetic (SQL): 700 customers buying in three months of four through 2024, except one in
 * three who stops after 3 to 9 months — enough for churn's backtest windows.
 */
export function modelsSuite(ctx: () => ApiContext): void {
  describe('model registry API', () => {
    let api: Client & { id: number }
    let empty: Client & { id: number }
    before(async () => {
      api = await workspace(ctx().db, 'models-a')
      empty = await workspace(ctx().db, 'models-b')
      const db = ctx().db
      await db.query(
        `INSERT INTO customers (workspace_id, external_id, signup_at, gender)
         SELECT $1, 'c' || g, '2023-12-01T00:00:00Z', CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END FROM generate_series(1, 700) g`,
        [api.id],
      )
      await db.query(
        `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, status, channel, total)
         SELECT $1, 'o' || c.id || '-' || m, c.id,
                timestamptz '2024-01-10T12:00:00Z' + make_interval(months => m, days => (c.id % 20)::int), 'completed', 'web', 20 + (c.id % 50)
         FROM customers c, generate_series(0, 11) m
         WHERE c.workspace_id = $1 AND (c.id * 7919 + m * 104729) % 100 < 75 AND (c.id % 3 <> 0 OR m < 3 + (c.id % 7)::int)`,
        [api.id],
      )
    })

    async function finished(client: Client, id: string): Promise<Record<string, unknown>> {
      for (let i = 0; i < 1200; i++) {
        const j = (await client('GET', `/api/v1/jobs/${id}`)).body
        if (['completed', 'failed', 'cancelled'].includes(j.state)) return j
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`job ${id} did not finish`)
    }

    test('training options are checked before a job is queued: a bad option or kind is a 400 naming it', async () => {
      const bad = await api('POST', '/api/v1/models/churn/train', { options: { horizon_days: 1 } })
      assert.equal(bad.status, 400)
      assert.ok(errorOf(bad).details?.some((d) => d.path === 'options.horizon_days'), JSON.stringify(bad.body))
      const unknown = await api('POST', '/api/v1/models/churn/train', { options: { colour: 'red' } })
      assert.equal(unknown.status, 400)
      assert.equal((await api('POST', '/api/v1/models/planets/train', {})).status, 400)
    })

    test('a workspace without enough data gets the insufficient-data status with what it needs, as a completed job', async () => {
      const res = await empty('POST', '/api/v1/models/churn/train', {})
      assert.equal(res.status, 202, res.text)
      const job = await finished(empty, res.body.id)
      assert.equal(job.state, 'completed', JSON.stringify(job))
      assert.equal((job.result as { status: string }).status, 'insufficient_data')
      const list = (await empty('GET', '/api/v1/models')).body
      const churn = list.kinds.find((k: { kind: string }) => k.kind === 'churn')
      assert.equal(churn.active, null)
      assert.equal(churn.latest.status, 'insufficient_data')
      assert.match(churn.latest.reason, /needs ≥ 500 customers/)
    })

    test('a trained churn version is active with its backtest report, and the 360° view shows the stored score with reasons', async () => {
      const res = await api('POST', '/api/v1/models/churn/train', {})
      const job = await finished(api, res.body.id)
      assert.equal(job.state, 'completed', JSON.stringify(job))
      const run = job.result as { status: string; versionId: number }
      assert.equal(run.status, 'active')
      const version = (await api('GET', `/api/v1/models/${run.versionId}`)).body
      assert.equal(version.status, 'active')
      assert.ok(version.metrics.roc_auc > 0.5, JSON.stringify(version.metrics))
      assert.ok(Array.isArray(version.report.roc) && version.report.roc.length > 2)
      assert.deepEqual(version.report.fairness.gender.groups.map((g: { group: string }) => g.group).sort(), ['female', 'male'])
      assert.equal(version.artefact, undefined, 'the fitted model is not sent')
      const [customer] = await ctx().db.query<{ id: number }>(`SELECT id FROM customers WHERE workspace_id = $1 AND external_id = 'c3'`, [api.id])
      const view = (await api('GET', `/api/v1/customers/${customer?.id}/360`)).body
      const churn = view.intelligence.scores.find((s: { kind: string }) => s.kind === 'churn')
      assert.ok(churn.score >= 0 && churn.score <= 1)
      assert.ok(['low', 'medium', 'high'].includes(churn.band))
      assert.ok(churn.reasons.length > 0)
      assert.equal(churn.model_version.id, run.versionId)
    })

    test('promote: the active version is refused with 409; rolling back to a retired version makes it active again', async () => {
      const first = (await api('GET', '/api/v1/models?kind=churn&status=active')).body.data[0]
      assert.equal((await api('POST', `/api/v1/models/${first.id}/promote`)).status, 409)
      const second = await finished(api, (await api('POST', '/api/v1/models/churn/train', {})).body.id)
      assert.equal((second.result as { status: string }).status, 'active', 'the same data gives an equal backtest, within tolerance')
      assert.equal((await api('GET', `/api/v1/models/${first.id}`)).body.status, 'retired')
      const promote = await api('POST', `/api/v1/models/${first.id}/promote`)
      assert.equal(promote.status, 202)
      assert.equal((await finished(api, promote.body.id)).state, 'completed')
      assert.equal((await api('GET', `/api/v1/models/${first.id}`)).body.status, 'active')
      const audit = (await api('GET', '/api/v1/audit?action=promote')).body.data
      assert.equal(audit[0]?.entity_id, String(first.id))
    })

    test("another workspace's versions answer 404", async () => {
      const mine = (await api('GET', '/api/v1/models?kind=churn')).body.data[0]
      assert.equal((await empty('GET', `/api/v1/models/${mine.id}`)).status, 404)
      assert.equal((await empty('POST', `/api/v1/models/${mine.id}/promote`)).status, 404)
    })
  })
}
