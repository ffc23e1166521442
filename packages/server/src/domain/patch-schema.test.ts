import { test } from 'node:test'
import assert from 'node:assert/strict'
import { orderInput } from '../domain/entities.ts'
import { patchSchema } from './patch-schema.ts'

test('patch schema: all optional, no defaults, null clears optional fields but not keys or required ones', () => {
  const p = patchSchema(orderInput, ['external_id'])
  assert.deepEqual(p.parse({}), {}, 'the status default does not creep into a patch')
  assert.deepEqual(p.parse({ channel: null, total: 3 }), { channel: null, total: 3 })
  assert.equal(p.safeParse({ external_id: null }).success, false)
  assert.equal(p.safeParse({ total: null }).success, false)
  assert.equal(p.safeParse({ status: 'lost' }).success, false)
})
