import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { churnFile, rapport } from './cli-fixture.ts'

test('predict scores a file with a saved model, explains rows and writes a CSV', () => {
  const { dir, file } = churnFile()
  const model = join(dir, 'model.json')
  assert.equal(rapport(['train', 'classify', '--file', file, '--target', 'churn', '--drop', 'id', '--model', 'gbdt', '--trees', '40', '--out', model]).code, 0)
  const r = rapport(['predict', '--model', model, '--file', file, '--explain', '--top', '2', '--json'])
  assert.equal(r.code, 0, r.stderr)
  const res = JSON.parse(r.stdout) as { rows: number; predictions: Array<{ probability: number; explanation: Array<{ input: string; value: string }> }> }
  assert.equal(res.rows, 240)
  assert.ok(res.predictions.every((p) => p.probability > 0 && p.probability < 1 && p.explanation.length === 2))
  assert.ok(res.predictions[0]?.explanation.every((c) => ['gender', 'tenure', 'plan', 'charges'].includes(c.input)))
  // A file without the target column scores too; the CSV gains probability and explanation columns.
  const noTarget = join(dir, 'new.csv')
  writeFileSync(noTarget, 'id,gender,tenure,plan,charges\nX1,F,1,monthly,70\nX2,M,55,two-year,25\n')
  const csv = join(dir, 'scored.csv')
  assert.equal(rapport(['predict', '--model', model, '--file', noTarget, '--explain', '--out', csv]).code, 0)
  const lines = readFileSync(csv, 'utf8').trim().split('\n')
  assert.equal(lines[0], 'id,gender,tenure,plan,charges,probability,explanation')
  const p1 = Number(lines[1]?.split(',')[5])
  const p2 = Number(lines[2]?.split(',')[5])
  assert.ok(p1 > p2, `new monthly customer ${p1} should outrank a long two-year one ${p2}`)
  // Bad input: a column the model needs is absent → usage error; a malformed model file → input error.
  writeFileSync(join(dir, 'short.csv'), 'id,gender\nA,F\n')
  assert.equal(rapport(['predict', '--model', model, '--file', join(dir, 'short.csv')]).code, 2)
  writeFileSync(join(dir, 'bad.json'), '{"format":"other"}')
  assert.equal(rapport(['predict', '--model', join(dir, 'bad.json'), '--file', noTarget]).code, 1)
})
