import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The acceptance scenario of issue 12 on a fresh embedded database, through the real `rapport` command:
// first start prints the owner's credentials, they sign in, every /api route needs credentials, a viewer
// key from the CLI sees masked e-mails and may not write, and the CLI's and the API's writes are audited.
const bin = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'rapport-serve-'))
const env = { ...process.env, RAPPORT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', RAPPORT_ADMIN_EMAIL: '', RAPPORT_ADMIN_PASSWORD: '' }
let server: ChildProcess | undefined
after(() => {
  server?.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function rapport(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', cwd: dir })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Starts `rapport serve` and resolves with its URL and everything it printed up to "ready". */
function serve(): Promise<{ url: string; output: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [bin, 'serve'], { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
  server = proc
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 400_000)
    proc.stderr?.on('data', (c: Buffer) => {
      output += c.toString('utf8')
      const m = /Rapport on (http:\/\/[^\s]+) /.exec(output)
      // Wait for the lines printed after "ready" too (credentials), which come in the same burst.
      if (m?.[1] && (/Demo workspace|password:/.test(output) || /ready in/.test(output))) {
        setTimeout(() => {
          clearTimeout(timer)
          resolve({ url: m[1] as string, output, proc })
        }, 300)
      }
    })
    proc.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
  })
}

async function stop(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r))
  proc.kill('SIGTERM')
  await exited
}

test('first start prints sign-in credentials that work; /api needs credentials; a CLI viewer key sees masked e-mails and may not write; writes are audited', { timeout: 900_000 }, async () => {
  const first = await serve()
  const email = /e-mail:\s+(\S+)/.exec(first.output)?.[1]
  const password = /password:\s+(\S+)/.exec(first.output)?.[1]
  assert.ok(email && password, first.output)
  const url = first.url
  assert.equal((await fetch(`${url}/api/v1/customers?limit=5`)).status, 401)
  assert.equal((await fetch(`${url}/health`)).status, 200)
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  assert.equal(login.status, 200)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string
  const session = (await login.json()) as { workspace: { slug: string }; csrf_token: string }
  assert.equal(session.workspace.slug, 'demo', 'the owner lands in the demo workspace')
  const list = await fetch(`${url}/api/v1/customers?limit=5`, { headers: { cookie } })
  assert.equal(list.status, 200)
  const customers = ((await list.json()) as { data: Array<{ email: string | null }> }).data
  assert.equal(customers.length, 5)
  assert.ok(customers.some((c) => c.email && !c.email.includes('***')), 'the owner sees e-mails in full')
  await stop(first.proc)

  // The embedded database is one process's at a time: the CLI runs while the server is stopped.
  const key = rapport('keys', 'create', '--workspace', 'demo', '--role', 'viewer')
  assert.equal(key.code, 0, key.stderr)
  const viewerKey = key.stdout.trim()
  assert.match(viewerKey, /^rk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{32}$/)
  const ws = rapport('workspaces', 'create', 'second')
  assert.equal(ws.code, 0, ws.stderr)
  const bad = rapport('workspaces', 'create', 'Bad Slug!')
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /2-40 lowercase letters/)

  const second = await serve()
  const auth = { authorization: `Bearer ${viewerKey}` }
  const masked = ((await (await fetch(`${second.url}/api/v1/customers?limit=5`, { headers: auth })).json()) as { data: Array<{ email: string | null }> }).data
  assert.ok(masked.every((c) => c.email === null || /^.\*\*\*@.\*\*\*/.test(c.email)), JSON.stringify(masked.map((c) => c.email)))
  const create = await fetch(`${second.url}/api/v1/customers`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"external_id":"v1"}' })
  assert.equal(create.status, 403)
  assert.match(((await create.json()) as { error: { message: string } }).error.message, /customers:write/)
  const other = await fetch(`${second.url}/api/v1/customers?limit=5`, { headers: { ...auth, 'x-rapport-workspace': 'second' } })
  assert.equal(other.status, 404, 'a key of demo cannot read workspace "second"')

  const login2 = await fetch(`${second.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  const cookie2 = (login2.headers.get('set-cookie') ?? '').split(';')[0] as string
  const csrf = ((await login2.json()) as { csrf_token: string }).csrf_token
  const made = await fetch(`${second.url}/api/v1/customers`, { method: 'POST', headers: { cookie: cookie2, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: '{"external_id":"acc-1","city":"Oslo"}' })
  assert.equal(made.status, 201)
  const audit = (await (await fetch(`${second.url}/api/v1/audit?limit=500`, { headers: { cookie: cookie2 } })).json()) as { data: Array<{ action: string; actor_label: string; entity: string }> }
  const seen = audit.data.map((r) => `${r.actor_label} ${r.action} ${r.entity}`)
  assert.ok(seen.includes(`${email} create customers`), 'the API write is audited with the person')
  assert.ok(seen.includes('cli key_create api_keys'), 'the CLI key creation is audited as cli')
  assert.ok(seen.includes(`${email} login sessions`), 'sign-ins are audited')
  assert.ok(seen.some((s) => s.endsWith('import customers')), 'the demo import is audited')
  await stop(second.proc)
})
