import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { z } from 'zod'
import { systemActor } from '../../src/domain/actor.ts'
import { ENTITIES, entitySchemas, type EntityName } from '../../src/domain/entities.ts'
import { RapportError } from '../../src/errors/rapport-error.ts'
import { importFile } from '../../src/services/import/import-file.ts'
import { formatRowError } from '../../src/services/import/row-error.ts'
import { columnName, entityTables } from '../../src/store/entity-tables.ts'
import type { Db } from '../../src/store/db.ts'
import { backends } from '../backends.ts'
import { boundaryCases, type BoundaryCase } from './boundary-cases.ts'
import { declaredColumns, type DeclaredColumn } from './declared-columns.ts'

// Issue 13, items 4-7, 9 and 10: hostile import files, each reproduction run on every backend.
const dir = mkdtempSync(join(tmpdir(), 'rapport-hostile-'))
after(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const put = (ext: string, data: string | Buffer): string => {
  const p = join(dir, `f${++n}.${ext}`)
  writeFileSync(p, data)
  return p
}
const actor = systemActor(1)
const csv = (header: string, ...rows: string[]): string => `${[header, ...rows].join('\n')}\n`
const jsonl = (...rows: unknown[]): string => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`

/** A valid row of each entity (references point at the seeded c1, p1, o1); `i` keeps keys distinct. */
function baseRow(entity: EntityName, i: number): Record<string, unknown> {
  switch (entity) {
    case 'customers': return { external_id: `bc${i}`, name: 'Base' }
    case 'products': return { sku: `bp${i}`, name: 'Base product' }
    case 'orders': return { external_id: `bo${i}`, customer_id: 'c1', ordered_at: '2025-01-01T00:00:00Z', total: 1 }
    case 'order_items': return { order_id: 'o1', sku: `p${i}`, quantity: 1, unit_price: 1 }
    case 'events': return { external_id: `be${i}`, customer_id: 'c1', type: 'view', occurred_at: '2025-01-01T00:00:00Z' }
    case 'reviews': return { external_id: `br${i}`, customer_id: 'c1', sku: 'p1', rating: 3, reviewed_at: '2025-01-01T00:00:00Z' }
    case 'tickets': return { external_id: `bt${i}`, customer_id: 'c1', channel: 'email', subject: 'Subject', opened_at: '2025-01-01T00:00:00Z' }
    case 'consents': return { customer_id: 'c1', channel: 'email', status: 'granted', recorded_at: `2025-01-01T00:00:00Z`, source: `s${i}` }
  }
}
/** A valid value of text fields that have their own format. */
const SAMPLES: Record<string, string> = { email: 'ann@example.com', phone: '+86 138 0013 8007', external_id: 'id王😀', sku: 'sku王😀' }

/** A valid text value of a field: an option of an enumeration (whose column is plain text), else a sample. */
function sampleOf(entity: EntityName, field: string, suffix: string): string {
  let schema = (entitySchemas[entity].shape as Record<string, z.ZodType>)[field]
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType
  if (schema instanceof z.ZodEnum) return String(schema.options[0])
  return `${SAMPLES[field] ?? '王小明 café 😀'}${suffix}`
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${table}`)
  return Number(row?.n)
}

/** Every entity table's row count and a checksum of its content, to prove a refused import wrote nothing. */
async function snapshot(db: Db): Promise<string> {
  const parts: string[] = []
  for (const e of ENTITIES) {
    const t = entityTables[e].table
    const [row] = await db.query<{ n: number; h: string | null }>(`SELECT count(*)::int8 AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS h FROM ${t} t`)
    parts.push(`${t}:${Number(row?.n)}:${row?.h ?? ''}`)
  }
  return parts.join(' ')
}

function toCell(v: unknown): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** `file:line: column: reason` for every error, as the CLI prints them. */
const messages = (file: string, s: { errors: Array<{ line: number; column?: string | undefined; reason: string }> }): string[] =>
  s.errors.map((e) => formatRowError(file, e))

