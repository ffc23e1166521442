import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The acceptance scenario of the import command, run through the real CLI on an embedded database.
const bin = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'))
const env = { ...process.env, RAPPORT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }
after(() => rmSync(dir, { recursive: true, force: true }))

function rapport(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', cwd: dir })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const header = 'external_id,name,email,city'
const rows = [
  'c1,Ann,ann@example.com,London',
  'c2,Bob,not-an-email,Paris', // line 3
  'c3,Cai,cai@example.com,上海',
  'c4,Dee,dee@example.com,Rome',
  'c5,Eve,eve@example.com,Oslo',
  ',Fay,fay@example.com,Oslo', // line 7
  'c7,Gus,gus@example.com,Lima',
]
const bad = join(dir, 'customers.csv')
writeFileSync(bad, `${[header, ...rows].join('\n')}\n`)
const good = join(dir, 'good.csv')
writeFileSync(good, `${[header, rows[0], rows[2], rows[3]].join('\n')}\n`)

function customerCount(): number {
  const r = rapport('export', 'customers', '--format', 'jsonl')
  assert.equal(r.code, 0, r.stderr)
  return r.stdout.split('\n').filter(Boolean).length
}

test('bad rows: exit 1, each reported as file:line: column: reason, nothing written', () => {
  const r = rapport('import', 'customers', bad)
  assert.equal(r.code, 1)
  assert.match(r.stderr, new RegExp(`${bad}:3: email: Invalid email address`))
  assert.match(r.stderr, new RegExp(`${bad}:7: external_id: is required`))
  assert.match(r.stderr, /nothing was written/)
  assert.equal(customerCount(), 0)
})

test('--skip-invalid imports the rest and writes the rejects file', () => {
  const r = rapport('import', 'customers', bad, '--skip-invalid', '--json')
  assert.equal(r.code, 0, r.stderr)
  const summary = JSON.parse(r.stdout) as { inserted: number; rejected: number; rejectsFile: string }
  assert.equal(summary.inserted, 5)
  assert.equal(summary.rejected, 2)
  assert.ok(existsSync(`${bad}.rejects.csv`))
  const rejects = readFileSync(`${bad}.rejects.csv`, 'utf8')
  assert.match(rejects, /^_line,_errors,external_id,name,email,city\n3,email: Invalid email address,c2,/)
  assert.equal(customerCount(), 5)
})

test('importing a good file twice leaves identical counts', () => {
  const first = rapport('import', 'customers', good, '--json')
  assert.equal(first.code, 0, first.stderr)
  const n1 = customerCount()
  const second = rapport('import', 'customers', good, '--json')
  assert.equal(second.code, 0, second.stderr)
  const s = JSON.parse(second.stdout) as { written: number; unchanged: number }
  assert.equal(s.written, 0)
  assert.equal(s.unchanged, 3)
  assert.equal(customerCount(), n1)
})

test('usage errors exit 2', () => {
  assert.equal(rapport('import', 'widgets', good).code, 2)
  assert.equal(rapport('export', 'customers', '--format', 'xml').code, 2)
})
