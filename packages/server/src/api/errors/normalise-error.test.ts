import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ERROR_CODES } from '../../errors/codes.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import { exitCodeOf } from '../../cli/to-exit-code.ts'
import { normaliseError } from './normalise-error.ts'
import { httpStatusOf } from './to-http.ts'

test('every error code maps to its HTTP status and exit code', () => {
  const table: Record<(typeof ERROR_CODES)[number], [number, number]> = {
    validation_failed: [400, 1], usage: [400, 2], not_found: [404, 1], conflict: [409, 1], unauthenticated: [401, 1],
    forbidden: [403, 1], rate_limited: [429, 1], payload_too_large: [413, 1], unsupported_media_type: [415, 1],
    precondition_failed: [412, 1], too_expensive: [422, 1], unavailable: [503, 1], internal: [500, 1],
  }
  for (const code of ERROR_CODES) {
    assert.equal(httpStatusOf(code), table[code][0], code)
    assert.equal(exitCodeOf(code), table[code][1], code)
  }
})

test('toBody has the one error shape, with details only when there are some', () => {
  assert.deepEqual(new RapportError('not_found', 'customer 3 not found').toBody(), { error: { code: 'not_found', message: 'customer 3 not found' } })
  assert.deepEqual(new RapportError('validation_failed', 'bad', { details: [{ path: 'body.email', message: 'Invalid email' }] }).toBody(), {
    error: { code: 'validation_failed', message: 'bad', details: [{ path: 'body.email', message: 'Invalid email' }] },
  })
})

test('Postgres violations become conflicts or validation errors, deadlocks unavailable; unknown errors a generic internal error', () => {
  const dup = Object.assign(new Error('duplicate key value violates unique constraint "x" Key (email)=(a@b.c)'), { code: '23505' })
  assert.equal(normaliseError(dup).error.code, 'conflict')
  assert.ok(!normaliseError(dup).error.message.includes('a@b.c'), 'the database message is not passed on')
  assert.equal(normaliseError(Object.assign(new Error('fk'), { code: '23503' })).error.code, 'conflict')
  assert.equal(normaliseError(Object.assign(new Error('bad int'), { code: '22P02' })).error.code, 'validation_failed')
  const deadlock = normaliseError(Object.assign(new Error('deadlock detected'), { code: '40P01' })).error
  assert.equal(deadlock.code, 'unavailable')
  assert.equal(deadlock.retryAfter, 1)
  const boom = normaliseError(new Error('secret internals at /srv/app.ts:12'))
  assert.equal(boom.unexpected, true)
  assert.equal(boom.error.code, 'internal')
  assert.ok(!boom.error.message.includes('secret'))
  assert.equal(normaliseError(Object.assign(new Error('Body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })).error.code, 'payload_too_large')
  assert.equal(normaliseError(Object.assign(new Error('x'), { statusCode: 400, code: 'FST_ERR_BAD_URL' })).error.code, 'validation_failed')
  assert.equal(normaliseError(new RapportError('conflict', 'x')).unexpected, false)
})