for (const backend of backends()) {
  describe(`hostile imports on ${backend.name}`, () => {
    let db: Db
    before(async () => {
      db = await backend.open()
      const seed = async (entity: EntityName, text: string): Promise<void> => {
        const s = await importFile(db, put('csv', text), { entity, actor })
        assert.equal(s.committed, true, JSON.stringify(s.errors))
      }
      await seed('customers', csv('external_id,name', 'c1,Ann', 'c2,Bob'))
      await seed('products', csv('sku,name', ...Array.from({ length: 60 }, (_, i) => `p${i},Product ${i}`)))
      await seed('orders', csv('external_id,customer_id,ordered_at,total', 'o1,c1,2025-01-01T00:00:00Z,1.00'))
    })
    after(async () => {
      await db.close()
    })

    test('item 4: a NUL in a cell is a row error naming file, line and column; --skip-invalid skips it', async () => {
      const f = put('csv', csv('external_id,name,city', 'n1,Ann,London', 'n2,Bob,Lon\u0000don', 'n3\u0000,Cai,Rome', 'n4,Dee,Oslo'))
      const before = await snapshot(db)
      const s = await importFile(db, f, { entity: 'customers', actor })
      assert.equal(s.committed, false)
      assert.deepEqual(messages(f, s), [`${f}:3: city: contains a NUL character`, `${f}:4: external_id: contains a NUL character`])
      assert.equal(await snapshot(db), before)
      const skipped = await importFile(db, f, { entity: 'customers', actor, skipInvalid: true })
      assert.equal(skipped.committed, true)
      assert.equal(skipped.inserted, 2)
      assert.equal(skipped.rejected, 2)
    })

    test('item 4: NUL in JSON Lines strings and in escaped JSON attributes is a row error with the field path', async () => {
      const f = put('jsonl', jsonl({ external_id: 'j1', name: 'a\u0000b' }, { external_id: 'j2', attributes: { tier: { x: 'g\u0000' } } }, { external_id: 'j3' }))
      const s = await importFile(db, f, { entity: 'customers', actor })
      assert.deepEqual(messages(f, s), [`${f}:1: name: contains a NUL character`, `${f}:2: attributes.tier.x: contains a NUL character`])
      const e = put('jsonl', jsonl({ customer_id: 'c1', type: 'view', occurred_at: '2025-01-01T00:00:00Z', properties: { 'k\u0000': 1 } }))
      const se = await importFile(db, e, { entity: 'events', actor })
      assert.deepEqual(messages(e, se), [`${e}:1: properties.k\u0000: has a key that contains a NUL character`])
    })

    test('item 5: attributes nested 5,000 levels deep are a row error, not a stack overflow, in CSV and JSON Lines', async () => {
      const deep = `${'{"a":'.repeat(4999)}{}${'}'.repeat(4999)}`
      const f = put('jsonl', `{"external_id":"d1","attributes":${deep}}\n{"external_id":"d2","attributes":{"ok":1}}\n`)
      const s = await importFile(db, f, { entity: 'customers', actor, skipInvalid: true })
      assert.deepEqual(messages(f, s), [`${f}:1: attributes: is nested more than 32 levels deep`])
      assert.equal(s.inserted, 1)
      const c = put('csv', `customer_id,type,occurred_at,properties\nc1,view,2025-01-01T00:00:00Z,"${deep.replaceAll('"', '""')}"\n`)
      const sc = await importFile(db, c, { entity: 'events', actor })
      assert.deepEqual(messages(c, sc), [`${c}:2: properties: is nested more than 32 levels deep`])
      const big = put('jsonl', jsonl({ external_id: 'd3', attributes: { s: 'x'.repeat(70_000) } }))
      assert.deepEqual(messages(big, await importFile(db, big, { entity: 'customers', actor })), [`${big}:1: attributes: is larger than 64 KiB as JSON`])
    })

    test('item 6: boundary values generated from each column type import when valid and are row errors when not', async () => {
      const columns = declaredColumns()
      for (const entity of ENTITIES) {
        const spec = entityTables[entity]
        const refFields = new Set(spec.refs.map((r) => r.field))
        const fields = Object.keys(entitySchemas[entity].shape)
        const targets: Array<{ field: string; col: DeclaredColumn }> = []
        for (const cs of spec.columns) {
          if (refFields.has(cs.field) || !fields.includes(cs.field)) continue
          const col = columns.find((d) => d.table === spec.table && d.column === columnName(cs))
          assert.ok(col, `${spec.table}.${columnName(cs)} is declared in the migration`)
          if (col.enumerated) continue
          targets.push({ field: cs.field, col })
        }
        if (targets.length === 0) continue
        for (const format of ['jsonl', 'csv'] as const) {
          // Samples differ per format where they make up a key, so both files insert their rows.
          const usable: Array<{ field: string; c: BoundaryCase }> = targets
            .flatMap(({ field, col }) => boundaryCases(col, sampleOf(entity, field, spec.keyFields.includes(field) || spec.derivedKey ? format : '')).map((c) => ({ field, c })))
            .filter(({ c }) => format === 'jsonl' || c.cell !== undefined)
          const rows = usable.map(({ field, c }, i) => {
            const base = baseRow(entity, i + (format === 'csv' ? 30 : 0))
            delete base[field]
            return { base, field, c }
          })
          const header = [...new Set(rows.flatMap((r) => [...Object.keys(r.base), r.field]))]
          const cellOf = (r: (typeof rows)[number], h: string): string => (h === r.field ? (r.c.cell ?? '') : toCell(r.base[h]))
          const text = format === 'jsonl'
            ? rows.map((r) => `${JSON.stringify(r.base).slice(0, -1)},${JSON.stringify(r.field)}:${r.c.json}}`).join('\n')
            : [header.join(','), ...rows.map((r) => header.map((h) => `"${cellOf(r, h).replaceAll('"', '""')}"`).join(','))].join('\n')
          const f = put(format, `${text}\n`)
          const before = await count(db, spec.table)
          const s = await importFile(db, f, { entity, actor, skipInvalid: true })
          const offset = format === 'csv' ? 2 : 1
          const expectedBad = usable.flatMap(({ field, c }, i) => (c.valid ? [] : [{ line: i + offset, field, what: c.what }]))
          const rejectedLines = [...new Set(s.errors.map((e) => e.line))]
          const label = `${entity} ${format}`
          assert.deepEqual(rejectedLines, expectedBad.map((b) => b.line), `${label}: rejected lines\n${messages(f, s).join('\n')}\n${JSON.stringify(expectedBad)}`)
          for (const e of s.errors) {
            const bad = expectedBad.find((b) => b.line === e.line)
            assert.ok(bad && (e.column === bad.field || e.column?.startsWith(`${bad.field}.`)), `${label}: ${formatRowError(f, e)} names the field (${bad?.what})`)
          }
          assert.equal(s.committed, true)
          assert.equal(s.inserted, usable.length - expectedBad.length, `${label}: valid boundaries stored`)
          assert.equal(await count(db, spec.table), before + s.inserted)
        }
      }
    })

    test('item 6: the values of the issue (total 1e15, quantity 2^31, year 0000, a lone surrogate) are row errors', async () => {
      const f = put('jsonl', `${[
        '{"external_id":"x1","customer_id":"c1","ordered_at":"2025-01-01T00:00:00Z","total":1e15}',
        '{"external_id":"x2","customer_id":"c1","ordered_at":"0000-01-01T00:00:00Z","total":1}',
        '{"external_id":"x3\\ud800","customer_id":"c1","ordered_at":"2025-01-01T00:00:00Z","total":1}',
      ].join('\n')}\n`)
      assert.deepEqual(messages(f, await importFile(db, f, { entity: 'orders', actor })), [
        `${f}:1: total: must be less than 1,000,000,000,000 in absolute value`,
        `${f}:2: ordered_at: year must be between 0001 and 9999`,
        `${f}:3: external_id: contains an invalid Unicode character (a lone surrogate)`,
      ])
      const q = put('csv', csv('order_id,sku,quantity,unit_price', 'o1,p1,2147483648,1.00'))
      assert.deepEqual(messages(q, await importFile(db, q, { entity: 'order_items', actor })), [`${q}:2: quantity: Too big: expected number to be <=2147483647`])
    })

    test('item 7: a GBK file read as UTF-8 is refused, suggesting --encoding gbk, and imports with it', async () => {
      const f = put('csv', iconv.encode(csv('external_id,name', 'g1,王小明', 'g2,李雷'), 'gbk'))
      const before = await snapshot(db)
      await assert.rejects(importFile(db, f, { entity: 'customers', actor }), (e: Error) =>
        e instanceof RapportError && e.message === `${f}:2: is not valid UTF-8 (byte 0xCD); it looks like GBK (Chinese) text: import it again with --encoding gbk`)
      assert.equal(await snapshot(db), before)
      const s = await importFile(db, f, { entity: 'customers', actor, encoding: 'gbk' })
      assert.equal(s.inserted, 2)
      const [row] = await db.query<{ name: string }>("SELECT name FROM customers WHERE external_id = 'g1'")
      assert.equal(row?.name, '王小明')
    })

    test('item 7: numbers are plain decimals, money has at most 2 decimals, 1e400 in JSON is an error', async () => {
      const f = put('csv', csv('order_id,sku,quantity,unit_price', 'o1,p40,0x10,1', 'o1,p41,0b11,1', 'o1,p42, 1,1', 'o1,p43,+1,1', 'o1,p44,1,Infinity', 'o1,p45,1,1e400', 'o1,p46,1,0.004', 'o1,p47,2,2.50'))
      const s = await importFile(db, f, { entity: 'order_items', actor })
      assert.deepEqual(messages(f, s), [
        `${f}:2: quantity: "0x10" is not a plain decimal number`,
        `${f}:3: quantity: "0b11" is not a plain decimal number`,
        `${f}:4: quantity: " 1" is not a plain decimal number`,
        `${f}:5: quantity: "+1" is not a plain decimal number`,
        `${f}:6: unit_price: "Infinity" is not a plain decimal number`,
        `${f}:7: unit_price: "1e400" is not a plain decimal number`,
        `${f}:8: unit_price: must have at most 2 decimals`,
      ])
      const j = put('jsonl', '{"external_id":"inf","attributes":{"n":1e400}}\n')
      assert.deepEqual(messages(j, await importFile(db, j, { entity: 'customers', actor })), [`${j}:1: attributes.n: is a number out of range (JSON numbers must be finite)`])
    })

    test('item 7: a header naming a column twice refuses the file', async () => {
      const f = put('csv', csv('external_id,name,email,name', 'h1,Ann,a@example.com,Other'))
      const before = await snapshot(db)
      await assert.rejects(importFile(db, f, { entity: 'customers', actor, skipInvalid: true }), (e: Error) =>
        e instanceof RapportError && e.message === `${f}:1: column "name" appears twice in the header (columns 2 and 4)`)
      assert.equal(await snapshot(db), before)
    })

    test('item 9: JSON Lines with a UTF-8 byte-order mark import', async () => {
      const f = put('jsonl', `\uFEFF${jsonl({ external_id: 'bom1', name: 'Ann' }, { external_id: 'bom2' })}`)
      const s = await importFile(db, f, { entity: 'customers', actor })
      assert.deepEqual([s.committed, s.inserted, s.rejected], [true, 2, 0])
    })

    test('item 10: an unclosed quote is reported at the line where the field opened', async () => {
      const rows = Array.from({ length: 6000 }, (_, i) => `q${i},Name ${i}`)
      rows[3000] = 'q3000,"never closed'
      const f = put('csv', csv('external_id,name', ...rows))
      const before = await snapshot(db)
      await assert.rejects(importFile(db, f, { entity: 'customers', actor }), (e: Error) =>
        e instanceof RapportError && e.message === `${f}:3002: a quoted field opens on this line and is never closed`)
      // Through the parse worker too (what files of 4 MiB and more use).
      await assert.rejects(importFile(db, f, { entity: 'customers', actor, parseInWorker: true }), (e: Error) =>
        e instanceof RapportError && e.message === `${f}:3002: a quoted field opens on this line and is never closed`)
      assert.equal(await snapshot(db), before)
    })
  })
}

