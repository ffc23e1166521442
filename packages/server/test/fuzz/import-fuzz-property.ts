import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { systemActor } from '../../src/domain/actor.ts'
import { ENTITIES, entitySchemas, type EntityName } from '../../src/domain/entities.ts'
import { RapportError } from '../../src/errors/rapport-error.ts'
import { importFile } from '../../src/services/import/import-file.ts'
import { formatRowError } from '../../src/services/import/row-error.ts'
import type { Db } from '../../src/store/db.ts'
import { columnName, entityTables } from '../../src/store/entity-tables.ts'
import { declaredColumns } from '../integration/declared-columns.ts'

/**
 * The importer's fuzz property (issue 13): generated CSV and JSON Lines files of every entity, valid rows
 * mixed with hostile cells (NUL, lone surrogates, huge numbers, deep JSON, bad dates, broken JSON) and
 * hostile files (byte-order marks, duplicate headers, bytes that are not UTF-8, GBK text, unclosed quotes,
 * extra fields). For each file: the import either returns a summary or throws a RapportError whose message
 * starts with `file:line:` at the expected line; the rejected rows are exactly the hostile ones, each
 * reported as `file:line: column: reason`; a refused import leaves its table byte for byte unchanged; and
 * with --skip-invalid the valid rows are written.
 */

type CellFault = 'nul' | 'surrogate' | 'huge-number' | 'not-decimal' | 'deep-json' | 'infinite-json' | 'bad-date' | 'broken-json'
type FileFault = 'none' | 'bom' | 'duplicate-header' | 'bad-bytes' | 'gbk' | 'unclosed-quote' | 'extra-field'

export interface FuzzCase {
  entity: EntityName
  format: 'csv' | 'jsonl'
  skipInvalid: boolean
  worker: boolean
  rows: Array<{ text: string; number: number; fault: CellFault | undefined; faultPick: number }>
  fileFault: FileFault
  faultRow: number
}

/**
 * Field kinds of the columns the generated rows fill, from the migration's declared column types
 * (references excluded from the typed kinds; every field may get a NUL).
 */
function fieldKinds(entity: EntityName): { number: string[]; date: string[]; json: string[]; all: string[] } {
  const spec = entityTables[entity]
  const refs = new Set(spec.refs.map((r) => r.field))
  const declared = declaredColumns()
  const filled = new Set(Object.keys(validRow(entity, 'k', 'x', 0)))
  const kinds = { number: [] as string[], date: [] as string[], json: [] as string[], all: Object.keys(entitySchemas[entity].shape).filter((f) => filled.has(f)) }
  for (const c of spec.columns) {
    if (refs.has(c.field) || !filled.has(c.field)) continue
    const type = declared.find((d) => d.table === spec.table && d.column === columnName(c))?.type ?? ''
    if (/^(numeric|integer|smallint)/.test(type)) kinds.number.push(c.field)
    else if (type === 'date' || type === 'timestamptz') kinds.date.push(c.field)
    else if (type === 'jsonb') kinds.json.push(c.field)
  }
  return kinds
}

const kindsCache = new Map<EntityName, ReturnType<typeof fieldKinds>>()
const kindsOf = (e: EntityName): ReturnType<typeof fieldKinds> => {
  let k = kindsCache.get(e)
  if (!k) kindsCache.set(e, (k = fieldKinds(e)))
  return k
}

/** Which cell faults can be put in a row of this entity and format. */
function faultsFor(entity: EntityName, format: 'csv' | 'jsonl'): CellFault[] {
  const k = kindsOf(entity)
  return [
    'nul',
    ...(format === 'jsonl' ? (['surrogate', 'broken-json'] as const) : []),
    ...(k.number.length > 0 ? (['huge-number', 'not-decimal'] as const) : []),
    ...(k.json.length > 0 ? (['deep-json', 'infinite-json'] as const) : []),
    ...(k.date.length > 0 ? (['bad-date'] as const) : []),
  ]
}

