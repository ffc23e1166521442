import { test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import { compiledOkSerializer, forWriting } from './compiled-serializer.ts'

const ok = z.object({
  id: z.number().int(),
  email: z.string().nullable(),
  at: z.iso.datetime().nullable(),
  tags: z.array(z.string()),
  attributes: z.unknown(),
  items: z.array(z.object({ sku: z.string(), price: z.number().nullable() })),
  count: z.number().int().nullable(),
  version: z.object({ id: z.number().int(), at: z.iso.datetime().nullable() }).nullable(),
})
const error = z.object({ error: z.object({ code: z.string(), message: z.string() }) })
const route = (httpStatus: string, schema: z.ZodType) => ({ schema, method: 'GET', url: '/x', httpStatus })

test('the 200 serializer writes the declared fields only, nulls and free-form JSON included', () => {
  const write = compiledOkSerializer(ok)(route('200', ok))
  const body = {
    id: 7, email: null, at: '2026-01-02T03:04:05.000Z', tags: ['a', 'b'], attributes: { tier: 'gold', n: [1, 2] },
    items: [{ sku: 'p1', price: 9.5, secret: 'x' }, { sku: 'p2', price: null }], password_hash: 'never',
    count: 3, version: { id: 2, at: null, extra: 1 },
  }
  const out = JSON.parse(write(body))
  assert.deepEqual(out, {
    id: 7, email: null, at: '2026-01-02T03:04:05.000Z', tags: ['a', 'b'], attributes: { tier: 'gold', n: [1, 2] },
    items: [{ sku: 'p1', price: 9.5 }, { sku: 'p2', price: null }],
    count: 3, version: { id: 2, at: null },
  })
})

test('the 200 serializer matches zod\'s output on the same body', () => {
  const write = compiledOkSerializer(ok)(route('200', ok))
  const body = { id: 1, email: 'a@b.c', at: null, tags: [], attributes: null, items: [], count: null, version: null }
  assert.deepEqual(JSON.parse(write(body)), ok.parse(body))
})

test('other statuses go through the zod serializer, which refuses a body of the wrong shape', () => {
  const write = compiledOkSerializer(ok)(route('404', error))
  assert.deepEqual(JSON.parse(write({ error: { code: 'not_found', message: 'no such customer' } })), { error: { code: 'not_found', message: 'no such customer' } })
  assert.throws(() => write({ error: { code: 404 } }))
})

test('nullable fields are written as a type pair, with no validation-only keywords left for the writer to check', () => {
  const schema = JSON.stringify(forWriting(z.toJSONSchema(ok, { io: 'output' })))
  assert.ok(!schema.includes('anyOf'), schema)
  assert.ok(!/"(format|pattern|minimum|maximum)"/.test(schema), schema)
})
