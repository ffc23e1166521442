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

test('importing into an unknown workspace is an error that creates nothing; slugs are validated', () => {
  const r = rapport('import', 'customers', good, '--workspace', 'ghost-ws')
  assert.equal(r.code, 1, r.stderr)
  assert.match(r.stderr, /unknown workspace "ghost-ws": create it first with "rapport workspaces create ghost-ws"/)
  const list = rapport('workspaces', 'list', '--json')
  assert.equal(list.code, 0, list.stderr)
  const slugs = (JSON.parse(list.stdout) as { workspaces: Array<{ slug: string }> }).workspaces.map((w) => w.slug)
  assert.ok(!slugs.includes('ghost-ws'), slugs.join(', '))
  for (const slug of ['Ghost', 'a', 'x\u0007y', 'has space', `a${'b'.repeat(40)}`]) {
    const made = rapport('workspaces', 'create', slug)
    assert.equal(made.code, 1, `${JSON.stringify(slug)}: ${made.stderr}`)
  }
  assert.equal(rapport('workspaces', 'create', 'ghost-ws').code, 0)
  assert.equal(rapport('import', 'customers', good, '--workspace', 'ghost-ws').code, 0)
})

test('users and keys from the CLI: create, list, set-role, reset-password, revoke; the audit names the cli', () => {
  const made = rapport('users', 'create', '--email', 'ops@example.com', '--role', 'analyst', '--json')
  assert.equal(made.code, 0, made.stderr)
  const created = JSON.parse(made.stdout) as { user: { role: string }; password?: string }
  assert.equal(created.user.role, 'analyst')
  assert.match(String(created.password), /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/)
  assert.equal(rapport('users', 'set-role', '--email', 'ops@example.com', '--role', 'marketer').code, 0)
  const users = JSON.parse(rapport('users', 'list', '--json').stdout) as { users: Array<{ email: string; role: string }> }
  assert.equal(users.users.find((u) => u.email === 'ops@example.com')?.role, 'marketer')
  assert.equal(rapport('users', 'set-role', '--email', 'ops@example.com', '--role', 'boss').code, 1)
  const reset = rapport('users', 'reset-password', '--email', 'ops@example.com')
  assert.equal(reset.code, 0, reset.stderr)
  assert.match(reset.stderr, /new password for ops@example.com \(shown once\): \S+/)
  const key = rapport('keys', 'create', '--role', 'viewer', '--name', 'dashboard')
  assert.equal(key.code, 0, key.stderr)
  const prefix = /^rk_([A-Za-z0-9]{8})_/.exec(key.stdout.trim())?.[1]
  assert.ok(prefix, key.stdout)
  assert.equal(rapport('keys', 'revoke', prefix).code, 0)
  const keys = JSON.parse(rapport('keys', 'list', '--json').stdout) as { keys: Array<{ prefix: string; revoked_at: string | null }> }
  assert.ok(keys.keys.find((k) => k.prefix === prefix)?.revoked_at)
  assert.equal(rapport('keys', 'create', '--role', 'nobody').code, 2)
})
