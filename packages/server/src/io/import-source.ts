import { createInterface } from 'node:readline'
import { statSync } from 'node:fs'
import { InputError, UsageError } from '../errors/rapport-error.ts'
import { assertReadable, decodedStream, readRecordBatches, type RecordOptions } from './records.ts'

/** One input row: its line, the record keyed by entity field, and the raw cells (for the rejects file). */
export interface SourceRow {
  line: number
  record: Record<string, unknown>
  raw: Record<string, string>
}

export interface ImportSource {
  file: string
  format: 'csv' | 'jsonl'
  /** Source columns that map to no field (reported once, then ignored). */
  ignoredColumns: string[]
  totalBytes: number
  /** Rows in batches (one await per batch keeps a million-row import fast). */
  rows: AsyncIterable<SourceRow[]>
}

export interface SourceOptions extends RecordOptions {
  format?: 'csv' | 'jsonl' | undefined
  /** `--map source=field` pairs; a field may be `attributes.x` (or `properties.x`) to nest a column. */
  map?: Record<string, string> | undefined
}

/** The format named by --format, else by the file extension. */
export function detectFormat(file: string, format?: string): 'csv' | 'jsonl' {
  if (format === 'csv' || format === 'jsonl') return format
  if (format !== undefined) throw new UsageError(`--format must be csv or jsonl, got "${format}"`)
  return /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv'
}

/** Opens a CSV or JSON Lines file as a stream of records keyed by the entity's field names. */
export function openImportSource(file: string, fields: readonly string[], opts: SourceOptions = {}): ImportSource {
  assertReadable(file)
  const format = detectFormat(file, opts.format)
  const totalBytes = statSync(file).size
  const known = new Set(fields)
  const map = opts.map ?? {}
  const target = (col: string): string | undefined => {
    const mapped = map[col] ?? col
    if (known.has(mapped)) return mapped
    const lower = mapped.toLowerCase()
    if (known.has(lower)) return lower
    if (/^(attributes|properties)\.[^.]+$/.test(mapped) && known.has(mapped.split('.')[0] ?? '')) return mapped
    return undefined
  }
  const ignoredColumns: string[] = []
  const rows = format === 'csv' ? csvRows(file, opts, target, ignoredColumns) : jsonlRows(file, opts, target)
  return { file, format, ignoredColumns, totalBytes, rows }
}

/**
 * A column every CSV row has without the file holding it: the row's line number, for files with no id of
 * their own (`--map _line=external_id` keys each order line; importing the file again updates the same rows).
 * A real column of that name takes precedence.
 */
export const LINE_COLUMN = '_line'

function place(record: Record<string, unknown>, field: string, value: unknown): void {
  const dot = field.indexOf('.')
  if (dot < 0) {
    record[field] = value
    return
  }
  const parent = field.slice(0, dot)
  const bag = (record[parent] ??= {}) as Record<string, unknown>
  if (value !== '' && value !== undefined) bag[field.slice(dot + 1)] = value
}

async function* csvRows(
  file: string,
  opts: RecordOptions,
  target: (col: string) => string | undefined,
  ignored: string[],
): AsyncGenerator<SourceRow[]> {
  const name = opts.name ?? file
  let header: string[] | undefined
  let targets: Array<string | undefined> = []
  let lineTarget: string | undefined
  for await (const recs of readRecordBatches(file, opts)) {
    const out: SourceRow[] = []
    for (const rec of recs) {
      if (header === undefined) {
        // Without a header row the columns are c1..cN (as everywhere in the CLI), named to fields with --map.
        const headerless = opts.header === false
        header = headerless ? rec.values.map((_, i) => `c${i + 1}`) : rec.values.map((h) => h.trim())
        targets = header.map(target)
        assertDistinctColumns(name, rec.line, header, targets)
        header.forEach((h, i) => targets[i] === undefined && ignored.push(h))
        lineTarget = header.includes(LINE_COLUMN) ? undefined : target(LINE_COLUMN)
        if (!headerless) continue
      }
      if (rec.values.length > header.length) {
        throw new InputError(`${name}:${rec.line}: has ${rec.values.length} fields but the header has ${header.length}`)
      }
      const record: Record<string, unknown> = {}
      const raw: Record<string, string> = {}
      for (let i = 0; i < header.length; i++) {
        const v = rec.values[i] ?? ''
        raw[header[i] ?? `c${i + 1}`] = v
        const f = targets[i]
        if (f !== undefined) place(record, f, v)
      }
      if (lineTarget !== undefined) place(record, lineTarget, String(rec.line))
      out.push({ line: rec.line, record, raw })
    }
    if (out.length > 0) yield out
  }
}

/**
 * A header naming one column twice (or two columns that map to one field) would keep only the last of
 * them, silently: refuse the file, naming both. Empty names are unnamed columns, not duplicates.
 */
function assertDistinctColumns(fileName: string, line: number, header: string[], targets: Array<string | undefined>): void {
  const seen = new Map<string, number>()
  for (let i = 0; i < header.length; i++) {
    const name = (header[i] ?? '').toLowerCase()
    const keys = [...(name === '' ? [] : [`name:${name}`]), ...(targets[i] === undefined ? [] : [`field:${targets[i]}`])]
    for (const key of keys) {
      const first = seen.get(key)
      if (first !== undefined) {
        const what = key.startsWith('name:') ? `column "${header[i]}" appears twice` : `columns "${header[first]}" and "${header[i]}" both map to field ${targets[i]}`
        throw new InputError(`${fileName}:${line}: ${what} in the header (columns ${first + 1} and ${i + 1})`)
      }
      seen.set(key, i)
    }
  }
}

async function* jsonlRows(file: string, opts: RecordOptions, target: (col: string) => string | undefined): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = []
  for await (const row of jsonlRowsOneByOne(file, opts, target)) {
    batch.push(row)
    if (batch.length >= 2000) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

async function* jsonlRowsOneByOne(file: string, opts: RecordOptions, target: (col: string) => string | undefined): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: decodedStream(file, opts), crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    // The decoders drop a byte-order mark; this covers one left by an editor after a conversion.
    const text = n === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line
    if (text.trim() === '') continue
    let obj: unknown
    try {
      obj = JSON.parse(text)
    } catch (err) {
      yield { line: n, record: { __parseError: (err as Error).message }, raw: { line: text } }
      continue
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      yield { line: n, record: { __parseError: 'is not a JSON object' }, raw: { line: text } }
      continue
    }
    const record: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      const f = target(k)
      if (f !== undefined) place(record, f, v)
    }
    yield { line: n, record, raw: { line: text } }
  }
}