const textUnit = fc.constantFrom(...Array.from('abcxyz ABC 王小明é😀,;"\'\n\t\\{}[]:'))

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    entity: fc.constantFrom(...ENTITIES),
    format: fc.constantFrom('csv' as const, 'jsonl' as const),
    skipInvalid: fc.boolean(),
    worker: fc.oneof({ weight: 24, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    texts: fc.array(fc.record({ text: fc.string({ unit: textUnit, maxLength: 12 }), number: fc.nat(10_000_000) }), { minLength: 1, maxLength: 8 }),
    faults: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 2, arbitrary: fc.nat(7) }), { minLength: 8, maxLength: 8 }),
    picks: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
    fileFault: fc.oneof(
      { weight: 8, arbitrary: fc.constant('none' as const) },
      { weight: 1, arbitrary: fc.constantFrom('bom' as const, 'duplicate-header' as const, 'bad-bytes' as const, 'gbk' as const, 'unclosed-quote' as const, 'extra-field' as const) },
    ),
    faultRow: fc.nat(7),
  })
  .map(({ entity, format, skipInvalid, worker, texts, faults, picks, fileFault, faultRow }) => {
    const possible = faultsFor(entity, format)
    const rows = texts.map((t, i) => {
      const f = faults[i] ?? -1
      return { ...t, fault: f < 0 ? undefined : possible[f % possible.length], faultPick: picks[i] ?? 0 }
    })
    // Faults that need CSV fall back to none in JSON Lines.
    const ff = format === 'jsonl' && (fileFault === 'duplicate-header' || fileFault === 'unclosed-quote' || fileFault === 'extra-field') ? 'none' : fileFault
    return { entity, format, skipInvalid, worker, rows, fileFault: ff, faultRow: faultRow % texts.length }
  })

let serial = 0

/** A valid row; `key` keeps natural keys (and derived ones) distinct between all rows of a run. */
function validRow(entity: EntityName, key: string, text: string, n: number): Record<string, unknown> {
  const money = ((n % 100_000_000) / 100).toFixed(2)
  const at = new Date(Date.UTC(2020, 0, 1) + (n % 100_000) * 60_000).toISOString()
  switch (entity) {
    case 'customers':
      return { external_id: key, name: text, city: text, tags: 'a;b', attributes: JSON.stringify({ t: text, n: n % 1000 }) }
    case 'products':
      return { sku: key, name: `${text}x`, price: money, attributes: JSON.stringify({ deep: { ok: [text] } }) }
    case 'orders':
      return { external_id: key, customer_id: 'c1', ordered_at: at, total: money, status: 'paid' }
    case 'order_items':
      return { order_id: `o${n % 5}`, sku: `p${n % 50}`, quantity: String(1 + (n % 100)), unit_price: money }
    case 'events':
      return { external_id: key, customer_id: 'c2', type: 'view', sku: 'p1', occurred_at: at, properties: JSON.stringify({ q: text }) }
    case 'reviews':
      return { external_id: key, customer_id: 'c1', sku: 'p2', rating: String(1 + (n % 5)), text, reviewed_at: at }
    case 'tickets':
      return { external_id: key, customer_id: 'c1', channel: 'chat', subject: `${text}s`, body: text, opened_at: at }
    case 'consents':
      return { customer_id: 'c1', channel: 'sms', status: 'granted', recorded_at: at, source: key }
  }
}

/** `levels` objects nested in one another. */
const deep = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`

/** Puts the fault into one cell (JSON Lines values stay strings, as in a CSV, except deep JSON). */
function injectFault(entity: EntityName, row: Record<string, unknown>, fault: CellFault, pick: number): void {
  const k = kindsOf(entity)
  const from = (list: string[]): string => list[pick % list.length] as string
  switch (fault) {
    case 'nul': {
      const f = from(Object.keys(row))
      row[f] = `${String(row[f] ?? 'x').slice(0, 1)}\u0000${String(row[f] ?? '').slice(1)}`
      return
    }
    case 'surrogate': {
      const f = from(Object.keys(row))
      row[f] = `${String(row[f] ?? 'x')}${pick % 2 === 0 ? '\ud800' : '\udfff'}`
      return
    }
    case 'huge-number':
      row[from(k.number)] = ['1000000000000', '-99999999999999999999', '0.001', '99999999999999.5', '1000000000000.00'][pick % 5]
      return
    case 'not-decimal':
      row[from(k.number)] = ['0x10', '0b11', '1e3', 'Infinity', ' 1', '+1', 'NaN', '1,5'][pick % 8]
      return
    case 'deep-json':
      row[from(k.json)] = deep([33, 5000, 20_000][pick % 3] as number)
      return
    case 'infinite-json':
      row[from(k.json)] = ['{"n":1e400}', '{"n":-1e999}', `{"s":"${'x'.repeat(70_000)}"}`, '{"k":"\\u0000"}', '{"k":"\\ud800"}'][pick % 5]
      return
    case 'bad-date':
      row[from(k.date)] = ['0000-01-01', '2024-02-30', '10000-01-01T00:00:00Z', '2024-13-01', '0001-01-01T00:00:00+01:00', 'yesterday'][pick % 6]
      return
    case 'broken-json':
      return // handled when the line is written
  }
}

interface Built {
  file: string
  /** Lines of the rows that must be rejected. */
  badLines: number[]
  validRows: number
  /** When the whole file must be refused: the line its error must name. */
  refusedAt: number | undefined
}

const csvCell = (v: unknown): string => `"${String(v ?? '').replaceAll('"', '""')}"`
const newlines = (s: string): number => s.split('\n').length - 1

