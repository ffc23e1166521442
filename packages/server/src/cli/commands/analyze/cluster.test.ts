import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runCli, tempFiles } from './run-cli.test-helper.ts'

const rows = ['x,y,name']
for (const [cx, cy] of [[0, 0], [10, 0], [0, 10]] as const) {
  for (let i = 0; i < 6; i++) rows.push(`${cx + (i % 3) * 0.2},${cy + Math.floor(i / 3) * 0.2},p${rows.length}`)
}

test('analyze cluster: automatic k finds three groups; dbscan agrees; bad k is a usage error', (t) => {
  const f = tempFiles({ 'p.csv': rows.join('\n') })
  t.after(f.cleanup)
  const r = runCli(['analyze', 'cluster', '--file', f.path('p.csv'), '--features', 'x,y', '--k', 'auto', '--max-k', '5', '--seed', '3', '--json'])
  assert.equal(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout)
  assert.equal(out.k, 3)
  assert.ok(out.silhouette > 0.9)
  assert.deepEqual(out.profiles.map((p: { size: number }) => p.size), [6, 6, 6])
  const d = runCli(['analyze', 'cluster', '--file', f.path('p.csv'), '--features', 'x,y', '--algo', 'dbscan', '--eps', '0.3', '--min-points', '3', '--json'])
  assert.equal(d.code, 0, d.stderr)
  const dout = JSON.parse(d.stdout)
  assert.equal(dout.k, 3)
  assert.equal(dout.noise, 0)
  assert.equal(runCli(['analyze', 'cluster', '--file', f.path('p.csv'), '--features', 'x,y', '--k', 'two']).code, 2)
  const nonNumeric = runCli(['analyze', 'cluster', '--file', f.path('p.csv'), '--features', 'x,name'])
  assert.equal(nonNumeric.code, 1)
  assert.match(nonNumeric.stderr, /p\.csv:2: name: "p1" is not a number/)
})
