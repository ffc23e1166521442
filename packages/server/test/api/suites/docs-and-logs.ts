import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import SwaggerParser from '@apidevtools/swagger-parser'
import { buildApp } from '../../../src/api/build-app.ts'
import { attachApp, authHeaders, client, errorOf, workspace, type ApiContext, queueOf } from '../harness.ts'

export function docsAndLogsSuite(ctx: () => ApiContext): void {
  describe('OpenAPI, docs, error shapes and logs', () => {
    test('/api/openapi.json is a valid OpenAPI 3 document describing every route group', async () => {
      const res = await ctx().app.inject('/api/openapi.json')
      assert.equal(res.statusCode, 200)
      const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, unknown>> }
      assert.match(doc.openapi, /^3\./)
      await SwaggerParser.validate(structuredClone(doc) as never)
      const paths = Object.keys(doc.paths)
      for (const p of [
        '/health', '/api/v1/customers/', '/api/v1/customers/{id}', '/api/v1/customers/by-external/{externalId}', '/api/v1/customers/{id}/360',
        '/api/v1/products/', '/api/v1/orders/', '/api/v1/orders/{id}', '/api/v1/orders/batch', '/api/v1/events/', '/api/v1/events/batch',
        '/api/v1/reviews/{id}', '/api/v1/tickets/', '/api/v1/consents/',
      ]) assert.ok(paths.includes(p), `${p} is documented (have ${paths.join(', ')})`)
      assert.deepEqual(Object.keys(doc.paths['/api/v1/consents/'] ?? {}).sort(), ['get', 'post'])
      assert.ok(!paths.some((p) => p.startsWith('/docs')), 'the docs UI itself is not an API route')
    })

    test('/docs serves the interactive documentation', async () => {
      const res = await ctx().app.inject('/docs')
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /text\/html/)
      assert.match(res.body, /swagger/i)
    })

    test('client mistakes at the HTTP level use the same error shape', async () => {
      const app = ctx().app
      await workspace(ctx().db, 'http-errors')
      const auth = authHeaders(app, 'http-errors')
      const nope = await app.inject('/api/v1/nothing-here')
      assert.equal(nope.statusCode, 404)
      assert.equal(errorOf({ status: 404, body: JSON.parse(nope.body), text: nope.body }).code, 'not_found')
      const badJson = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"external_id":' })
      assert.equal(badJson.statusCode, 400)
      assert.equal(JSON.parse(badJson.body).error.code, 'validation_failed')
      const xml = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: { ...auth, 'content-type': 'application/xml' }, payload: '<customer/>' })
      assert.equal(xml.statusCode, 415)
      assert.equal(JSON.parse(xml.body).error.code, 'unsupported_media_type')
      const text = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' })
      assert.deepEqual(JSON.parse(text.body).error.details, [{ path: 'body', message: 'Invalid input: expected object, received string' }])
      const health = await app.inject('/health')
      assert.deepEqual(JSON.parse(health.body), { status: 'ok', database: ctx().backend === 'PGlite' ? 'pglite' : 'postgres' })
    })

    test('no email or phone number reaches the log, whether in a body, a query string, a path or an error', async () => {
      const lines: string[] = []
      const stream = new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString('utf8'))
          done()
        },
      })
      const app = buildApp({ db: ctx().db, queue: queueOf(ctx().db), logger: { level: 'trace', stream } })
      try {
        await workspace(ctx().db, 'logs')
        attachApp(app, ctx().db)
        const api = client(app, 'logs')
        const email = 'secret.person@example.com'
        const phone = '+44 20 7946 0958'
        assert.equal((await api('POST', '/api/v1/customers', { external_id: 'lg1', email, phone, name: 'Secret Person' })).status, 201)
        assert.equal((await api('POST', '/api/v1/customers', { external_id: 'lg1', email, phone })).status, 409)
        assert.equal((await api('POST', '/api/v1/customers', { external_id: 'lg2', email: 'secret.person@', phone })).status, 400)
        assert.equal((await api('GET', `/api/v1/customers?email=${encodeURIComponent(email)}&q=secret`)).status, 200)
        assert.equal((await api('GET', `/api/v1/customers?email=${email}`)).status, 200)
        assert.equal((await api('POST', '/api/v1/customers', { external_id: email })).status, 201)
        assert.equal((await api('GET', `/api/v1/customers/by-external/${encodeURIComponent(email)}`)).status, 200)
        assert.equal((await api('GET', `/api/v1/customers/by-external/${email}`)).status, 200)
        await app.inject({ method: 'POST', url: '/api/v1/customers', headers: { ...authHeaders(app, 'logs'), 'content-type': 'application/json' }, payload: `{"email":"${email}",` })
      } finally {
        await app.close()
      }
      const log = lines.join('')
      assert.ok(lines.length >= 18, `requests were logged (${lines.length} lines)`)
      assert.match(log, /"url":"\/api\/v1\/customers\?email=\[redacted\]&q=\[redacted\]"/)
      assert.match(log, /"statusCode":409/)
      for (const secret of ['secret.person', 'example.com', '%40example', '7946', 'Secret Person']) {
        assert.ok(!log.includes(secret), `"${secret}" appears in the log:\n${lines.filter((l) => l.includes(secret)).join('')}`)
      }
    })
  })
}
