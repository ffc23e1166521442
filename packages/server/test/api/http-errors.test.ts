import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { ERROR_CODES } from '../../src/errors/codes.ts'
import { openPgliteDb } from '../../src/store/pglite-db.ts'
import { migrate } from '../../src/store/migrate.ts'
import type { Db } from '../../src/store/db.ts'
import { authHeaders, startApp, workspace } from './harness.ts'

// Failures that happen before or around routing, over a real socket (some never reach Fastify's router):
// each answers in the one error shape with a code from the fixed list.
let db: Db
let app: FastifyInstance
let base: string
before(async () => {
  db = await openPgliteDb('memory://')
  await migrate(db)
  app = await startApp(db)
  await workspace(db, 'http')
  await app.listen({ port: 0, host: '127.0.0.1' })
  const addr = app.server.address()
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
})
after(async () => {
  await app.close()
  await db.close()
})

function assertShape(status: number, text: string, want: { status: number; code: string }): void {
  assert.equal(status, want.status, text)
  const body = JSON.parse(text) as { error?: { code?: string; message?: string } }
  assert.deepEqual(Object.keys(body), ['error'], text)
  assert.equal(body.error?.code, want.code, text)
  assert.ok((ERROR_CODES as readonly string[]).includes(String(body.error?.code)))
  assert.equal(typeof body.error?.message, 'string')
}

/** Sends raw bytes and returns the status and body of the answer. */
function raw(request: string): Promise<{ status: number; body: string }> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(request))
    let data = ''
    socket.on('data', (c: Buffer) => (data += c.toString('utf8')))
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1])
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) })
    })
    socket.on('error', reject)
  })
}

test('unknown route, malformed URL, too-large headers, bad JSON, too-large body and wrong content type all use the one error shape', async () => {
  const auth = authHeaders(app, 'http')
  const nope = await fetch(`${base}/api/v1/nothing-here`, { headers: auth })
  assertShape(nope.status, await nope.text(), { status: 404, code: 'not_found' })
  const badUrl = await fetch(`${base}/api/v1/customers/%E0%A4%A`, { headers: auth })
  assertShape(badUrl.status, await badUrl.text(), { status: 400, code: 'validation_failed' })
  const big = await raw(`GET /api/v1/customers HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
  assertShape(big.status, big.body, { status: 431, code: 'validation_failed' })
  const garbage = await raw('NOT HTTP AT ALL\r\n\r\n')
  assertShape(garbage.status, garbage.body, { status: 400, code: 'validation_failed' })
  const badJson = await fetch(`${base}/api/v1/customers`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"external_id":' })
  assertShape(badJson.status, await badJson.text(), { status: 400, code: 'validation_failed' })
  const huge = await fetch(`${base}/api/v1/events/batch`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: `{"items":[${`{"a":"${'x'.repeat(1000)}"},`.repeat(35_000)}{}]}` })
  assertShape(huge.status, await huge.text(), { status: 413, code: 'payload_too_large' })
  const xml = await fetch(`${base}/api/v1/customers`, { method: 'POST', headers: { ...auth, 'content-type': 'application/xml' }, body: '<x/>' })
  assertShape(xml.status, await xml.text(), { status: 415, code: 'unsupported_media_type' })
  const nul = await fetch(`${base}/api/v1/customers?city=%00`, { headers: auth })
  assertShape(nul.status, await nul.text(), { status: 400, code: 'validation_failed' })
  const hexId = await fetch(`${base}/api/v1/customers/0x1`, { headers: auth })
  assertShape(hexId.status, await hexId.text(), { status: 400, code: 'validation_failed' })
})
