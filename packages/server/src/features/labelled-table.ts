import { buildFrame, inferSchema, isMissingToken, type ColumnSchema, type Frame } from '@rapport/ml'
import { InputError, UsageError } from '../errors/rapport-error.ts'
import { columnIndex, readTable, type Table } from '../io/read-table.ts'
import type { TableOptions } from '../io/table-options.ts'

const TRUE_LIKE = ['yes', 'true', 'y', 't', '1']

/** A table read for supervised learning: typed features, 0/1 labels, and what was decided about them. */
export interface Labelled {
  table: Table
  schema: ColumnSchema[]
  /** Feature frame (target, dropped and id-like columns removed); rows with a missing target are left out. */
  frame: Frame
  y: Float64Array
  /** Table row index of each frame row. */
  rowIndex: number[]
  target: string
  positive: string
  /** What was decided on the caller's behalf (rows left out, positive class, id columns), for display. */
  notes: string[]
}

/**
 * Turns a table into classifier inputs: infers column types and turns the target into 0/1. Without
 * `positive` the positive class is a yes/true/1-like value if there is one, else the rarer of two values;
 * more than two target values is an input error.
 */
export function labelledFromTable(table: Table, target: string, positive: string | undefined, drop: readonly string[]): Labelled {
  const file = table.file
  const notes: string[] = []
  const ti = columnIndex(table, target)
  const targetName = table.columns[ti] as string
  const dropNames = drop.map((d) => table.columns[columnIndex(table, d)] as string)
  const counts = new Map<string, number>()
  const keep: number[] = []
  table.rows.forEach((r, i) => {
    const v = (r[ti] ?? '').trim()
    if (isMissingToken(v)) return
    keep.push(i)
    counts.set(v, (counts.get(v) ?? 0) + 1)
  })
  if (keep.length < table.rows.length) notes.push(`${file}: ${table.rows.length - keep.length} rows with a missing ${targetName} left out`)
  const values = [...counts.keys()]
  let pos = positive
  if (pos === undefined) {
    if (values.length > 2) throw new InputError(`${file}: ${targetName}: ${values.length} distinct values; a binary target is needed (use --positive VALUE to pick the positive class)`)
    pos = values.find((v) => TRUE_LIKE.includes(v.toLowerCase())) ?? [...counts].sort((a, b) => a[1] - b[1])[0]?.[0]
    if (pos === undefined) throw new InputError(`${file}: ${targetName}: no values`)
    notes.push(`positive class: ${targetName} = ${pos}`)
  } else if (!counts.has(pos)) {
    throw new UsageError(`--positive ${pos}: ${targetName} never takes that value; values are: ${values.slice(0, 20).join(', ')}`)
  }
  const positiveValue = pos
  const rows = keep.map((i) => table.rows[i] as string[])
  const featureNames = table.columns.filter((c) => c !== targetName && !dropNames.includes(c))
  const inferred = inferSchema(featureNames, rows.map((r) => featureNames.map((c) => r[table.columns.indexOf(c)] ?? '')))
  for (const s of inferred) if (s.kind === 'id') notes.push(`${s.name}: looks like an identifier (nearly unique per row); not used as a feature`)
  const { frame } = buildFrame(inferred, rows, (name) => table.columns.indexOf(name))
  const y = Float64Array.from(rows, (r) => ((r[ti] ?? '').trim() === positiveValue ? 1 : 0))
  return { table, schema: inferred, frame, y, rowIndex: keep, target: targetName, positive: positiveValue, notes }
}

/** Reads a file and turns it into classifier inputs (see labelledFromTable). */
export async function readLabelled(file: string, opts: TableOptions, target: string, positive: string | undefined, drop: readonly string[]): Promise<Labelled> {
  return labelledFromTable(await readTable(file, opts), target, positive, drop)
}

/** Reads a new file with a saved schema; a schema column missing from the file is a usage error. */
export async function readWithSchema(file: string, opts: TableOptions, schema: readonly ColumnSchema[]): Promise<{ table: Table; frame: Frame }> {
  const table = await readTable(file, opts)
  const missing = schema.filter((s) => s.kind !== 'id' && !table.columns.includes(s.name))
  if (missing.length > 0) throw new UsageError(`${file}: missing column(s) the model needs: ${missing.map((s) => s.name).join(', ')}`)
  const { frame, invalid } = buildFrame(schema, table.rows, (name) => table.columns.indexOf(name))
  const first = invalid[0]
  if (first) throw new InputError(`${file}:${table.lines[first.row]}: ${first.column}: "${first.value}" is not a ${schema.find((s) => s.name === first.column)?.kind} value`)
  return { table, frame }
}

/** The chosen columns of a table (all when none are named) as a typed frame, for unsupervised models. */
export function featureFrame(table: Table, wanted: readonly string[]): Frame {
  const names = wanted.length ? wanted.map((n) => table.columns[columnIndex(table, n)] as string) : table.columns
  const schema = inferSchema(names, table.rows.map((r) => names.map((n) => r[table.columns.indexOf(n)] ?? '')))
  return buildFrame(schema, table.rows, (n) => table.columns.indexOf(n)).frame
}
