import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rapport, ratingsTsv, tempDir } from './cli.test-helper.ts'

test('eval topn: every algorithm prints the metrics as one JSON object', () => {
  const t = tempDir({ 'u.data': ratingsTsv() })
  try {
    for (const algo of ['pop', 'itemknn', 'als', 'ease']) {
      const r = rapport(['eval', 'topn', '--file', t.path('u.data'), '--algo', algo, '--k', '3', '--stratify', 'user', '--json'])
      assert.equal(r.code, 0, `${algo}: ${r.stderr}`)
      const out = JSON.parse(r.stdout)
      assert.equal(out.k, 3)
      assert.equal(out.users, 12)
      for (const key of ['ndcg', 'precision', 'recall', 'map', 'coverage']) assert.ok(out[key] >= 0 && out[key] <= 1, `${algo} ${key}`)
      // 12 users with 8 items each → 6 train and 2 test per user under the 75/25 per-user split.
      assert.equal(out.testInteractions, 24)
    }
  } finally {
    t.cleanup()
  }
})

test('eval topn: two-column file with a header, item stratification, params and usage errors', () => {
  const rows = ratingsTsv().trim().split('\n').map((l) => l.split('\t').slice(0, 2).join(','))
  const t = tempDir({ 'buys.csv': `customer,product\n${rows.join('\n')}\n` })
  try {
    const r = rapport(['eval', 'topn', '--file', t.path('buys.csv'), '--algo', 'ease', '--param', 'lambda=5', '--stratify', 'item', '--json'])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout)
    assert.match(out.protocol, /stratified by item/)
    assert.equal(out.trainInteractions + out.testInteractions, 96)
    assert.equal(rapport(['eval', 'topn', '--file', t.path('buys.csv'), '--stratify', 'week']).code, 2)
    assert.equal(rapport(['eval', 'topn', '--file', t.path('buys.csv'), '--k', '0']).code, 2)
  } finally {
    t.cleanup()
  }
})

test('eval topn: the default split is stratified by item, as design.md specifies', () => {
  const t = tempDir({ 'u.data': ratingsTsv() })
  try {
    const r = rapport(['eval', 'topn', '--file', t.path('u.data'), '--algo', 'pop', '--json'])
    assert.equal(r.code, 0, r.stderr)
    assert.match(JSON.parse(r.stdout).protocol, /stratified by item/)
  } finally {
    t.cleanup()
  }
})
