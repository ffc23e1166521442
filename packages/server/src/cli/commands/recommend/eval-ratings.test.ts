import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rapport, ratingsTsv, tempDir } from './cli.test-helper.ts'

test('eval ratings: 3-fold CV on a header-less TSV prints one JSON object', () => {
  const t = tempDir({ 'u.data': ratingsTsv() })
  try {
    const r = rapport(['eval', 'ratings', '--file', t.path('u.data'), '--algo', 'baseline', '--folds', '3', '--json'])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout)
    assert.equal(out.protocol, '3-fold')
    assert.equal(out.folds.length, 3)
    assert.equal(out.users, 12)
    assert.equal(out.items, 10)
    assert.ok(out.rmse > 0 && out.rmse < 2.5 && out.mae <= out.rmse)
    assert.ok(out.fitSeconds >= 0)
    // An explicit --no-header reads the same rows.
    const forced = rapport(['eval', 'ratings', '--file', t.path('u.data'), '--algo', 'baseline', '--folds', '3', '--no-header', '--json'])
    assert.equal(forced.code, 0, forced.stderr)
    assert.equal(JSON.parse(forced.stdout).rmse, out.rmse)
  } finally {
    t.cleanup()
  }
})

test('eval ratings: header detected, --train/--test, --param and seeds', () => {
  const lines = ratingsTsv(true).trim().split('\n')
  const t = tempDir({ 'train.tsv': `${lines.slice(0, 70).join('\n')}\n`, 'test.tsv': `${[lines[0], ...lines.slice(70)].join('\n')}\n` })
  try {
    const args = ['eval', 'ratings', '--train', t.path('train.tsv'), '--test', t.path('test.tsv'), '--algo', 'svd', '--param', 'factors=4', '--param', 'epochs=10', '--json']
    const a = rapport(args)
    assert.equal(a.code, 0, a.stderr)
    const out = JSON.parse(a.stdout)
    assert.equal(out.protocol, 'train/test')
    assert.deepEqual(out.params, { factors: 4, epochs: 10 })
    assert.equal(JSON.parse(rapport(args).stdout).rmse, out.rmse, 'same seed, same result')
    const named = rapport(['eval', 'ratings', '--train', t.path('train.tsv'), '--test', t.path('test.tsv'), '--rating-col', 'rating', '--algo', 'itemknn', '--json'])
    assert.equal(named.code, 0, named.stderr)
  } finally {
    t.cleanup()
  }
})

test('eval ratings: bad input exits 1 naming file, line and column; usage errors exit 2', () => {
  const t = tempDir({ 'bad.tsv': '1\t10\t4\n2\t10\tfive\n', 'ok.tsv': ratingsTsv() })
  try {
    const bad = rapport(['eval', 'ratings', '--file', t.path('bad.tsv'), '--folds', '2'])
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /bad\.tsv:2: c3: "five" is not a number/)
    assert.equal(rapport(['eval', 'ratings', '--file', t.path('ok.tsv'), '--algo', 'nope']).code, 2)
    assert.equal(rapport(['eval', 'ratings', '--file', t.path('ok.tsv'), '--param', 'bogus=1']).code, 2)
    assert.equal(rapport(['eval', 'ratings', '--train', t.path('ok.tsv')]).code, 2)
    assert.equal(rapport(['eval', 'ratings', '--file', t.path('missing.tsv')]).code, 1)
    const help = rapport(['eval', 'ratings', '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /header-less/)
  } finally {
    t.cleanup()
  }
})