// The same reproductions through the real CLI (embedded database): exit codes and the printed locations.
describe('hostile imports through rapport import', () => {
  const bin = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url))
  const env = { ...process.env, RAPPORT_DATA_DIR: join(dir, 'cli-data'), DATABASE_URL: '' }
  const rapport = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', cwd: dir })
    return { code: r.status, stderr: r.stderr, stdout: r.stdout }
  }

  test('a NUL cell: exit 1 with file:line: column, and --skip-invalid imports the other rows', () => {
    const f = put('csv', csv('external_id,name,city', 'k1,Ann,Lon\u0000don', 'k2,Bob,Paris'))
    const r = rapport('import', 'customers', f)
    assert.equal(r.code, 1)
    assert.ok(r.stderr.includes(`${f}:2: city: contains a NUL character`), r.stderr)
    assert.doesNotMatch(r.stderr, /invalid byte sequence/)
    const s = rapport('import', 'customers', f, '--skip-invalid', '--json')
    assert.equal(s.code, 0, s.stderr)
    assert.deepEqual(JSON.parse(s.stdout).inserted, 1)
  })

  test('a GBK file without --encoding: exit 1 suggesting --encoding gbk; with it, the names are stored as written', () => {
    const f = put('csv', iconv.encode(csv('external_id,name', 'w1,王小明'), 'gbk'))
    const r = rapport('import', 'customers', f)
    assert.equal(r.code, 1)
    assert.ok(r.stderr.includes(`${f}:2: is not valid UTF-8 (byte 0xCD); it looks like GBK (Chinese) text: import it again with --encoding gbk`), r.stderr)
    assert.equal(rapport('import', 'customers', f, '--encoding', 'gbk').code, 0)
    const out = rapport('export', 'customers', '--format', 'jsonl')
    assert.match(out.stdout, /"external_id":"w1","name":"王小明"/)
  })

  test('an unclosed quote: exit 1 naming the line where the field opened', () => {
    const f = put('csv', csv('external_id,name', 'u1,Ann', 'u2,"Bob', 'u3,Cai', 'u4,Dee'))
    const r = rapport('import', 'customers', f)
    assert.equal(r.code, 1)
    assert.ok(r.stderr.includes(`${f}:3: a quoted field opens on this line and is never closed`), r.stderr)
  })
})
