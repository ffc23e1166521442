import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { RejectsCsv } from './job-rejects.ts'

describe('rejects CSV of an import job', () => {
  let dir: string
  before(() => void (dir = mkdtempSync(join(tmpdir(), 'job-rejects-'))))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('writes line,column,reason with CSV quoting, one row per error', () => {
    const csv = new RejectsCsv(join(dir, 'a.csv'))
    csv.write([{ line: 3, column: 'E-mail', reason: 'Invalid email, "x"' }, { line: 3, column: 'Town', reason: 'too long' }])
    csv.write([{ line: 9, reason: 'has 4 fields\nbut 3' }])
    const rows = parse(readFileSync(csv.close(), 'utf8')) as string[][]
    assert.deepEqual(rows, [['line', 'column', 'reason'], ['3', 'E-mail', 'Invalid email, "x"'], ['3', 'Town', 'too long'], ['9', '', 'has 4 fields\nbut 3']])
    assert.equal(csv.count, 3)
    csv.write([{ line: 10, reason: 'after close' }])
    assert.equal(csv.close(), csv.path, 'closing twice keeps the file')
    assert.equal((parse(readFileSync(csv.path, 'utf8')) as string[][]).length, 4)
  })

  it('past its size limit keeps the first errors and ends with a row counting the others', () => {
    const csv = new RejectsCsv(join(dir, 'b.csv'), 200)
    for (let i = 1; i <= 50; i++) csv.write([{ line: i, column: 'email', reason: 'is required' }])
    const rows = parse(readFileSync(csv.close(), 'utf8')) as string[][]
    assert.equal(csv.count, 50)
    const kept = rows.length - 2
    assert.ok(kept > 3 && kept < 50, `${kept} kept`)
    assert.deepEqual(rows[1], ['1', 'email', 'is required'])
    assert.match(rows.at(-1)?.[2] ?? '', new RegExp(`and ${50 - kept} more errors, left out`))
  })
})