function build(dir: string, c: FuzzCase): Built {
  const objects = c.rows.map((r) => {
    const key = `fz${++serial}`
    const row = validRow(c.entity, key, r.text, r.number + serial)
    if (r.fault !== undefined) injectFault(c.entity, row, r.fault, r.faultPick)
    return row
  })
  const header = Object.keys(validRow(c.entity, 'k', 'x', 0))
  const lines: string[] = []
  /** Per row: the line it starts on and the line it ends on (where a record is reported). */
  const rowStarts: number[] = []
  const rowLines: number[] = []
  if (c.format === 'csv') {
    const names = c.fileFault === 'duplicate-header' ? [...header, header[0] as string] : header
    lines.push(names.join(','))
    let end = 1
    for (const o of objects) {
      const cells = header.map((h) => csvCell(o[h]))
      if (c.fileFault === 'duplicate-header' || (c.fileFault === 'extra-field' && rowLines.length === c.faultRow)) cells.push('"x"')
      const text = cells.join(',')
      rowStarts.push(end + 1)
      end += 1 + newlines(text)
      rowLines.push(end)
      lines.push(text)
    }
  } else {
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i] as Record<string, unknown>
      let text = JSON.stringify(o)
      // Values too deep for JSON.stringify go in as text.
      for (const v of Object.values(o)) if (typeof v === 'string' && v.startsWith(`{"a":{"a":`)) text = text.replace(JSON.stringify(v), v)
      if (c.rows[i]?.fault === 'broken-json') text = text.slice(0, -1)
      rowStarts.push(i + 1)
      rowLines.push(i + 1)
      lines.push(text)
    }
  }
  let refusedAt: number | undefined
  let body = `${lines.join('\n')}\n`
  const faultLine = rowLines[c.faultRow] ?? 1
  switch (c.fileFault) {
    case 'none':
    case 'bom':
      break
    case 'duplicate-header':
      refusedAt = 1
      break
    case 'extra-field':
      refusedAt = faultLine
      break
    case 'unclosed-quote': {
      // The last record opens a quote it never closes; plain lines (without quotes) follow.
      const keep = lines.slice(0, c.faultRow + 1)
      const opensOn = keep.reduce((n, l) => n + 1 + newlines(l), 0) + 1
      body = `${keep.join('\n')}\n"never closed,x\nplain,y\n`
      refusedAt = opensOn
      break
    }
    case 'bad-bytes':
    case 'gbk':
      break
  }
  const file = join(dir, `case${serial}.${c.format}`)
  let bytes: Buffer
  if (c.fileFault === 'bad-bytes') {
    // 0xFF is never UTF-8; put it right after the first character of the faulty row (its first line).
    const idx = lines.slice(0, (c.format === 'csv' ? 1 : 0) + c.faultRow).reduce((n, l) => n + Buffer.byteLength(l) + 1, 0)
    const all = Buffer.from(body)
    bytes = Buffer.concat([all.subarray(0, idx + 1), Buffer.from([0xff]), all.subarray(idx + 1)])
    refusedAt = rowStarts[c.faultRow]
  } else if (c.fileFault === 'gbk') {
    // Chinese text on line 1 (an extra header name, or trailing text in JSON Lines), then all of it in GBK.
    body = body.replace('\n', ',王小明\n'.slice(c.format === 'csv' ? 0 : 1))
    bytes = iconv.encode(body, 'gbk')
  } else {
    bytes = Buffer.from(c.fileFault === 'bom' ? `\uFEFF${body}` : body)
  }
  writeFileSync(file, bytes)
  const badLines = refusedAt !== undefined || c.fileFault === 'gbk' || c.fileFault === 'bad-bytes'
    ? []
    : c.rows.flatMap((r, i) => (r.fault === undefined ? [] : [rowLines[i] as number]))
  const validRows = c.rows.filter((r) => r.fault === undefined).length
  return { file, badLines, validRows, refusedAt }
}

/** Row count and checksum of a table. */
async function tableState(db: Db, table: string): Promise<string> {
  const [row] = await db.query<{ n: number; h: string | null }>(`SELECT count(*)::int8 AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS h FROM ${table} t`)
  return `${Number(row?.n)}:${row?.h ?? ''}`
}

export interface FuzzTally {
  cases: number
  imported: number
  refusedRows: number
  refusedFiles: number
  rejectedRows: number
  byFault: Record<string, number>
}

export const newTally = (): FuzzTally => ({ cases: 0, imported: 0, refusedRows: 0, refusedFiles: 0, rejectedRows: 0, byFault: {} })

