import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { coerceRecord } from '../../domain/coerce.ts'
import { entityTables } from '../../store/entity-tables.ts'
import type { SourceRow } from '../../io/import-source.ts'
import { deriveKey } from './derive-key.ts'
import { fastRowCheck, NOT_PLAIN } from './fast-row-check.ts'
import { zodRowErrors, type RowError } from './row-error.ts'

export type CheckedRow = { ok: true; data: Record<string, unknown> } | { ok: false; errors: RowError[] }

/**
 * Turns one source row into the entity's validated shape: coerces the strings of a CSV cell (numbers, JSON,
 * lists, times), validates with the entity's zod schema, and derives the key of entities without a natural
 * one. Pure and synchronous, so it runs the same on the main thread and in the parse worker.
 *
 * A plainly valid row takes the fast path (fast-row-check.ts: the same result for a fraction of the CPU);
 * any other row, including a JSON line that did not parse, goes through schemaRowValidator, which decides.
 */
export function rowValidator(entity: EntityName): (row: SourceRow) => CheckedRow {
  const fast = fastRowCheck(entity)
  const full = schemaRowValidator(entity)
  const withKey = keyDeriver(entity)
  return (row) => {
    const plain = fast(row.record)
    return plain === NOT_PLAIN ? full(row) : { ok: true, data: withKey(plain) }
  }
}

/**
 * The definition of a valid row: coerceRecord, then the entity's zod schema, errors worded by both. Changes
 * the row's record (coercion is in place).
 */
export function schemaRowValidator(entity: EntityName): (row: SourceRow) => CheckedRow {
  const schema = entitySchemas[entity]
  const withKey = keyDeriver(entity)
  return (row) => {
    const { record } = row
    if (typeof record.__parseError === 'string') {
      return { ok: false, errors: [{ line: row.line, reason: `invalid JSON: ${record.__parseError}` }] }
    }
    const coerceErrors = coerceRecord(record)
    const parsed = schema.safeParse(record)
    if (coerceErrors.length > 0 || !parsed.success) {
      const errors: RowError[] = coerceErrors.map((e) => ({ line: row.line, column: e.field, reason: e.reason }))
      if (!parsed.success) {
        for (const e of zodRowErrors(row.line, record, parsed.error)) if (!errors.some((x) => x.column === e.column)) errors.push(e)
      }
      return { ok: false, errors }
    }
    return { ok: true, data: withKey(parsed.data as Record<string, unknown>) }
  }
}

/** Adds the derived key of entities without a natural one (events, reviews) when the row has none. */
function keyDeriver(entity: EntityName): (data: Record<string, unknown>) => Record<string, unknown> {
  const fields = Object.keys(entitySchemas[entity].shape)
  const { derivedKey } = entityTables[entity]
  return (data) => {
    if (derivedKey && data.external_id === undefined) data.external_id = deriveKey(fields, data)
    return data
  }
}
