import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * A training run killed with SIGKILL half-way (the embedded database, through the real CLI) leaves the
 * previous active version and its scores as they were; the next run marks the abandoned one failed and
 * succeeds.
 */
const bin = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'rapport-kill-'))
const env = { ...process.env, RAPPORT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }
after(() => rmSync(dir, { recursive: true, force: true }))

function rapport(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', cwd: dir })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

interface Listed {
  versions: Array<{ id: number; version: number; status: string; reason: string | null; scored_rows: number | null }>
}
const list = (): Listed => {
  const r = rapport('models', 'list', '--json')
  assert.equal(r.code, 0, r.stderr)
  return JSON.parse(r.stdout) as Listed
}

test('kill -9 during training keeps the active version and its scores; the next run marks the killed one failed', { timeout: 600_000 }, async () => {
  assert.equal(rapport('demo', '--customers', '2000').code, 0)
  const first = rapport('models', 'train', 'churn', '--json')
  assert.equal(first.code, 0, first.stderr)
  const v1 = JSON.parse(first.stdout) as { versionId: number; status: string; scored: { rows: number } }
  assert.equal(v1.status, 'active')

  // A run made slow on purpose (2,000 boosting rounds), killed while it fits.
  const child = spawn(process.execPath, [bin, 'models', 'train', 'churn', '--set', 'trees=2000'], { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const deadline = Date.now() + 120_000
  while (!/backtest: fitting/.test(stderr) && child.exitCode === null && Date.now() < deadline) await sleep(100)
  await sleep(1000)
  assert.equal(child.exitCode, null, 'the slow run was still going when killed')
  child.kill('SIGKILL')
  await new Promise((r) => child.once('exit', r))

  const afterKill = list().versions
  assert.deepEqual(afterKill.map((v) => v.status), ['training', 'active'], 'the killed run left its row in training; v1 stays active')
  assert.equal(afterKill[1]?.scored_rows, v1.scored.rows)

  const again = rapport('models', 'train', 'churn', '--json')
  assert.equal(again.code, 0, again.stderr)
  const v3 = JSON.parse(again.stdout) as { version: number; status: string }
  assert.equal(v3.version, 3)
  const final = list().versions
  assert.equal(final.find((v) => v.version === 2)?.status, 'failed')
  assert.match(final.find((v) => v.version === 2)?.reason ?? '', /interrupted/)
  assert.ok(final.some((v) => v.status === 'active'), 'one version is active')
})
