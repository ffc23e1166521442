import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { churnFile, rapport } from './cli-fixture.ts'

test('train classify writes a model and reports permutation importance', () => {
  const { dir, file } = churnFile()
  const out = join(dir, 'model.json')
  const r = rapport(['train', 'classify', '--file', file, '--target', 'churn', '--positive', 'Yes', '--drop', 'id', '--out', out, '--json'])
  assert.equal(r.code, 0, r.stderr)
  assert.ok(existsSync(out))
  const res = JSON.parse(r.stdout) as { importance: Array<{ input: string; aucDrop: number }>; trainingAuc: number }
  // The model envelope (services/models) wraps the serialiser's rapport-classifier JSON as its payload.
  const saved = JSON.parse(readFileSync(out, 'utf8'))
  assert.equal(saved.format, 'rapport.model')
  assert.equal(saved.kind, 'classifier')
  assert.equal(saved.trainedOn.rows, 240)
  assert.equal(saved.payload.format, 'rapport-classifier')
  // tenure is the planted driver: it must rank first.
  assert.equal(res.importance[0]?.input, 'tenure')
  assert.ok(res.trainingAuc > 0.75)
})
