import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openImportSource, type SourceOptions, type SourceRow } from './import-source.ts'

const dir = mkdtempSync(join(tmpdir(), 'rapport-src-'))
const put = (name: string, data: string | Buffer): string => {
  const p = join(dir, name)
  writeFileSync(p, data)
  return p
}
const fields = ['external_id', 'name', 'email', 'attributes']

async function rows(file: string, opts: SourceOptions = {}): Promise<SourceRow[]> {
  const out: SourceRow[] = []
  for await (const batch of openImportSource(file, fields, opts).rows) out.push(...batch)
  return out
}

test('JSON Lines with a UTF-8 byte-order mark import like without one', async () => {
  const f = put('bom.jsonl', '\uFEFF{"external_id":"c1","name":"Ann"}\n{"external_id":"c2"}\n')
  assert.deepEqual((await rows(f)).map((r) => [r.line, r.record]), [[1, { external_id: 'c1', name: 'Ann' }], [2, { external_id: 'c2' }]])
})

test('a header naming a column twice is an error naming both columns', async () => {
  const f = put('dup.csv', 'external_id,name,Name\nc1,a,b\n')
  await assert.rejects(rows(f), (e: Error) => e.message === `${f}:1: column "Name" appears twice in the header (columns 2 and 3)`)
  const g = put('dup-map.csv', 'id,external_id\n1,c1\n')
  await assert.rejects(rows(g, { map: { id: 'external_id' } }), (e: Error) =>
    e.message === `${g}:1: columns "id" and "external_id" both map to field external_id in the header (columns 1 and 2)`)
  // Unnamed columns (trailing separators of spreadsheet exports) are not duplicates.
  const h = put('blank.csv', 'external_id,name,,\nc1,a,,\n')
  assert.deepEqual((await rows(h)).map((r) => r.record), [{ external_id: 'c1', name: 'a' }])
})

test('JSON Lines that are not UTF-8 are refused with the line, like CSV', async () => {
  const f = put('latin1.jsonl', Buffer.concat([Buffer.from('{"external_id":"c1"}\n'), Buffer.from('{"name":"caf\xe9"}\n', 'latin1')]))
  await assert.rejects(rows(f), (e: Error) => e.message.startsWith(`${f}:2: is not valid UTF-8 (byte 0xE9)`))
})

test('with `name`, errors call the file by it instead of its path (an upload read from a temp file)', async () => {
  const cases: Array<[string, string | Buffer, SourceOptions, string]> = [
    ['n-dup.csv', 'external_id,name,name\nc1,a,b\n', {}, 'big.csv:1: column "name" appears twice in the header (columns 2 and 3)'],
    ['n-wide.csv', 'external_id,name\nc1,a,b\n', {}, 'big.csv:2: has 3 fields but the header has 2'],
    ['n-quote.csv', 'external_id,name\nc1,"a\nc2,b\n', {}, 'big.csv:2: a quoted field opens on this line and is never closed'],
    ['n-latin1.csv', Buffer.concat([Buffer.from('external_id,name\n'), Buffer.from('c1,caf\xe9\n', 'latin1')]), {}, 'big.csv:2: is not valid UTF-8 (byte 0xE9)'],
    ['n-latin1.jsonl', Buffer.from('{"name":"caf\xe9"}\n', 'latin1'), {}, 'big.csv:1: is not valid UTF-8 (byte 0xE9)'],
  ]
  for (const [file, data, opts, message] of cases) {
    const f = put(file, data)
    await assert.rejects(rows(f, { ...opts, name: 'big.csv' }), (e: Error) => e.message.startsWith(message) && !e.message.includes(dir), `${file}: ${message}`)
  }
})
