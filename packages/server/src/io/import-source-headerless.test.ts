import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openImportSource } from './import-source.ts'
import { coerceCell } from '../domain/coerce.ts'

const rowsOf = async (file: string, map: Record<string, string>) => {
  const src = openImportSource(file, ['external_id', 'customer_id', 'ordered_at', 'total'], { sep: 'whitespace', header: false, map })
  const out = []
  for await (const batch of src.rows) out.push(...batch)
  return { rows: out, ignored: src.ignoredColumns }
}

test('a file without a header reads every line as a row with columns c1..cN and _line as the line number', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'headerless-')), 'cdnow.txt')
  writeFileSync(file, ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n')
  const { rows, ignored } = await rowsOf(file, { _line: 'external_id', c1: 'customer_id', c3: 'ordered_at', c5: 'total' })
  assert.deepEqual(rows.map((r) => r.record), [
    { customer_id: '00004', ordered_at: '19970101', total: '29.33', external_id: '1' },
    { customer_id: '00004', ordered_at: '19970118', total: '29.73', external_id: '2' },
  ])
  assert.deepEqual(ignored, ['c2', 'c4'])
})

test('a time cell written as YYYYMMDD reads as that ISO date; other digit runs are left for the schema to refuse', () => {
  assert.equal(coerceCell('ordered_at', '19970101'), '1997-01-01')
  assert.equal(coerceCell('ordered_at', '1997011'), '1997011')
  assert.equal(coerceCell('city', '19970101'), '19970101')
})
