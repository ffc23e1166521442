import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { z } from 'zod'
import {
  CHANNELS, CONSENT_CHANNELS, CONSENT_STATUSES, ENTITIES, entitySchemas, EVENT_TYPES, GENDERS, LANGUAGES, ORDER_STATUSES, PRIORITIES,
  TICKET_CHANNELS, TICKET_STATUSES, type EntityName,
} from '../../domain/entities.ts'
import { fastRowCheck, NOT_PLAIN } from './fast-row-check.ts'
import { rowValidator, schemaRowValidator } from './row-validator.ts'

/**
 * The fast path must accept only rows the schema path accepts, with the same data; whatever it declines
 * goes to the schema path, so the import's answer is the schema's for every row. Rows here mix plausible
 * cells (to reach the fast path often), boundary lengths and values, hostile strings (NUL, lone
 * surrogates, odd blanks, JSON escapes), and typed JSON Lines values.
 */

const pad = fc.constantFrom('', '', '', ' ', '  ', '\t', '\u00a0', '\ufeff', '\u2028', '\u3000', '\n')
const hostileUnit = fc.constantFrom(...Array.from('aZ09 -.:+TZ@;|"{}[]\\,é王😀'), '\u0000', '\ud800', '\udfff', '\u00a0', '\ufeff', '\u200b')
const hostileString = fc.string({ unit: hostileUnit, maxLength: 12 })
const around = (...ns: number[]): number[] => ns.flatMap((n) => [n - 1, n, n + 1])
const longString = fc.tuple(fc.constantFrom(...around(60, 120, 200, 300, 5000, 10_000, 20_000)), fc.constantFrom('a', 'é', '😀', ' a')).map(([n, c]) => c.repeat(n).slice(0, n))
const idString = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), fc.constantFrom('x'.repeat(200), 'x'.repeat(201), 'a\u0000b', '\ud83d', '😀'))

const integerText = fc.oneof(
  fc.integer({ min: -3, max: 12 }).map(String),
  fc.constantFrom('2147483647', '2147483648', '-2147483648', '32767', '1.0', '1.5', '-0', '007', '0', '1e2', '0x1', ' 2', '+1', '', '٣'),
)
const moneyText = fc.oneof(
  fc.integer({ min: -1000, max: 10_000_000 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 1000).toFixed(3)),
  fc.constantFrom('0', '0.00', '-0', '-0.00', '999999999999.99', '1000000000000', '1000000000000.00', '0.1', '0.30', '12.', '.5', '1e3', 'Infinity'),
)
const ENUM_VALUES = [...new Set([...GENDERS, ...ORDER_STATUSES, ...CHANNELS, ...EVENT_TYPES, ...TICKET_CHANNELS, ...TICKET_STATUSES, ...PRIORITIES,
  ...CONSENT_CHANNELS, ...CONSENT_STATUSES, ...LANGUAGES])]
