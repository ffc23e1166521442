import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rapport } from './cli-fixture.ts'

test('risk anomalies flags a planted outlier first and writes scores', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-anom-'))
  const lines = ['account,amount,items,channel']
  for (let i = 0; i < 300; i++) lines.push(`A${i},${(50 + ((i * 37) % 40)).toFixed(2)},${1 + (i % 4)},${i % 2 ? 'web' : 'store'}`)
  lines.push('A999,25000.00,90,web')
  const file = join(dir, 'tx.csv')
  writeFileSync(file, `${lines.join('\n')}\n`)
  const out = join(dir, 'scored.csv')
  const r = rapport(['risk', 'anomalies', '--file', file, '--features', 'amount,items', '--contamination', '0.01', '--out', out, '--json'])
  assert.equal(r.code, 0, r.stderr)
  const res = JSON.parse(r.stdout) as { flagged: number; top: Array<{ line: number; score: number; flagged: boolean }> }
  assert.equal(res.flagged, 3)
  assert.equal(res.top[0]?.line, 302)
  assert.ok((res.top[0]?.score ?? 0) > 0.7 && (res.top[0]?.score ?? 2) <= 1)
  const csv = readFileSync(out, 'utf8').trim().split('\n')
  assert.equal(csv[0], 'account,amount,items,channel,anomaly_score,anomaly_flag')
  assert.ok(csv[301]?.endsWith(',1'))
  assert.equal(rapport(['risk', 'anomalies', '--file', file, '--contamination', '2']).code, 2)
})
