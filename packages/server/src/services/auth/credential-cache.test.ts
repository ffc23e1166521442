import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { CredentialCache, credentialCache, forgetCredentials } from './credential-cache.ts'

describe('CredentialCache', () => {
  test('an entry is served until its TTL has passed, then forgotten', () => {
    const c = new CredentialCache<string>(1000)
    c.set('k', 'v', 0)
    assert.equal(c.get('k', 999), 'v')
    assert.equal(c.get('k', 1000), undefined)
    assert.equal(c.get('k', 10), undefined, 'an expired entry is deleted, not revived')
  })

  test('forgetCredentials clears every cache made by credentialCache', () => {
    const a = credentialCache<number>()
    const b = credentialCache<number>()
    a.set('x', 1)
    b.set('y', 2)
    forgetCredentials()
    assert.equal(a.get('x'), undefined)
    assert.equal(b.get('y'), undefined)
  })
})