const enumText = fc.oneof(fc.constantFrom(...ENUM_VALUES), fc.constantFrom(...ENUM_VALUES).map((v) => v.toUpperCase()), fc.constantFrom('', 'none'))
const isoDate = fc.date({ min: new Date(Date.UTC(-1, 0, 1)), max: new Date(Date.UTC(10000, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString())
const timestampText = fc.oneof(
  isoDate,
  isoDate.map((s) => s.slice(0, 10)),
  isoDate.map((s) => s.slice(0, 19)),
  isoDate.map((s) => s.slice(0, 19).replace('T', ' ')),
  fc.tuple(isoDate, fc.constantFrom('+08:00', '-01:00', '+0800', '+14:00', '+24:00', 'z', '+00')).map(([s, o]) => `${s.slice(0, 19)}${o}`),
  fc.constantFrom('0000-01-01', '0001-01-01T00:00:00+01:00', '0001-01-01T00:30:00+00:30', '9999-12-31T23:59:59-01:00', '9999-12-31T23:59:59Z',
    '2024-02-29', '2023-02-29', '2024-02-30', '2024-13-01', '2024-1-01', '2024-01-01t00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T10:00',
    '2024-01-01 10:00', '2024-01-01T10:00:00.123456789Z', 'yesterday'),
)
const emailText = fc.oneof(fc.emailAddress(), fc.constantFrom('a@b.co', 'A.B+c@ex-ample.com', 'bad@', '@x.com', 'a@b', 'a..b@c.com', 'é@x.com',
  `${'a'.repeat(310)}@example.com`, `${'a'.repeat(320)}@example.com`))
const phoneText = fc.constantFrom('+86 138 0000 0000', '12345', '1234', '(010) 1234-5678', '1'.repeat(24), '1'.repeat(25), 'abc', '++123456')
const codeText = fc.constantFrom('CN', 'cn', 'US', 'USA', 'CNY', 'usd', 'C', 'EUR ', ' GB')
const tagsText = fc.oneof(
  fc.array(fc.oneof(fc.stringMatching(/^[a-z]{1,6}$/), hostileString), { maxLength: 4 }).map((t) => t.join(';')),
  fc.constantFrom('vip| gold', '["a","b"]', '["\\u0000"]', '["\\ud800"]', '[1,2]', '[', ';;', '[" a "]', '["  "]', `["${'x'.repeat(61)}"]`,
    Array.from({ length: 51 }, (_, i) => `t${i}`).join(';'), Array.from({ length: 50 }, (_, i) => `t${i}`).join(';')),
)
const deep = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`
const jsonText = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('{"a":1}', '{"__proto__":{"x":1}}', '{"a":"\\u0000"}', '{"a":"\\ud800"}', '{"\\u0000":1}', '[1]', 'null', '1', '"s"',
    '{"a":1e400}', deep(31), deep(32), deep(33), '{', `{"s":"${'x'.repeat(66_000)}"}`, '{"a":[1,{"b":"ok"}]}'),
)
/** JSON Lines values are typed: numbers, booleans, null, arrays and objects reach the checks as they are. */
const typedValue = fc.oneof(
  fc.integer({ min: -5, max: 2_147_483_650 }),
  fc.double(),
  fc.constantFrom(0, -0, 1, 5, 6, 1.5, 12.34, 12.345, 2_147_483_647, 2_147_483_648, 1e12, Number.NaN, Infinity),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"a":1}') as unknown),
  fc.constant(JSON.parse('{"a":"\\u0000"}') as unknown),
  fc.constant(Object.create(null) as unknown),
)

/** The values of an enum field, read from the schema (through optional and default). */
function enumValues(schema: z.ZodType): string[] | undefined {
  const def = schema.def as { type: string; innerType?: z.ZodType; entries?: Record<string, string> }
  if (def.type === 'enum' && def.entries) return Object.values(def.entries)
  return def.innerType ? enumValues(def.innerType) : undefined
}

function plausible(entity: EntityName, field: string): fc.Arbitrary<string> {
  const values = enumValues(entitySchemas[entity].shape[field as keyof (typeof entitySchemas)[EntityName]['shape']] as z.ZodType)
  if (values) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: enumText })
  if (['external_id', 'customer_id', 'order_id', 'sku'].includes(field)) return idString
  if (field === 'quantity' || field === 'rating') return integerText
  if (['price', 'total', 'unit_price'].includes(field)) return moneyText
  if (field.endsWith('_at') || field === 'birth_date') return timestampText
  if (field === 'email') return emailText
  if (field === 'phone') return phoneText
  if (field === 'country' || field === 'currency') return codeText
  if (field === 'tags') return tagsText
  if (field === 'attributes' || field === 'properties') return jsonText
  return fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z ]{0,10}$/) }, { weight: 1, arbitrary: longString })
}

/** A value a well-formed file would hold in the field. */
function clean(entity: EntityName, field: string): fc.Arbitrary<string> {
  const values = enumValues(entitySchemas[entity].shape[field as keyof (typeof entitySchemas)[EntityName]['shape']] as z.ZodType)
  if (values) return fc.constantFrom(...values)
  if (['external_id', 'customer_id', 'order_id', 'sku'].includes(field)) return fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
  if (field === 'quantity') return fc.integer({ min: 1, max: 100 }).map(String)
  if (field === 'rating') return fc.integer({ min: 1, max: 5 }).map(String)
  if (['price', 'total', 'unit_price'].includes(field)) return fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2))
  const recent = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString())
  if (field === 'birth_date') return recent.map((s) => s.slice(0, 10))
  if (field.endsWith('_at')) return fc.oneof(recent, recent.map((s) => s.slice(0, 10)), recent.map((s) => s.slice(0, 19).replace('T', ' ')))
  if (field === 'email') return fc.constantFrom('a@b.co', 'li.wei+news@example.com.cn')
  if (field === 'phone') return fc.constantFrom('+86 138 0000 0000', '(010) 1234-5678')
  if (field === 'country') return fc.constantFrom('CN', 'US')
  if (field === 'currency') return fc.constantFrom('CNY', 'USD')
  if (field === 'tags') return fc.constantFrom('vip;news', 'a| b', '["x","y"]')
  if (field === 'attributes' || field === 'properties') return fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }).map((v) => JSON.stringify(v))
  return fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z ]{0,10}$/) }, { weight: 1, arbitrary: longString })
}

/** A cell: in a calm row mostly clean, in a wild one anything. */
const cell = (entity: EntityName, field: string, calm: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: calm ? 80 : 0, arbitrary: clean(entity, field) },
    { weight: 8, arbitrary: plausible(entity, field) },
    { weight: 2, arbitrary: fc.tuple(pad, plausible(entity, field), pad).map(([a, v, b]) => `${a}${v}${b}`) },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: longString },
    { weight: 2, arbitrary: typedValue },
  )

/** A record of the entity: each field present (mostly) or absent, sometimes a key outside the schema. */
const recordOf = (entity: EntityName): fc.Arbitrary<Record<string, unknown>> => {
  const fields = Object.keys(entitySchemas[entity].shape)
  const extra = fc.oneof(
    { weight: 7, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('extra', '__parseError', 'attributes_x'), fc.oneof(hostileString, fc.constant(undefined))) },
  )
  const rows = (calm: boolean): fc.Arbitrary<Record<string, unknown>> =>
    fc.tuple(fc.tuple(...fields.map((f) => fc.option(cell(entity, f, calm), { freq: calm ? 30 : 6, nil: undefined }))), extra).map(([values, more]) => {
      const record: Record<string, unknown> = {}
      fields.forEach((f, i) => {
        if (values[i] !== undefined) record[f] = values[i]
      })
      if (more !== null) record[more[0]] = more[1]
      return record
    })
  return fc.oneof({ weight: 2, arbitrary: rows(true) }, { weight: 1, arbitrary: rows(false) })
}

/** A deep copy that keeps own `__proto__` keys and null prototypes, so each path gets its own input. */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy)
  if (v === null || typeof v !== 'object') return v
  const out = Object.getPrototypeOf(v) === null ? (Object.create(null) as Record<string, unknown>) : {}
  for (const k of Object.keys(v)) {
    Object.defineProperty(out, k, { value: copy((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true })
  }
  return out
}

const RUNS = 3000

for (const entity of ENTITIES) {
  test(`${entity}: the fast path accepts only what the schema accepts, with the same data, and leaves the record alone`, () => {
    const fast = fastRowCheck(entity)
    const full = schemaRowValidator(entity)
    const check = rowValidator(entity)
    const tally = { fast: 0, schemaOk: 0, rejected: 0 }
    fc.assert(
      fc.property(recordOf(entity), (record) => {
        const input = copy(record) as Record<string, unknown>
        const plain = fast(input)
        assert.deepStrictEqual(input, record, 'the fast path changed the record')
        const expected = full({ line: 7, record: copy(record) as Record<string, unknown>, raw: {} })
        assert.deepStrictEqual(check({ line: 7, record: copy(record) as Record<string, unknown>, raw: {} }), expected)
        if (plain !== NOT_PLAIN) {
          tally.fast++
          assert.ok(expected.ok, `fast path accepted a row the schema refuses: ${JSON.stringify(expected)}`)
        } else if (expected.ok) tally.schemaOk++
        else tally.rejected++
      }),
      { numRuns: RUNS, seed: 20_240_601 },
    )
    // Not vacuous: the fast path takes a fair share of the rows, and hostile rows are refused.
    assert.ok(tally.fast >= RUNS / 20, `fast path took only ${tally.fast} rows (${JSON.stringify(tally)})`)
    assert.ok(tally.rejected >= RUNS / 10, `only ${tally.rejected} rows rejected (${JSON.stringify(tally)})`)
  })
}

test('a plainly valid order line takes the fast path, with CSV cells coerced as the schema path does', () => {
  const record = { order_id: ' O1 ', sku: 'P2', quantity: '3', unit_price: '12.50' }
  assert.deepEqual(fastRowCheck('order_items')({ ...record }), { order_id: 'O1', sku: 'P2', quantity: 3, unit_price: 12.5 })
  assert.deepEqual(schemaRowValidator('order_items')({ line: 2, record: { ...record }, raw: {} }), {
    ok: true, data: { order_id: 'O1', sku: 'P2', quantity: 3, unit_price: 12.5 },
  })
})

test('defaults and derived keys come out the same on both paths', () => {
  const order = { external_id: 'O1', customer_id: 'C1', ordered_at: '2024-05-01 10:20:30', total: '5' }
  assert.deepEqual(fastRowCheck('orders')({ ...order }), { external_id: 'O1', customer_id: 'C1', ordered_at: '2024-05-01T10:20:30', status: 'completed', total: 5 })
  const review = { customer_id: 'C1', sku: 'P1', rating: '5', reviewed_at: '2024-05-01' }
  const a = rowValidator('reviews')({ line: 2, record: { ...review }, raw: {} })
  assert.deepEqual(a, schemaRowValidator('reviews')({ line: 2, record: { ...review }, raw: {} }))
  assert.ok(a.ok && typeof a.data.external_id === 'string')
})

test('hostile cells are left to the schema path, which words the errors', () => {
  const fast = fastRowCheck('order_items')
  for (const bad of [{ order_id: 'O\u0000' }, { quantity: '0' }, { quantity: '1e3' }, { unit_price: '0.001' }, { sku: '' }, { extra: 'x' }]) {
    assert.equal(fast({ order_id: 'O1', sku: 'P2', quantity: '3', unit_price: '1', ...bad }), NOT_PLAIN, JSON.stringify(bad))
  }
  assert.deepEqual(rowValidator('order_items')({ line: 9, record: { order_id: 'O\u0000', sku: 'P', quantity: '1', unit_price: '1' }, raw: {} }), {
    ok: false, errors: [{ line: 9, column: 'order_id', reason: 'contains a NUL character' }],
  })
})
