import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

test('a database that fails before any row is written stops the parse worker too, so the process exits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-if-'))
  const file = join(dir, 'c.csv')
  writeFileSync(file, 'external_id,name\nx1,Ann\n')
  // In a child process, because what is checked is that the process ends: a worker left waiting for the
  // main thread would keep it alive. The timeout only turns such a hang into a failure.
  const script = join(dir, 'run.mts')
  writeFileSync(
    script,
    `import { importFile } from ${JSON.stringify(new URL('./import-file.ts', import.meta.url).href)}
import { systemActor } from ${JSON.stringify(new URL('../../domain/actor.ts', import.meta.url).href)}
const broken = { kind: 'postgres', transaction: async () => { throw new Error('connection refused') } }
await importFile(broken as never, ${JSON.stringify(file)}, { entity: 'customers', actor: systemActor(1), parseInWorker: true })
  .catch((e: Error) => console.log('rejected: ' + e.message))
`,
  )
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000, cwd: process.cwd() })
  assert.equal(run.signal, null, 'the process had to be killed: something kept it alive')
  assert.equal(run.status, 0, run.stderr)
  assert.match(run.stdout, /rejected: connection refused/)
})