/** Seeds the references the generated rows point at. */
export async function seedFuzzDb(db: Db, dir: string): Promise<void> {
  const actor = systemActor(1)
  const put = (name: string, text: string): string => {
    const p = join(dir, name)
    writeFileSync(p, text)
    return p
  }
  const seeds: Array<[EntityName, string]> = [
    ['customers', 'external_id,name\nc1,Ann\nc2,Bob\n'],
    ['products', `sku,name\n${Array.from({ length: 50 }, (_, i) => `p${i},P${i}`).join('\n')}\n`],
    ['orders', `external_id,customer_id,ordered_at,total\n${Array.from({ length: 5 }, (_, i) => `o${i},c1,2025-01-01T00:00:00Z,1`).join('\n')}\n`],
  ]
  for (const [entity, text] of seeds) {
    const s = await importFile(db, put(`seed-${entity}.csv`, text), { entity, actor })
    if (!s.committed) throw new Error(`seed ${entity}: ${JSON.stringify(s.errors)}`)
  }
}

/** Runs one case and throws (with the file kept for inspection) when a property fails. */
export async function checkCase(db: Db, dir: string, c: FuzzCase, tally: FuzzTally): Promise<void> {
  const built = build(dir, c)
  const { file } = built
  const table = entityTables[c.entity].table
  const before = await tableState(db, table)
  const fail = (why: string): never => {
    throw new Error(`${why}\ncase: ${JSON.stringify(c)}\nfile: ${file}`)
  }
  tally.cases++
  tally.byFault[c.fileFault] = (tally.byFault[c.fileFault] ?? 0) + 1
  for (const r of c.rows) if (r.fault) tally.byFault[r.fault] = (tally.byFault[r.fault] ?? 0) + 1
  let summary: Awaited<ReturnType<typeof importFile>> | undefined
  try {
    summary = await importFile(db, file, { entity: c.entity, actor: systemActor(1), skipInvalid: c.skipInvalid, parseInWorker: c.worker })
  } catch (err) {
    if (!(err instanceof RapportError)) fail(`threw something other than a RapportError: ${String((err as Error)?.stack ?? err)}`)
    const e = err as RapportError
    const m = /^(.*?):(\d+): /.exec(e.message)
    if (!m || m[1] !== file) fail(`error without a file:line location: ${e.message}`)
    const line = Number(m?.[2])
    const expectedAt = built.refusedAt
    if (c.fileFault === 'gbk') {
      if (!/--encoding gbk/.test(e.message)) fail(`a GBK file's error does not suggest --encoding gbk: ${e.message}`)
    } else if (expectedAt === undefined) fail(`refused a file with no file-level fault: ${e.message}`)
    else if (line !== expectedAt) fail(`error at line ${line}, expected ${expectedAt}: ${e.message}`)
    if ((await tableState(db, table)) !== before) fail('a refused file changed the table')
    tally.refusedFiles++
    return
  }
  if (built.refusedAt !== undefined || c.fileFault === 'gbk' || c.fileFault === 'bad-bytes') fail(`a ${c.fileFault} file was not refused: ${JSON.stringify(summary.errors.slice(0, 3))}`)
  for (const e of summary.errors) {
    const text = formatRowError(file, e)
    if (!text.startsWith(`${file}:${e.line}: `) || !(e.line >= 1)) fail(`row error without a location: ${text}`)
  }
  const rejectedLines = [...new Set(summary.errors.map((e) => e.line))].sort((a, b) => a - b)
  const expected = [...built.badLines].sort((a, b) => a - b)
  if (JSON.stringify(rejectedLines) !== JSON.stringify(expected)) {
    fail(`rejected lines ${JSON.stringify(rejectedLines)}, expected ${JSON.stringify(expected)}:\n${summary.errors.map((e) => formatRowError(file, e)).join('\n')}`)
  }
  if (summary.rejected !== expected.length || summary.read !== c.rows.length) fail(`read ${summary.read}, rejected ${summary.rejected}`)
  tally.rejectedRows += summary.rejected
  const after = await tableState(db, table)
  if (!summary.committed) {
    if (c.skipInvalid) fail('not committed with skipInvalid')
    if (after !== before) fail('a refused import changed the table')
    tally.refusedRows++
    return
  }
  if (expected.length > 0 && !c.skipInvalid) fail('committed although rows were rejected')
  const written = summary.inserted + summary.updated + summary.unchanged
  // Order lines share their keys (order, sku) between cases, so they may update; every other key is new.
  if (c.entity === 'order_items' ? written !== built.validRows : summary.inserted !== built.validRows) {
    fail(`valid rows ${built.validRows}, inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}`)
  }
  tally.imported++
}

/** A scratch folder for the generated files (removed by the returned function). */
export function fuzzDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-fuzz-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
