import { z } from 'zod'
import { ABSENT, CellProblem, cellKind, coerceCellAs, type CellKind } from '../../domain/coerce.ts'
import {
  dateRangeProblem, formatPattern, INT4_MAX, ISO_DATE_PATTERN, ISO_DATETIME_PATTERN, moneyProblem, timestampRangeProblem,
} from '../../domain/column-ranges.ts'
import {
  CHANNELS, CONSENT_CHANNELS, CONSENT_STATUSES, COUNTRY_PATTERN, CURRENCY_PATTERN, entitySchemas, EVENT_TYPES, GENDERS, LANGUAGES,
  ORDER_STATUSES, PHONE_PATTERN, PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES, type EntityName,
} from '../../domain/entities.ts'
import { jsonProblem } from '../../domain/json-limits.ts'
import { textProblem } from '../../domain/text-rules.ts'

/**
 * The import's fast path: coerces and checks a row that is plainly valid with plain code, which costs a
 * fraction of coerceRecord plus the zod schema (measured in parse-validate.bench.ts). The zod schema stays
 * the one definition of validity: this check accepts a subset of what it accepts, producing the same data,
 * and answers NOT_PLAIN for anything else, for which the caller runs the schema (which also words the
 * errors). fast-row-check.test.ts holds it to that with random and hostile rows.
 *
 * Every string a field check sees has been scanned for NUL and lone surrogates: cells by coerceCell (the
 * whole cell, once), items of a list by `list`, strings inside JSON by jsonProblem.
 */
export const NOT_PLAIN: unique symbol = Symbol('not plain')

/** A value after coercion, as the field's schema would output it, or NOT_PLAIN. */
type FieldCheck = (v: unknown) => unknown

const text = (max: number, min = 0): FieldCheck => (v) => {
  if (typeof v !== 'string') return NOT_PLAIN
  const t = v.trim()
  return t.length >= min && t.length <= max ? t : NOT_PLAIN
}
const externalId = text(200, 1)
const oneOf = (values: readonly string[]): FieldCheck => {
  const set = new Set(values)
  return (v) => (typeof v === 'string' && set.has(v) ? v : NOT_PLAIN)
}
const int = (min: number, max: number): FieldCheck => (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : NOT_PLAIN)
const amount: FieldCheck = (v) => (typeof v === 'number' && moneyProblem(v, 0) === undefined ? v : NOT_PLAIN)
const trimmedMatch = (re: RegExp): FieldCheck => (v) => {
  if (typeof v !== 'string') return NOT_PLAIN
  const t = v.trim()
  return re.test(t) ? t : NOT_PLAIN
}
const timestamp: FieldCheck = (v) =>
  typeof v === 'string' && (ISO_DATETIME_PATTERN.test(v) || ISO_DATE_PATTERN.test(v)) && timestampRangeProblem(v) === undefined ? v : NOT_PLAIN
const date: FieldCheck = (v) => (typeof v === 'string' && ISO_DATE_PATTERN.test(v) && dateRangeProblem(v) === undefined ? v : NOT_PLAIN)
const EMAIL_PATTERN = formatPattern(z.email())
const email: FieldCheck = (v) => (typeof v === 'string' && v.length <= 320 && EMAIL_PATTERN.test(v) ? v : NOT_PLAIN)
/** Strings of the list may come from JSON (`["a"]`), so each one is scanned. */
const list = (item: FieldCheck, max: number): FieldCheck => (v) => {
  if (!Array.isArray(v) || v.length > max) return NOT_PLAIN
  const out: unknown[] = []
  for (const x of v as unknown[]) {
    const checked = typeof x === 'string' && textProblem(x) === undefined ? item(x) : NOT_PLAIN
    if (checked === NOT_PLAIN) return NOT_PLAIN
    out.push(checked)
  }
  return out
}
/** A JSON bag: a plain object (no own __proto__, which zod's record drops) within the limits of json-limits.ts. */
const json: FieldCheck = (v) => {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype || Object.hasOwn(v, '__proto__')) return NOT_PLAIN
  return jsonProblem(v) === undefined ? { ...(v as Record<string, unknown>) } : NOT_PLAIN
}

