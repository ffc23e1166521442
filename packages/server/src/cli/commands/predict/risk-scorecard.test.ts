import { test } from 'node:test'
import assert from 'node:assert/strict'
import { churnFile, rapport } from './cli-fixture.ts'

test('risk scorecard --json: bins with WoE and points, IV, bands, CV AUC', () => {
  const { file } = churnFile(400)
  const r = rapport(['risk', 'scorecard', '--file', file, '--target', 'churn', '--positive', 'Yes', '--drop', 'id', '--folds', '3', '--json'])
  assert.equal(r.code, 0, r.stderr)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, read field by field below
  const out = JSON.parse(r.stdout) as Record<string, any>
  const tenure = out.variables.find((v: { name: string }) => v.name === 'tenure')
  assert.ok(tenure && tenure.iv > 0.1)
  assert.ok(tenure.bins.length >= 2 && tenure.bins.every((b: Record<string, unknown>) => typeof b.woe === 'number' && typeof b.points === 'number'))
  assert.ok(out.cvAuc > 0.7, `cv auc ${out.cvAuc}`)
  assert.deepEqual(out.bands.outOfFold.map((b: { band: string }) => b.band), ['low', 'medium', 'high'])
  assert.equal(rapport(['risk', 'scorecard', '--file', file, '--target', 'churn', '--positive', 'Maybe']).code, 2)
})
