import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { RapportError } from '../../../errors/rapport-error.ts'
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts'

const SECRET = 'whsec_test'
const BODY = Buffer.from('{"type":"bounce","message_id":"<m@x>"}')
const NOW = new Date('2026-03-01T12:00:00Z')
const T = NOW.getTime() / 1000
const unauthenticated = (e: unknown): boolean => e instanceof RapportError && e.code === 'unauthenticated'

test('signWebhook writes t and the hex HMAC-SHA256 of "t.body"', () => {
  const hex = createHmac('sha256', SECRET).update(`${T}.${BODY.toString()}`).digest('hex')
  assert.equal(signWebhook(SECRET, BODY, NOW), `t=${T},v1=${hex}`)
})

test('verifyWebhookSignature accepts its own signature within 5 minutes and returns t', () => {
  const header = signWebhook(SECRET, BODY, NOW)
  assert.equal(verifyWebhookSignature(SECRET, BODY, header, new Date(NOW.getTime() + 299_000)), T)
  assert.equal(verifyWebhookSignature(SECRET, BODY, header, new Date(NOW.getTime() - 60_000)), T)
})

test('verifyWebhookSignature rejects a signature older than 5 minutes', () => {
  const header = signWebhook(SECRET, BODY, NOW)
  assert.throws(() => verifyWebhookSignature(SECRET, BODY, header, new Date(NOW.getTime() + 301_000)), unauthenticated)
})

test('verifyWebhookSignature rejects a changed body, a changed timestamp and another secret', () => {
  const header = signWebhook(SECRET, BODY, NOW)
  assert.throws(() => verifyWebhookSignature(SECRET, Buffer.from(`${BODY.toString()} `), header, NOW), unauthenticated)
  assert.throws(() => verifyWebhookSignature(SECRET, BODY, header.replace(`t=${T}`, `t=${T + 1}`), NOW), unauthenticated)
  assert.throws(() => verifyWebhookSignature('other', BODY, header, NOW), unauthenticated)
})

test('verifyWebhookSignature rejects missing or malformed headers', () => {
  for (const h of [undefined, '', 'v1=abc', `t=${T}`, `t=${T},v1=zz`, `t=abc,v1=${'0'.repeat(64)}`]) {
    assert.throws(() => verifyWebhookSignature(SECRET, BODY, h, NOW), unauthenticated, String(h))
  }
})

test('verifyWebhookSignature accepts a header where any one of several v1 entries matches', () => {
  const header = signWebhook(SECRET, BODY, NOW).replace(',v1=', `,v1=${'0'.repeat(64)},v1=`)
  assert.equal(verifyWebhookSignature(SECRET, BODY, header, NOW), T)
})
