import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { INT2_MAX, INT4_MAX, MONEY_PRECISION, MONEY_SCALE, isoTimestamp, moneyProblem } from './column-ranges.ts'

const sql = readFileSync(new URL('../store/migrations/0001_domain_v1.sql', import.meta.url), 'utf8')

test('every numeric column of the migrations is the numeric(14,2) that money() checks', () => {
  const numerics = [...sql.matchAll(/\bnumeric\((\d+),\s*(\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])])
  assert.ok(numerics.length >= 3)
  for (const [p, s] of numerics) assert.deepEqual([p, s], [MONEY_PRECISION, MONEY_SCALE])
  assert.equal(INT4_MAX, 2 ** 31 - 1)
  assert.equal(INT2_MAX, 2 ** 15 - 1)
})

test('money: finite, below 10^12, two decimals (exact for every cent up to the limit tried)', () => {
  for (const x of [0, 0.01, 0.1, 0.29, 12.5, 999_999_999_999.99, -999_999_999_999.99]) assert.equal(moneyProblem(x), undefined, String(x))
  for (const x of [0.001, 1.005, 0.1 + 0.2, 1e12, -1e12, Number.NaN, Number.POSITIVE_INFINITY]) assert.notEqual(moneyProblem(x), undefined, String(x))
  // Every amount written with two decimals passes, whatever its binary rounding.
  for (let cents = 0; cents < 200_000; cents += 7) assert.equal(moneyProblem(Number((cents / 100).toFixed(2))), undefined, String(cents))
  for (const c of [99_999_999_999_999, 12_345_678_901_234, 10_000_000_000_001]) assert.equal(moneyProblem(Number(`${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`)), undefined, String(c))
})

test('timestamps: years 0001-9999 in UTC, offsets included', () => {
  const ok = (s: string) => isoTimestamp().safeParse(s).success
  assert.equal(ok('0001-01-01T00:00:00Z'), true)
  assert.equal(ok('0001-01-01T01:00:00+01:00'), true)
  assert.equal(ok('0001-01-01T00:59:59+0100'), false)
  assert.equal(ok('9999-12-31T23:59:59Z'), true)
  assert.equal(ok('9999-12-31T22:00:00-01:00'), true)
  assert.equal(ok('9999-12-31T23:00:00-01:00'), false)
  assert.equal(ok('0000-01-01'), false)
  assert.equal(ok('2025-06-01 10:00'), false) // the importer rewrites the space to T before this check
})