/** Per entity, one check per schema field, mirroring entities.ts (the test catches any drift). */
const FIELD_CHECKS: { [E in EntityName]: Record<keyof (typeof entitySchemas)[E]['shape'], FieldCheck> } = {
  customers: {
    external_id: externalId, name: text(200), email, phone: trimmedMatch(PHONE_PATTERN), gender: oneOf(GENDERS), birth_date: date,
    city: text(120), region: text(120), country: trimmedMatch(COUNTRY_PATTERN), signup_at: timestamp, tags: list(text(60, 1), 50), attributes: json,
  },
  products: { sku: externalId, name: text(300, 1), category: text(120), brand: text(120), price: amount, description: text(5000), attributes: json },
  orders: {
    external_id: externalId, customer_id: externalId, ordered_at: timestamp, status: oneOf(ORDER_STATUSES), channel: oneOf(CHANNELS),
    total: amount, currency: trimmedMatch(CURRENCY_PATTERN),
  },
  order_items: { order_id: externalId, sku: externalId, quantity: int(1, INT4_MAX), unit_price: amount },
  events: { external_id: externalId, customer_id: externalId, type: oneOf(EVENT_TYPES), sku: externalId, occurred_at: timestamp, properties: json },
  reviews: {
    external_id: externalId, customer_id: externalId, sku: externalId, rating: int(1, 5), text: text(10000),
    language: oneOf(LANGUAGES), reviewed_at: timestamp,
  },
  tickets: {
    external_id: externalId, customer_id: externalId, channel: oneOf(TICKET_CHANNELS), subject: text(300, 1), body: text(20000),
    status: oneOf(TICKET_STATUSES), priority: oneOf(PRIORITIES), opened_at: timestamp,
  },
  consents: {
    customer_id: externalId, channel: oneOf(CONSENT_CHANNELS), purpose: text(60, 1), status: oneOf(CONSENT_STATUSES), recorded_at: timestamp,
    source: text(120), confirmed_at: timestamp,
  },
}

interface FastField {
  name: string
  kind: CellKind
  check: FieldCheck
  /** Whether the schema accepts the field absent, and what it outputs then (a default, or nothing). */
  absentOk: boolean
  absentValue: unknown
}

/**
 * The fast check of an entity: the row's data (what coerceRecord then the schema would produce), or
 * NOT_PLAIN. Does not change the record, so the caller can still run the full path on it.
 */
export function fastRowCheck(entity: EntityName): (record: Record<string, unknown>) => Record<string, unknown> | typeof NOT_PLAIN {
  const shape: Record<string, z.ZodType> = entitySchemas[entity].shape
  const checks: Record<string, FieldCheck> = FIELD_CHECKS[entity]
  const names = Object.keys(shape)
  if (names.length !== Object.keys(checks).length || names.some((n) => checks[n] === undefined)) {
    throw new Error(`fast-row-check.ts: the checks of ${entity} do not match its schema's fields`)
  }
  // Absence is asked of the schema itself: required, optional, or a default.
  const fields: FastField[] = names.map((name) => {
    const absent = (shape[name] as z.ZodType).safeParse(undefined)
    return { name, kind: cellKind(name), check: checks[name] as FieldCheck, absentOk: absent.success, absentValue: absent.success ? absent.data : undefined }
  })
  return (record) => {
    const data: Record<string, unknown> = {}
    let present = 0
    for (const f of fields) {
      let v = record[f.name]
      if (v !== undefined) {
        present++
        if (typeof v === 'string') {
          v = coerceCellAs(f.kind, v)
          if (v instanceof CellProblem) return NOT_PLAIN
        }
      }
      if (v === undefined || v === ABSENT) {
        if (!f.absentOk) return NOT_PLAIN
        if (f.absentValue !== undefined) data[f.name] = f.absentValue
        continue
      }
      const out = f.check(v)
      if (out === NOT_PLAIN) return NOT_PLAIN
      data[f.name] = out
    }
    // A key outside the schema is dropped by zod, but coerceRecord would still report a NUL in it.
    let keys = 0
    for (const k in record) if (Object.hasOwn(record, k)) keys++
    return keys === present ? data : NOT_PLAIN
  }
}
