import { textProblem } from './text-rules.ts'

/**
 * Turns the strings of a CSV row into the typed values the entity schemas expect. JSON Lines input already
 * has types, but numbers written as strings are accepted there too (as plain decimals, like CSV cells).
 * Empty cells mean "absent".
 */
const NUMBER_FIELDS = new Set(['price', 'total', 'quantity', 'unit_price', 'rating'])
const JSON_FIELDS = new Set(['attributes', 'properties'])
const LIST_FIELDS = new Set(['tags'])

export interface CoerceError {
  field: string
  reason: string
}

/** Coerces in place; returns the problems found (the caller reports them as row errors). */
export function coerceRecord(record: Record<string, unknown>): CoerceError[] {
  const errors: CoerceError[] = []
  for (const [field, value] of Object.entries(record)) {
    if (typeof value !== 'string') continue
    // Before any conversion, so a NUL reads the same in every kind of cell (the schemas check it again).
    const bad = textProblem(value)
    if (bad !== undefined) {
      errors.push({ field, reason: bad })
      continue
    }
    const v = value.trim()
    if (v === '') {
      delete record[field]
      continue
    }
    if (NUMBER_FIELDS.has(field)) {
      // Number() also reads 0x10, 0b11, 1e3, Infinity and surrounding blanks; a cell holds plain decimals only.
      if (isPlainDecimal(value)) record[field] = Number(value)
      else errors.push({ field, reason: `${clip(value)} is not a plain decimal number` })
    } else if (JSON_FIELDS.has(field)) {
      try {
        const parsed: unknown = JSON.parse(v)
        record[field] = parsed
      } catch {
        errors.push({ field, reason: 'is not valid JSON' })
      }
    } else if (LIST_FIELDS.has(field)) {
      record[field] = v.startsWith('[') ? safeJson(v) ?? v : v.split(/[;|]/).map((s) => s.trim()).filter(Boolean)
    } else if (field.endsWith('_at')) {
      // "2024-05-01 10:20:30" is how spreadsheets write times: accept it as ISO 8601.
      record[field] = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(v) ? v.replace(' ', 'T') : v
    } else {
      record[field] = v
    }
  }
  return errors
}

/** `-?digits[.digits]`, checked with a charCode loop (this runs on every numeric cell of an import). */
export function isPlainDecimal(s: string): boolean {
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0
  const start = i
  while (i < s.length && isDigit(s.charCodeAt(i))) i++
  if (i === start) return false
  if (i === s.length) return true
  if (s.charCodeAt(i) !== 46 /* . */) return false
  const frac = ++i
  while (i < s.length && isDigit(s.charCodeAt(i))) i++
  return i > frac && i === s.length
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v) as unknown
  } catch {
    return undefined
  }
}

/** The value quoted for a message: at most 40 characters, control characters escaped. */
function clip(v: string): string {
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)
}
