import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ApiError, statusOf, type ErrorCode } from './api-error.ts'
import { normaliseError } from './normalise-error.ts'

test('every error code maps to its HTTP status', () => {
  const table: Array<[ErrorCode, number]> = [
    ['validation_failed', 400], ['not_found', 404], ['conflict', 409], ['payload_too_large', 413],
    ['unsupported_media_type', 415], ['unavailable', 503], ['internal', 500],
  ]
  for (const [code, status] of table) assert.equal(statusOf(code), status, code)
})

test('toBody has the one error shape, with details only when there are some', () => {
  assert.deepEqual(new ApiError('not_found', 'customer 3 not found').toBody(), { error: { code: 'not_found', message: 'customer 3 not found' } })
  assert.deepEqual(new ApiError('validation_failed', 'bad', [{ path: 'body.email', message: 'Invalid email' }]).toBody(), {
    error: { code: 'validation_failed', message: 'bad', details: [{ path: 'body.email', message: 'Invalid email' }] },
  })
})

test('Postgres unique and foreign-key violations become conflicts; unknown errors become a generic internal error', () => {
  const dup = Object.assign(new Error('duplicate key value violates unique constraint "x" Key (email)=(a@b.c)'), { code: '23505' })
  assert.equal(normaliseError(dup).error.code, 'conflict')
  assert.ok(!normaliseError(dup).error.message.includes('a@b.c'), 'the database message is not passed on')
  assert.equal(normaliseError(Object.assign(new Error('fk'), { code: '23503' })).error.code, 'conflict')
  assert.equal(normaliseError(Object.assign(new Error('bad int'), { code: '22P02' })).error.code, 'validation_failed')
  const boom = normaliseError(new Error('secret internals at /srv/app.ts:12'))
  assert.equal(boom.unexpected, true)
  assert.equal(boom.error.code, 'internal')
  assert.ok(!boom.error.message.includes('secret'))
  assert.equal(normaliseError(Object.assign(new Error('Body is too large'), { statusCode: 413 })).error.code, 'payload_too_large')
  assert.equal(normaliseError(new ApiError('conflict', 'x')).unexpected, false)
})
