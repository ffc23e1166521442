import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { readRecords } from './records.ts'
import { readTable, numericColumn, columnIndex } from './read-table.ts'
import { sniffSeparator } from './table-options.ts'

const dir = mkdtempSync(join(tmpdir(), 'rapport-io-'))
const put = (name: string, data: string | Buffer): string => {
  const p = join(dir, name)
  writeFileSync(p, data)
  return p
}

async function all(file: string, opts = {}): Promise<Array<[number, string[]]>> {
  const out: Array<[number, string[]]> = []
  for await (const r of readRecords(file, opts)) out.push([r.line, r.values])
  return out
}

test('quoted fields spanning lines keep their newlines, and lines are counted through them', async () => {
  const f = put('q.csv', 'text,label\n"hello\nworld",a\nplain,b\n')
  assert.deepEqual(await all(f), [[1, ['text', 'label']], [3, ['hello\nworld', 'a']], [4, ['plain', 'b']]])
})

test('line numbers count blank lines, CRLF endings and a last line without a newline', async () => {
  const f = put('lines.csv', 'a,b\r\n\r\n1,2\r\n"x\r\ny",3\r\n\r\n4,5')
  const g = put('lines-lf.csv', 'a,b\n\n1,2\n"x\r\ny",3\n\n4,5\n')
  assert.deepEqual(await all(g), [[1, ['a', 'b']], [3, ['1', '2']], [5, ['x\r\ny', '3']], [7, ['4', '5']]])
  assert.deepEqual(await all(f), [[1, ['a', 'b']], [3, ['1', '2']], [5, ['x\r\ny', '3']], [7, ['4', '5']]])
})

test('a malformed quote is an input error naming the file and line', async () => {
  const f = put('bad.csv', 'a,b\n1,2\n"open,3\n')
  await assert.rejects(all(f), (e: Error) => e.message.startsWith(`${f}:`) && /Quote|quote/.test(e.message))
})

test('separator is sniffed: tab, semicolon, whitespace runs', async () => {
  assert.deepEqual(sniffSeparator('a\tb\tc'), { kind: 'char', char: '\t' })
  assert.deepEqual(sniffSeparator('a;b;"x,y"'), { kind: 'char', char: ';' })
  assert.deepEqual(sniffSeparator('  1   2  19970101'), { kind: 'whitespace' })
  const f = put('ws.txt', '00001 1 19970101 1 11.77\n00002  2   19970112 2 29.33\n')
  assert.deepEqual(await all(f), [[1, ['00001', '1', '19970101', '1', '11.77']], [2, ['00002', '2', '19970112', '2', '29.33']]])
})

test('GBK files decode with --encoding gbk', async () => {
  const f = put('gbk.csv', iconv.encode('城市,评分\n上海,5\n', 'gbk'))
  assert.deepEqual(await all(f, { encoding: 'gbk' }), [[1, ['城市', '评分']], [2, ['上海', '5']]])
})

test('quote none reads quotes literally; a byte-order mark is dropped', async () => {
  const f = put('nq.tsv', '\uFEFFa\tb\n"x\ty"\n')
  assert.deepEqual(await all(f, { quote: 'none' }), [[1, ['a', 'b']], [2, ['"x', 'y"']]])
})

test('readTable names columns c1..cN without a header and reports bad numbers with file:line: column', async () => {
  const f = put('nh.tsv', '196\t242\t3\n186\t302\tx\n')
  const t = await readTable(f, { header: false })
  assert.deepEqual(t.columns, ['c1', 'c2', 'c3'])
  assert.equal(columnIndex(t, '2'), 1)
  assert.throws(() => numericColumn(t, 'c3'), (e: Error) => e.message === `${f}:2: c3: "x" is not a number`)
})

test('a missing file is an input error naming it', async () => {
  await assert.rejects(all(join(dir, 'nope.csv')), /nope\.csv: no such file/)
})

test('an unclosed quote is reported at the line where the field opened, not at the end of the file', async () => {
  const body = Array.from({ length: 3000 }, (_, i) => `r${i},plain`).join('\n')
  const f = put('unclosed.csv', `a,b\n${body}\nx,"opened here\n${body}\n`)
  await assert.rejects(all(f), (e: Error) => e.message === `${f}:3002: a quoted field opens on this line and is never closed`)
  // Quoted fields before it, spanning lines and holding doubled quotes, do not confuse the count.
  const g = put('unclosed2.csv', 'a,b\n"multi\nline ""q""",1\n2,"fine"\n3,"never\nclosed\n')
  await assert.rejects(all(g), (e: Error) => e.message === `${g}:5: a quoted field opens on this line and is never closed`)
})

test('a file that is not UTF-8 is refused at the line of its first bad byte, naming GBK when it looks like GBK', async () => {
  const gbk = put('gbk-as-utf8.csv', Buffer.concat([Buffer.from('external_id,name\nc1,Ann\n'), iconv.encode('c2,王小明\n', 'gbk')]))
  await assert.rejects(all(gbk), (e: Error) =>
    e.message === `${gbk}:3: is not valid UTF-8 (byte 0xCD); it looks like GBK (Chinese) text: import it again with --encoding gbk`)
  const latin = put('latin1.csv', Buffer.concat([Buffer.from('a,b\n'), Buffer.from('caf\xe9,1\n', 'latin1')]))
  await assert.rejects(all(latin), (e: Error) => e.message.startsWith(`${latin}:2: is not valid UTF-8 (byte 0xE9); name the encoding`))
  // A truncated sequence at the very end, and an encoded surrogate (which a lenient decoder turns into U+FFFD).
  const cut = put('cut.csv', Buffer.concat([Buffer.from('a\nx'), Buffer.from([0xe7, 0x8e])]))
  await assert.rejects(all(cut), (e: Error) => e.message.startsWith(`${cut}:2: is not valid UTF-8 (byte 0xE7)`))
  const sur = put('surrogate.csv', Buffer.concat([Buffer.from('a\n\nx'), Buffer.from([0xed, 0xa0, 0x80])]))
  await assert.rejects(all(sur), (e: Error) => e.message.startsWith(`${sur}:3: is not valid UTF-8 (byte 0xED)`))
  // The same bytes with --encoding gbk read as intended.
  assert.deepEqual((await all(gbk, { encoding: 'gbk' }))[2], [3, ['c2', '王小明']])
})

test('the bad byte is located across read chunks (the file is read 1 MiB at a time)', async () => {
  const line = `${'é'.repeat(40)},x\n` // two-byte characters, so chunk borders fall inside them
  const lines = Math.ceil((3 << 20) / Buffer.byteLength(line))
  const f = put('big-bad.csv', Buffer.concat([Buffer.from(`a,b\n${line.repeat(lines)}`), Buffer.from([0xff, 0x0a])]))
  await assert.rejects(all(f), (e: Error) => e.message.startsWith(`${f}:${lines + 2}: is not valid UTF-8 (byte 0xFF)`))
})
