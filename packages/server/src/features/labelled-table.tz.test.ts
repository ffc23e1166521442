import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const loader = fileURLToPath(new URL('./labelled-table.ts', import.meta.url))

/** Loads `file` through the features loader in a child process with the given TZ and returns its frame as JSON. */
function featuresUnder(tz: string, file: string): { schema: unknown; columns: Array<{ name: string; kind: string; values?: number[] }> } {
  const script = `
    const { readLabelled } = await import(${JSON.stringify(loader)})
    const d = await readLabelled(${JSON.stringify(file)}, {}, 'churn', 'yes', ['id'])
    const columns = d.frame.columns.map((c) => ({ name: c.name, kind: c.kind, ...('values' in c ? { values: Array.from(c.values) } : { codes: Array.from(c.codes) }) }))
    process.stdout.write(JSON.stringify({ schema: d.schema, columns }))`
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: tz } })
  assert.equal(r.status, 0, r.stderr)
  return JSON.parse(r.stdout)
}

test('the same CSV gives identical features under TZ=Asia/Shanghai and TZ=UTC; naive times are read as UTC', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-tz-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'customers.csv')
  const lines = ['id,signup,last_seen,plan,churn']
  for (let i = 0; i < 12; i++) {
    const day = String(1 + i).padStart(2, '0')
    lines.push(`c${i},2024-03-${day} 23:30,2024-06-${day}T08:15:00,${i % 2 ? 'a' : 'b'},${i % 3 ? 'no' : 'yes'}`)
  }
  writeFileSync(file, `${lines.join('\n')}\n`)
  const shanghai = featuresUnder('Asia/Shanghai', file)
  const utc = featuresUnder('UTC', file)
  assert.deepEqual(shanghai, utc)
  const signup = utc.columns.find((c) => c.name === 'signup')
  assert.equal(signup?.kind, 'date')
  // 23:30 stays on its own calendar day in UTC (in Shanghai's local time it would be 15:30 UTC, a different fraction).
  assert.equal(signup?.values?.[0], (Date.UTC(2024, 2, 1, 23, 30)) / 86_400_000)
  assert.equal(utc.columns.find((c) => c.name === 'last_seen')?.values?.[0], Date.UTC(2024, 5, 1, 8, 15) / 86_400_000)
})
