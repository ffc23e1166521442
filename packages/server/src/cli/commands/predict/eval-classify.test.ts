import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { churnFile, rapport } from './cli-fixture.ts'

test('eval classify --json: metrics, cost and fairness on a generated churn file', () => {
  const { file } = churnFile()
  const r = rapport(['eval', 'classify', '--file', file, '--target', 'churn', '--positive', 'Yes', '--drop', 'id', '--model', 'gbdt', '--trees', '30', '--folds', '3', '--cost-fp', '1', '--cost-fn', '5', '--sensitive', 'gender', '--exclude-sensitive', '--json'])
  assert.equal(r.code, 0, r.stderr)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, read field by field below
  const out = JSON.parse(r.stdout) as Record<string, any>
  for (const k of ['auc', 'prAuc', 'logloss', 'accuracy', 'f1', 'fitSeconds']) assert.equal(typeof out[k], 'number', k)
  assert.ok(out.auc > 0.7, `auc ${out.auc}`)
  assert.equal(out.foldAuc.length, 3)
  assert.ok(Math.abs(out.cost.threshold - 1 / 6) < 1e-12)
  assert.deepEqual(out.fairness.groups.map((g: { group: string }) => g.group), ['F', 'M'])
  assert.equal(out.lift.length, 10)
})

test('eval classify: every model family runs; usage and input errors exit 2 and 1', () => {
  const { dir, file } = churnFile(120)
  for (const model of ['logistic', 'tree', 'blend']) {
    const r = rapport(['eval', 'classify', '--file', file, '--target', 'churn', '--model', model, '--trees', '10', '--folds', '3', '--json'])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(typeof JSON.parse(r.stdout).auc, 'number')
  }
  assert.equal(rapport(['eval', 'classify', '--file', file, '--target', 'nope']).code, 2)
  assert.equal(rapport(['eval', 'classify', '--file', file, '--target', 'churn', '--model', 'svm']).code, 2)
  assert.equal(rapport(['eval', 'classify', '--file', file, '--target', 'churn', '--cost-fp', '1']).code, 2)
  const multi = join(dir, 'multi.csv')
  writeFileSync(multi, 'x,y\n1,a\n2,b\n3,c\n4,a\n')
  const bad = rapport(['eval', 'classify', '--file', multi, '--target', 'y'])
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /multi\.csv: y: 3 distinct values/)
})
