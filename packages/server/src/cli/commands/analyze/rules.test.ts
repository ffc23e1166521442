import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runCli, tempFiles } from './run-cli.test-helper.ts'

test('analyze rules on baskets and on long format give the same counts', (t) => {
  const baskets = ['bread,milk', 'bread,diapers,beer,eggs', 'milk,diapers,beer,cola', 'bread,milk,diapers,beer', 'bread,milk,diapers,cola']
  const long = ['tx,item', ...baskets.flatMap((b, i) => b.split(',').map((it) => `t${i},${it}`))]
  const f = tempFiles({ 'b.csv': baskets.join('\n'), 'l.csv': long.join('\n') })
  t.after(f.cleanup)
  const r = runCli(['analyze', 'rules', '--file', f.path('b.csv'), '--min-support', '0.6', '--min-confidence', '0.7', '--top', '2', '--json'])
  assert.equal(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout)
  assert.equal(out.baskets, 5)
  assert.equal(out.itemsets, 8)
  assert.equal(out.rules, 8)
  assert.equal(out.topRules.length, 2)
  assert.equal(out.topRules[0].lift, 1.25)
  assert.equal(typeof out.seconds.total, 'number')
  const l = runCli(['analyze', 'rules', '--file', f.path('l.csv'), '--format', 'long', '--tx-col', 'tx', '--item-col', 'item', '--min-support', '0.6', '--min-confidence', '0.7', '--json'])
  assert.equal(l.code, 0, l.stderr)
  assert.equal(JSON.parse(l.stdout).rules, 8)
  assert.equal(runCli(['analyze', 'rules', '--file', f.path('l.csv'), '--format', 'long', '--min-support', '0.5', '--min-confidence', '0.5']).code, 2)
  assert.equal(runCli(['analyze', 'rules', '--file', f.path('b.csv'), '--min-support', 'lots', '--min-confidence', '0.5']).code, 2)
})
