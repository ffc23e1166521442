import { describe, expect, test } from 'vitest'
import { checkBody } from './form-rules.ts'

describe('client-side rules from the server JSON Schemas', () => {
  test('sign-in: both fields required; a valid body passes', () => {
    expect(Object.keys(checkBody('POST /api/v1/auth/login', {})).sort()).toEqual(['email', 'password'])
    expect(checkBody('POST /api/v1/auth/login', { email: 'a@b.example', password: 'x' })).toEqual({})
  })

  test('lengths and formats of the server apply: an over-long customer id and a bad e-mail are refused', () => {
    const r = checkBody('POST /api/v1/customers', { external_id: 'x'.repeat(201), email: 'not-an-email' })
    expect(Object.keys(r).sort()).toEqual(['email', 'external_id'])
  })
})
