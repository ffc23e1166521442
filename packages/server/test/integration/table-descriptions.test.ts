import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import {
  consentOut, customerOut, eventOut, orderItemOut, orderOut, productOut, reviewOut, ticketOut,
} from '../../src/api/entity-outputs.ts'
import { ENTITIES, type EntityName } from '../../src/domain/entities.ts'
import type { Db } from '../../src/store/db.ts'
import { columnName, entityTables, type ColumnSpec } from '../../src/store/entity-tables.ts'
import { backends } from '../backends.ts'

/**
 * The migrations are the one description of every table; two other views describe the same columns: the
 * import/export description (store/entity-tables.ts) and the API output schemas (api/entity-outputs.ts).
 * On a migrated database this checks that the three agree, so a column added in one place only fails here.
 */

const API_OUTPUT: Record<EntityName, z.ZodObject> = {
  customers: customerOut,
  products: productOut,
  orders: orderOut,
  order_items: orderItemOut,
  events: eventOut,
  reviews: reviewOut,
  tickets: ticketOut,
  consents: consentOut,
}

/**
 * The one list of columns a view leaves out on purpose. Everything else in a migrated table must be in both
 * the import description and the API output.
 */
const NOT_IMPORTED = new Set(['workspace_id', 'id', 'created_at', 'updated_at'])
const NOT_IN_API: Record<EntityName, string[]> = {
  customers: ['workspace_id'],
  products: ['workspace_id'],
  orders: ['workspace_id'],
  // Order lines are shown inside their order, so the order reference is implicit.
  order_items: ['workspace_id', 'order_id'],
  events: ['workspace_id'],
  reviews: ['workspace_id'],
  tickets: ['workspace_id'],
  consents: ['workspace_id'],
}

interface MigratedColumn {
  column_name: string
  data_type: string
  udt_name: string
  is_nullable: 'YES' | 'NO'
}

/** Postgres types an unnest array element type may be written into (jsonb and text[] arrive as text with an expression). */
const IMPORT_TYPES: Record<ColumnSpec['arrayType'], string[]> = {
  text: ['text', 'character', 'character varying', 'jsonb', 'ARRAY'],
  numeric: ['numeric'],
  int4: ['integer', 'smallint'],
  int8: ['bigint'],
  timestamptz: ['timestamp with time zone'],
  date: ['date'],
}

/** JSON Schema types an API field may have for a column of this Postgres type. */
function apiTypesFor(dataType: string): string[] {
  switch (dataType) {
    case 'text':
    case 'character':
    case 'character varying':
    case 'timestamp with time zone':
    case 'date':
      return ['string']
    case 'bigint':
    case 'integer':
    case 'smallint':
      return ['integer']
    case 'numeric':
      return ['number']
    case 'jsonb':
      return ['object']
    case 'ARRAY':
      return ['array']
    default:
      return []
  }
}

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; format?: string }

function jsonTypes(s: JsonSchema): Set<string> {
  const out = new Set<string>()
  if (typeof s.type === 'string') out.add(s.type)
  if (Array.isArray(s.type)) for (const t of s.type) out.add(t)
  for (const sub of s.anyOf ?? []) for (const t of jsonTypes(sub)) out.add(t)
  return out
}

function apiProperties(e: EntityName): Record<string, JsonSchema> {
  const js = z.toJSONSchema(API_OUTPUT[e]) as { properties?: Record<string, JsonSchema> }
  return js.properties ?? {}
}

/**
 * Which table column an API field shows: itself, or for `<noun>_internal_id` the reference column. A field
 * named after a reference's natural key (`customer_id` as the customer's external id, `sku`) shows the
 * referenced row, not a column of this table (even when, like `customer_id`, it shares the column's name).
 */
function apiColumn(e: EntityName, field: string): { column: string } | { reference: string } {
  const refs = entityTables[e].refs
  const internal = /^(.+)_internal_id$/.exec(field)
  if (internal) {
    const ref = refs.find((r) => r.noun === internal[1])
    if (ref) return { column: ref.column }
  }
  if (refs.some((r) => r.field === field)) return { reference: field }
  return { column: field }
}

