import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { authHeaders, workspace, type ApiContext, type Client } from '../harness.ts'
import { jobsUploadsSuite } from './jobs-uploads.ts'

/** Imports uploaded through the API run as jobs, visible (with progress and errors) under /api/v1/jobs. */
export function jobsSuite(ctx: () => ApiContext): void {
  describe('jobs and API imports', () => {
    let app: FastifyInstance
    let api: Client & { id: number }
    let other: Client & { id: number }
    before(async () => {
      app = ctx().app
      api = await workspace(ctx().db, 'jobs-a')
      other = await workspace(ctx().db, 'jobs-b')
    })

    const upload = (entity: string, body: string, type = 'text/csv', query = '') =>
      app.inject({ method: 'POST', url: `/api/v1/imports/${entity}${query}`, headers: { ...authHeaders(app, 'jobs-a'), 'content-type': type }, payload: body })

    async function finished(id: string): Promise<Record<string, unknown>> {
      for (let i = 0; i < 200; i++) {
        const j = (await api('GET', `/api/v1/jobs/${id}`)).body
        if (['completed', 'failed', 'cancelled'].includes(j.state)) return j
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`job ${id} did not finish`)
    }

    test('a CSV uploaded to /imports/customers is imported by a job: 202, then completed with counts, progress 1 and an audit row naming the key', async () => {
      const res = await upload('customers', 'external_id,name,city\nj1,Ann,Oslo\nj2,Bob,上海\n', 'text/csv', '?file_name=people.csv')
      assert.equal(res.statusCode, 202, res.body)
      const job = JSON.parse(res.body)
      assert.equal(job.kind, 'import')
      const done = await finished(job.id)
      assert.equal(done.state, 'completed', JSON.stringify(done))
      assert.equal(done.progress, 1)
      assert.equal((done.result as { inserted: number }).inserted, 2)
      assert.equal((await api('GET', '/api/v1/customers/by-external/j2')).body.city, '上海')
      const audit = (await api('GET', '/api/v1/audit?action=import&entity=customers')).body.data[0]
      assert.match(audit.actor_label, /^key:/)
      assert.equal(audit.changes.source, 'people.csv')
      const list = (await api('GET', '/api/v1/jobs?kind=import&state=completed')).body
      assert.ok(list.data.some((j: { id: string }) => j.id === job.id))
    })

    test('a file with a bad row fails its job with the row located, and writes nothing', async () => {
      const res = await upload('customers', 'external_id,email\nj3,ok@example.com\nj4,not-an-email\n', 'text/csv', '?file_name=bad.csv')
      const done = await finished(JSON.parse(res.body).id)
      assert.equal(done.state, 'failed')
      assert.match(String(done.error), /bad\.csv:3: email:/)
      assert.equal((await api('GET', '/api/v1/customers/by-external/j3')).status, 404)
    })

    test('JSON Lines import; unknown entity 400; wrong content type 415; another workspace cannot see or cancel the job', async () => {
      const res = await upload('products', '{"sku":"js1","name":"Tea"}\n{"sku":"js2","name":"Cup"}\n', 'application/x-ndjson')
      const job = JSON.parse(res.body)
      assert.equal((await finished(job.id)).state, 'completed')
      assert.equal((await upload('planets', 'a\n1\n')).statusCode, 400)
      assert.equal((await upload('customers', '<x/>', 'application/xml')).statusCode, 415)
      assert.equal((await other('GET', `/api/v1/jobs/${job.id}`)).status, 404)
      assert.equal((await other('POST', `/api/v1/jobs/${job.id}/cancel`)).status, 404)
      const cancelDone = await api('POST', `/api/v1/jobs/${job.id}/cancel`)
      assert.equal(cancelDone.status, 409)
      assert.equal((await api('GET', '/api/v1/jobs/not-a-uuid')).status, 400)
    })
    jobsUploadsSuite(ctx)
  })
}
