import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runCli, tempFiles } from './run-cli.test-helper.ts'

test('analyze describe --json profiles each column', (t) => {
  const f = tempFiles({ 'c.csv': 'city,spend\nParis,1\nBerlin,2\nParis,\nRome,10\n' })
  t.after(f.cleanup)
  const r = runCli(['analyze', 'describe', '--file', f.path('c.csv'), '--json'])
  assert.equal(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout)
  assert.equal(out.rows, 4)
  assert.equal(out.columns[0].kind, 'categorical')
  assert.deepEqual(out.columns[0].top[0], { value: 'Paris', count: 2 })
  assert.equal(out.columns[1].missing, 1)
  assert.equal(out.columns[1].numeric.median, 2)
  const bad = runCli(['analyze', 'describe', '--file', f.path('c.csv'), '--columns', 'nope'])
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /no column "nope"/)
})
