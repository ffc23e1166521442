import type { ColumnKind, Column, Frame } from './frame.ts'
import { parseIsoDateTime } from './parse-date-time.ts'

/** Tokens read as "no value" in any column (compared after trimming, case-insensitively). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'na', 'n/a', '#n/a', 'nan', 'null', 'none', '?', '-', '--'])

const TRUE_TOKENS = new Set(['yes', 'true', 'y', 't'])
const FALSE_TOKENS = new Set(['no', 'false', 'n', 'f'])

/** What schema inference decided for one raw column; `id` columns (near-unique strings) are not features. */
export interface ColumnSchema {
  name: string
  kind: ColumnKind | 'id'
}

export function isMissingToken(raw: string): boolean {
  return MISSING_TOKENS.has(raw.trim().toLowerCase())
}

/** Parses a number the way a spreadsheet export writes it ('1,234.5' is not a number here: ambiguous). */
export function parseNumber(raw: string): number {
  const t = raw.trim()
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number.NaN
  return Number(t)
}

/**
 * ISO 8601 dates and date-times as days since 1970-01-01, else NaN. A time without an offset is UTC (the one
 * rule of parse-date-time.ts), so the same file gives the same features under any host time zone.
 */
export function parseDate(raw: string): number {
  return parseIsoDateTime(raw) ?? Number.NaN
}

/**
 * Infers each column's kind from its raw strings: numeric when every present value parses as a number,
 * boolean for yes/no-style pairs, date for ISO dates, `id` for strings that are (nearly) unique per row on
 * more than 50 rows, categorical otherwise. Missing tokens are ignored. O(rows × columns).
 */
export function inferSchema(names: readonly string[], rows: readonly (readonly string[])[]): ColumnSchema[] {
  return names.map((name, j) => {
    let present = 0
    let numbers = 0
    let bools = 0
    let dates = 0
    const distinct = new Set<string>()
    for (const row of rows) {
      const raw = row[j] ?? ''
      if (isMissingToken(raw)) continue
      present++
      const t = raw.trim()
      distinct.add(t)
      if (!Number.isNaN(parseNumber(t))) numbers++
      const lower = t.toLowerCase()
      if (TRUE_TOKENS.has(lower) || FALSE_TOKENS.has(lower)) bools++
      if (!Number.isNaN(parseDate(t))) dates++
    }
    let kind: ColumnSchema['kind'] = 'categorical'
    if (present > 0 && numbers === present) kind = 'numeric'
    else if (present > 0 && bools === present && distinct.size <= 2) kind = 'boolean'
    else if (present > 0 && dates === present) kind = 'date'
    else if (present > 50 && distinct.size > 0.9 * present) kind = 'id'
    return { name, kind }
  })
}

/**
 * Builds a typed frame from raw strings under a schema (the inferred one, or the one saved with a model so
 * new files are read exactly as the training file was). `id` columns are left out. Unparseable values in a
 * numeric column become missing and are counted in `invalid` so callers can report them.
 */
export function buildFrame(
  schema: readonly ColumnSchema[],
  rows: readonly (readonly string[])[],
  columnIndex: (name: string) => number = (name) => schema.findIndex((s) => s.name === name),
): { frame: Frame; invalid: Array<{ column: string; row: number; value: string }> } {
  const n = rows.length
  const invalid: Array<{ column: string; row: number; value: string }> = []
  const columns: Column[] = []
  for (const s of schema) {
    if (s.kind === 'id') continue
    const j = columnIndex(s.name)
    if (s.kind === 'categorical') {
      const codes = new Int32Array(n)
      const levels: string[] = []
      const index = new Map<string, number>()
      for (let i = 0; i < n; i++) {
        const raw = rows[i]?.[j] ?? ''
        if (j < 0 || isMissingToken(raw)) {
          codes[i] = -1
          continue
        }
        const t = raw.trim()
        let code = index.get(t)
        if (code === undefined) {
          code = levels.length
          levels.push(t)
          index.set(t, code)
        }
        codes[i] = code
      }
      columns.push({ name: s.name, kind: 'categorical', codes, levels })
      continue
    }
    const values = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const raw = rows[i]?.[j] ?? ''
      if (j < 0 || isMissingToken(raw)) {
        values[i] = Number.NaN
        continue
      }
      const v = parseValue(s.kind, raw)
      if (Number.isNaN(v)) invalid.push({ column: s.name, row: i, value: raw })
      values[i] = v
    }
    columns.push({ name: s.name, kind: s.kind, values })
  }
  return { frame: { nRows: n, columns }, invalid }
}

function parseValue(kind: 'numeric' | 'boolean' | 'date', raw: string): number {
  if (kind === 'numeric') return parseNumber(raw)
  if (kind === 'date') return parseDate(raw)
  const lower = raw.trim().toLowerCase()
  if (TRUE_TOKENS.has(lower)) return 1
  if (FALSE_TOKENS.has(lower)) return 0
  return Number.NaN
}
