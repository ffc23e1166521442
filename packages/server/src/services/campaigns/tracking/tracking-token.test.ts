import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { RapportError } from '../../../errors/rapport-error.ts'
import { signToken, verifyToken, type TrackingPayload } from './tracking-token.ts'

const SECRET = 'workspace-secret-for-tests'
const open: TrackingPayload = { k: 'open', w: 1, c: 42, r: 123456 }
const click: TrackingPayload = { k: 'click', w: 1, c: 42, r: 123456, u: 'https://shop.example/p/9?utm=x&a=b' }

const isValidationError = (e: unknown): boolean => e instanceof RapportError && e.code === 'validation_failed'

// The same MAC the module computes, rebuilt here so a test can forge a well-signed but ill-formed payload.
function signRaw(secret: string, json: string): string {
  const body = Buffer.from(json).toString('base64url')
  const key = createHmac('sha256', secret).update('rapport-tracking-v1').digest()
  return `${body}.${createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url')}`
}

test('verifyToken returns the payload signToken signed', () => {
  assert.deepEqual(verifyToken(SECRET, signToken(SECRET, open)), open)
  assert.deepEqual(verifyToken(Buffer.from(SECRET), signToken(Buffer.from(SECRET), click), 'click'), click)
})

test('signToken is deterministic and tokens are URL-safe and short', () => {
  const t = signToken(SECRET, open)
  assert.equal(signToken(SECRET, { r: 123456, c: 42, w: 1, k: 'open' }), t)
  assert.match(t, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/)
  assert.ok(t.length < 80, `${t.length} characters`)
})

test('verifyToken rejects a tampered payload', () => {
  const [, sig] = signToken(SECRET, open).split('.')
  const forged = Buffer.from(JSON.stringify({ ...open, r: 123457 })).toString('base64url')
  assert.throws(() => verifyToken(SECRET, `${forged}.${sig}`), isValidationError)
})

test('verifyToken rejects a tampered signature', () => {
  const t = signToken(SECRET, open)
  const last = t.at(-2) === 'A' ? 'B' : 'A'
  assert.throws(() => verifyToken(SECRET, `${t.slice(0, -2)}${last}${t.slice(-1)}`), isValidationError)
})

test('verifyToken rejects a signature whose unused trailing bits were changed', () => {
  const t = signToken(SECRET, open)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  // The last of 22 characters carries 2 bits of the MAC; flipping a low bit keeps the decoded bytes.
  const last = alphabet[alphabet.indexOf(t.at(-1) ?? 'A') ^ 1] ?? 'A'
  assert.deepEqual(Buffer.from(`${t.slice(0, -1)}${last}`.split('.')[1] ?? '', 'base64url'), Buffer.from(t.split('.')[1] ?? '', 'base64url'))
  assert.throws(() => verifyToken(SECRET, `${t.slice(0, -1)}${last}`), isValidationError)
})

test('verifyToken rejects a token signed with another secret', () => {
  assert.throws(() => verifyToken(SECRET, signToken('another-secret', open)), isValidationError)
})

test('verifyToken rejects a token of another kind than the endpoint expects', () => {
  assert.throws(() => verifyToken(SECRET, signToken(SECRET, open), 'unsub'), isValidationError)
  assert.throws(() => verifyToken(SECRET, signToken(SECRET, click), 'open'), isValidationError)
})

test('verifyToken rejects malformed tokens', () => {
  for (const bad of ['', '.', 'abc', 'abc.', '.abc', 'a.b.c', 'a b.cccccccccccccccccccccc', `${'a'.repeat(9000)}.${'b'.repeat(22)}`]) {
    assert.throws(() => verifyToken(SECRET, bad), isValidationError, JSON.stringify(bad.slice(0, 20)))
  }
})

test('verifyToken rejects correctly signed payloads of the wrong shape', () => {
  for (const json of ['not json', '[1]', '{"k":"spam","w":1,"c":1,"r":1}', '{"k":"open","w":1,"c":1,"r":-1}',
    '{"k":"open","w":"1","c":1,"r":1}', '{"k":"click","w":1,"c":1,"r":1}', '{"k":"open","w":1,"c":1,"r":1,"u":"https://x"}',
    '{"k":"open","w":1,"c":1,"r":1,"admin":true}']) {
    assert.throws(() => verifyToken(SECRET, signRaw(SECRET, json)), isValidationError, json)
  }
})

test('signToken refuses a click payload without a url', () => {
  assert.throws(() => signToken(SECRET, { k: 'click', w: 1, c: 1, r: 1 }), isValidationError)
})
