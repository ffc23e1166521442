import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import type { Db } from '../store/db.ts'
import { InProcessQueue } from '../adapters/queue/inprocess-queue.ts'
import { buildApp } from './build-app.ts'

/** A database that fails every query the way a dropped connection would. */
function brokenDb(message: string): Db {
  const fail = async (): Promise<never> => {
    throw new Error(message)
  }
  return { kind: 'postgres', query: fail, exec: fail, transaction: fail, close: async () => undefined }
}

test('/health is 503 `unavailable` when the database does not answer', async () => {
  const app = buildApp({ db: brokenDb('connection terminated'), queue: new InProcessQueue(brokenDb('unused')), logger: false })
  const r = await app.inject('/health')
  assert.equal(r.statusCode, 503)
  assert.deepEqual(JSON.parse(r.body), { error: { code: 'unavailable', message: 'the database is not answering' } })
  await app.close()
})

test('an unexpected failure is a 500 with a generic message: no stack, no internals; it is logged', async () => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  const app = buildApp({ db: brokenDb('relation "secret_table" does not exist for ann@example.com'), queue: new InProcessQueue(brokenDb('relation "secret_table" does not exist for ann@example.com')), logger: { stream } })
  // A well-formed key: looking it up is the first query, and it fails as the database does.
  const r = await app.inject({ url: '/api/v1/customers', headers: { authorization: `Bearer rk_abcdefgh_${'x'.repeat(32)}` } })
  assert.equal(r.statusCode, 500)
  const body = JSON.parse(r.body)
  assert.deepEqual(Object.keys(body), ['error'])
  assert.equal(body.error.code, 'internal')
  assert.doesNotMatch(r.body, /secret_table|at \/|\.ts:/)
  await app.close()
  const log = lines.join('')
  assert.match(log, /secret_table/, 'the real cause is in the log')
  assert.doesNotMatch(log, /ann@example\.com/, 'but not the personal data in it')
})