for (const backend of backends()) {
  describe(`table descriptions agree with the migrations (${backend.name})`, () => {
    let db: Db
    const migrated = new Map<string, Map<string, MigratedColumn>>()
    before(async () => {
      db = await backend.open()
      const rows = await db.query<MigratedColumn & { table_name: string }>(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
          WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
      )
      for (const r of rows) {
        const t = migrated.get(r.table_name) ?? new Map<string, MigratedColumn>()
        t.set(r.column_name, r)
        migrated.set(r.table_name, t)
      }
    })
    after(async () => db.close())

    for (const e of ENTITIES) {
      test(`${e}: every migrated column is in the import description and the API output, or listed as left out`, () => {
        const spec = entityTables[e]
        const table = migrated.get(spec.table)
        assert.ok(table, `table ${spec.table} is not in the migrated database`)
        const imported = new Set([...spec.columns.map(columnName), ...spec.refs.map((r) => r.column)])
        const shown = new Set<string>()
        for (const field of Object.keys(apiProperties(e))) {
          const c = apiColumn(e, field)
          if ('column' in c) shown.add(c.column)
        }
        for (const name of table.keys()) {
          assert.ok(imported.has(name) || NOT_IMPORTED.has(name), `${spec.table}.${name} is migrated but not in store/entity-tables.ts (nor listed in NOT_IMPORTED)`)
          assert.ok(shown.has(name) || NOT_IN_API[e].includes(name), `${spec.table}.${name} is migrated but not in the API output of ${e} (nor listed in NOT_IN_API)`)
        }
      })

      test(`${e}: every column of the import description exists with a compatible type`, () => {
        const spec = entityTables[e]
        const table = migrated.get(spec.table)
        assert.ok(table)
        for (const c of spec.columns) {
          const col = table.get(columnName(c))
          assert.ok(col, `store/entity-tables.ts: ${spec.table}.${columnName(c)} is not a migrated column`)
          assert.ok(IMPORT_TYPES[c.arrayType].includes(col.data_type), `${spec.table}.${col.column_name}: imported as ${c.arrayType}, migrated as ${col.data_type}`)
        }
        for (const r of spec.refs) {
          const col = table.get(r.column)
          assert.ok(col, `store/entity-tables.ts: reference column ${spec.table}.${r.column} is not migrated`)
          assert.equal(col.data_type, 'bigint', `${spec.table}.${r.column} holds an internal id`)
          const key = migrated.get(r.table)?.get(r.keyColumn)
          assert.ok(key, `store/entity-tables.ts: ${r.table}.${r.keyColumn} (natural key of the reference) is not migrated`)
        }
      })

      test(`${e}: every API output field is a migrated column (or a reference's natural key) with a compatible type and nullability`, () => {
        const spec = entityTables[e]
        const table = migrated.get(spec.table)
        assert.ok(table)
        for (const [field, schema] of Object.entries(apiProperties(e))) {
          const types = jsonTypes(schema)
          const c = apiColumn(e, field)
          if ('reference' in c) {
            const ref = spec.refs.find((r) => r.field === c.reference)
            assert.ok(ref)
            const key = migrated.get(ref.table)?.get(ref.keyColumn)
            assert.ok(key, `${e} API field ${field}: ${ref.table}.${ref.keyColumn} is not migrated`)
            assert.ok(types.has('string'), `${e} API field ${field} shows ${ref.table}.${ref.keyColumn} (text) as ${[...types].join('|')}`)
            assert.equal(types.has('null'), ref.optional === true, `${e} API field ${field}: nullable exactly when the reference is optional`)
            continue
          }
          const col = table.get(c.column)
          assert.ok(col, `api/entity-outputs.ts: ${e}.${field} is not a migrated column of ${spec.table}`)
          const allowed = apiTypesFor(col.data_type)
          assert.ok([...types].some((t) => allowed.includes(t)), `${spec.table}.${col.column_name} (${col.data_type}) is shown by the API as ${[...types].join('|')}`)
          if (col.is_nullable === 'YES') assert.ok(types.has('null'), `${spec.table}.${col.column_name} is nullable but the API output of ${e}.${field} does not allow null`)
        }
      })
    }
  })
}
