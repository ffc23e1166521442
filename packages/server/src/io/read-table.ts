import { InputError, UsageError } from '../errors/rapport-error.ts'
import { readRecords } from './records.ts'
import type { TableOptions } from './table-options.ts'

/**
 * A whole delimited file in memory as strings, for the analytical commands (their inputs are
 * at most a few hundred MB of text). Imports into the store stream instead (see import/).
 */
export interface Table {
  file: string
  columns: string[]
  rows: string[][]
  /** lines[i] is the file line of rows[i], for error messages. */
  lines: number[]
}

export async function readTable(file: string, opts: TableOptions = {}): Promise<Table> {
  const rows: string[][] = []
  const lines: number[] = []
  let columns: string[] | undefined
  const header = opts.header ?? true
  for await (const rec of readRecords(file, opts)) {
    if (columns === undefined && header) {
      columns = rec.values.map((c) => c.trim())
      continue
    }
    rows.push(rec.values)
    lines.push(rec.line)
  }
  if (columns === undefined) {
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0)
    columns = Array.from({ length: width }, (_, i) => `c${i + 1}`)
  }
  return { file, columns, rows, lines }
}

/** Index of a column by name (or c1..cN / 1-based number), with a usage error listing the real names. */
export function columnIndex(table: Table, name: string): number {
  let i = table.columns.indexOf(name)
  if (i < 0) i = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase())
  if (i < 0 && /^c?\d+$/.test(name)) {
    const k = Number(name.replace(/^c/, '')) - 1
    if (k >= 0 && k < table.columns.length) i = k
  }
  if (i < 0) throw new UsageError(`${table.file}: no column "${name}"; columns are: ${table.columns.join(', ')}`)
  return i
}

/** Raw string values of one column ('' where a row is short). */
export function stringColumn(table: Table, name: string): string[] {
  const i = columnIndex(table, name)
  return table.rows.map((r) => r[i] ?? '')
}

/** Numeric values of one column; a non-number is an input error naming file, line and column. */
export function numericColumn(table: Table, name: string): Float64Array {
  const i = columnIndex(table, name)
  const col = table.columns[i] ?? name
  const out = new Float64Array(table.rows.length)
  for (let r = 0; r < table.rows.length; r++) {
    const raw = (table.rows[r]?.[i] ?? '').trim()
    const v = Number(raw)
    if (raw === '' || !Number.isFinite(v)) {
      throw new InputError(`${table.file}:${table.lines[r]}: ${col}: "${raw}" is not a number`)
    }
    out[r] = v
  }
  return out
}
