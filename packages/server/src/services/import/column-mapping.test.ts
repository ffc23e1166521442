import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InputError } from '../../errors/rapport-error.ts'
import { checkColumnMapping, fileColumnNamer, parseColumnMapping } from './column-mapping.ts'

const issueOf = (fn: () => unknown): { path: string; message: string } => {
  try {
    fn()
  } catch (err) {
    assert.ok(err instanceof InputError)
    const d = (err.details as Array<{ path: string; message: string }> | undefined)?.[0]
    assert.ok(d, 'names the parameter')
    return d
  }
  throw new Error('expected an InputError')
}

describe('column mapping', () => {
  it('accepts file columns mapped to fields (and attributes.x), dropping identity entries', () => {
    assert.deepEqual(checkColumnMapping('customers', { 'E-mail': 'email', Town: 'city', city_id: 'external_id', Tier: 'attributes.tier', name: 'name' }, 'q'), {
      'E-mail': 'email', Town: 'city', city_id: 'external_id', Tier: 'attributes.tier',
    })
    assert.deepEqual(parseColumnMapping('events', '{"Kind":"type","Extra":"properties.extra"}', 'query.columns'), { Kind: 'type', Extra: 'properties.extra' })
  })

  it('refuses an unknown field, one field named twice, a non-string target and a non-object, naming the entry', () => {
    const unknown = issueOf(() => parseColumnMapping('customers', '{"Town":"cty"}', 'query.columns'))
    assert.equal(unknown.path, 'query.columns')
    assert.match(unknown.message, /"Town" → "cty": customers has no field "cty"/)
    const twice = issueOf(() => parseColumnMapping('customers', '{"E-mail":"email","Mail":"email"}', 'query.columns'))
    assert.match(twice.message, /"E-mail" and "Mail" both map to field "email"/)
    assert.match(issueOf(() => checkColumnMapping('customers', { Town: 3 }, 'query.columns')).message, /"Town" must map to a field name/)
    assert.match(issueOf(() => parseColumnMapping('customers', '["email"]', 'query.columns')).message, /must be a JSON object/)
    assert.match(issueOf(() => parseColumnMapping('customers', '{email', 'query.columns')).message, /not valid JSON/)
    assert.match(issueOf(() => checkColumnMapping('orders', { Tier: 'attributes.tier' }, 'query.columns')).message, /orders has no field "attributes.tier"/)
  })

  it('names errors by the file column: exact fields and paths inside a mapped field', () => {
    const name = fileColumnNamer({ 'E-mail': 'email', Extra: 'attributes' })
    assert.deepEqual(name({ line: 2, column: 'email', reason: 'bad' }), { line: 2, column: 'E-mail', reason: 'bad' })
    assert.deepEqual(name({ line: 2, column: 'attributes.a', reason: 'bad' }), { line: 2, column: 'Extra.a', reason: 'bad' })
    assert.deepEqual(name({ line: 2, column: 'city', reason: 'bad' }), { line: 2, column: 'city', reason: 'bad' })
    assert.deepEqual(name({ line: 2, reason: 'whole row' }), { line: 2, reason: 'whole row' })
  })
})
