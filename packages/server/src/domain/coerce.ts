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
    const cell = coerceCell(field, value)
    if (cell === ABSENT) delete record[field]
    else if (cell instanceof CellProblem) errors.push({ field, reason: cell.reason })
    else record[field] = cell
  }
  return errors
}

/** What coerceCell returns for an empty (or blank) cell: the field is absent. */
export const ABSENT: unique symbol = Symbol('absent')

/** What coerceCell returns for a cell it cannot convert. */
export class CellProblem {
  constructor(readonly reason: string) {}
}

/** How a field's cells are converted; cellKind works it out from the name once per field. */
export type CellKind = 'number' | 'json' | 'list' | 'time' | 'text'

export function cellKind(field: string): CellKind {
  if (NUMBER_FIELDS.has(field)) return 'number'
  if (JSON_FIELDS.has(field)) return 'json'
  if (LIST_FIELDS.has(field)) return 'list'
  return field.endsWith('_at') ? 'time' : 'text'
}

/** One string cell as the value its field expects, ABSENT, or a CellProblem; see coerceCellAs. */
export const coerceCell = (field: string, value: string): unknown => coerceCellAs(cellKind(field), value)

/**
 * One string cell of a field of the given kind as the value the field expects, ABSENT, or a CellProblem.
 * Every string it returns is free of NUL and lone surrogates (the whole cell is checked first), so checks
 * after it need not scan strings again; values parsed from JSON inside the cell are not covered by that.
 */
export function coerceCellAs(kind: CellKind, value: string): unknown {
  // Before any conversion, so a NUL reads the same in every kind of cell (the schemas check it again).
  const bad = textProblem(value)
  if (bad !== undefined) return new CellProblem(bad)
  const v = value.trim()
  if (v === '') return ABSENT
  switch (kind) {
    case 'number':
      // Number() also reads 0x10, 0b11, 1e3, Infinity and surrounding blanks; a cell holds plain decimals only.
      return isPlainDecimal(value) ? Number(value) : new CellProblem(`${clip(value)} is not a plain decimal number`)
    case 'json':
      try {
        return JSON.parse(v) as unknown
      } catch {
        return new CellProblem('is not valid JSON')
      }
    case 'list':
      return v.startsWith('[') ? safeJson(v) ?? v : v.split(/[;|]/).map((s) => s.trim()).filter(Boolean)
    case 'time':
      // "2024-05-01 10:20:30" is how spreadsheets write times: accept it as ISO 8601. "19970101" is ISO 8601's
      // basic date format (CDNOW and many exports write dates so): read it as that day.
      if (/^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}`
      return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(v) ? v.replace(' ', 'T') : v
    case 'text':
      return v
  }
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
