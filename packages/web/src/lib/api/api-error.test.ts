import { describe, expect, test } from 'vitest'
import { toApiError } from './api-error.ts'

describe('toApiError', () => {
  test('reads the server error shape, its field issues and Retry-After', () => {
    const e = toApiError(400, { error: { code: 'validation_failed', message: 'bad', details: [{ path: 'body.email', message: 'is not an e-mail' }, { path: 'body.email', message: 'second' }, { path: 'query.limit', message: 'too big' }] } }, '7')
    expect(e.status).toBe(400)
    expect(e.code).toBe('validation_failed')
    expect(e.message).toBe('bad')
    expect(e.retryAfter).toBe(7)
    expect(e.fieldIssues()).toEqual({ email: 'is not an e-mail', 'query.limit': 'too big' })
  })

  test('a body that is not the error shape still gives a code and a message', () => {
    expect(toApiError(502, '<html>').code).toBe('internal')
    expect(toApiError(404, null).message).toBe('HTTP 404')
    expect(toApiError(404, null).retryAfter).toBeUndefined()
  })
})
