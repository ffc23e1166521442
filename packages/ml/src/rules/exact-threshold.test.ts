import { test } from 'node:test'
import assert from 'node:assert/strict'
import { encodeBaskets } from './baskets.ts'
import { fpGrowth, minimumCount } from './fp-growth.ts'
import { associationRules } from './association-rules.ts'
import { exactFraction, ratioAtLeast } from './exact-threshold.ts'

/** n baskets: `both` hold {x, y}, `xOnly` hold {x}, `yOnly` hold {y}, the rest {z}. */
function baskets(n: number, both: number, xOnly: number, yOnly: number): string[][] {
  const rows: string[][] = []
  for (let i = 0; i < both; i++) rows.push(['x', 'y'])
  for (let i = 0; i < xOnly; i++) rows.push(['x'])
  for (let i = 0; i < yOnly; i++) rows.push(['y'])
  while (rows.length < n) rows.push(['z'])
  return rows
}

const ruleXY = (rows: string[][], minSupport: number, minConfidence: number) => {
  const b = encodeBaskets(rows)
  const rules = associationRules(fpGrowth(b, { minSupport }), { minConfidence })
  return rules.find((r) => r.lhs.map((i) => b.names[i]).join() === 'x' && r.rhs.map((i) => b.names[i]).join() === 'y')
}

test('thresholds are read as the decimal typed', () => {
  assert.deepEqual([exactFraction(0.2).num, exactFraction(0.2).den], [1n, 5n])
  assert.deepEqual([exactFraction(0.001).num, exactFraction(0.001).den], [1n, 1000n])
  assert.deepEqual([exactFraction(1e-7).num, exactFraction(1e-7).den], [1n, 10000000n])
  assert.deepEqual([exactFraction(2.5e-10).num, exactFraction(2.5e-10).den], [1n, 4000000000n])
  assert.deepEqual([exactFraction({ numerator: 2, denominator: 6 }).num, exactFraction({ numerator: 2, denominator: 6 }).den], [1n, 3n])
  assert.throws(() => exactFraction(-0.1), RangeError)
  assert.throws(() => exactFraction(Number.NaN), RangeError)
})

test('a rule at exactly min-confidence 0.2 with counts in the hundreds is kept (102 of 510 baskets)', () => {
  // Float supports drift here: (102/1000) / (510/1000) < 0.2 in binary floating point.
  assert.ok(102 / 1000 / (510 / 1000) < 0.2)
  const rows = baskets(1000, 102, 408, 200)
  const r = ruleXY(rows, 0.05, 0.2)
  assert.ok(r, 'x ⇒ y at confidence exactly 0.2 must be kept')
  assert.equal(r.count, 102)
  assert.equal(r.confidence, 0.2)
  // One basket fewer holding both falls below the threshold.
  assert.equal(ruleXY(baskets(1000, 101, 409, 201), 0.05, 0.2), undefined)
})

test('a rule at exactly min-confidence 0.3 (102 of 340) is kept, 101 of 340 is not', () => {
  assert.ok(102 / 500 / (340 / 500) < 0.3)
  assert.ok(ruleXY(baskets(500, 102, 238, 0), 0.1, 0.3))
  assert.equal(ruleXY(baskets(500, 101, 239, 1), 0.1, 0.3), undefined)
})

test('every exact-threshold confidence with antecedent counts 100–999 passes, one count less fails', () => {
  for (const [t, p, q] of [[0.2, 1, 5], [0.3, 3, 10], [0.7, 7, 10], [0.35, 7, 20], [0.5, 1, 2]] as const) {
    const f = exactFraction(t)
    for (let cx = 100; cx < 1000; cx += q) {
      const c = (cx / q) * p
      assert.ok(ratioAtLeast(c, cx, f), `${c}/${cx} ≥ ${t}`)
      assert.ok(!ratioAtLeast(c - 1, cx, f), `${c - 1}/${cx} < ${t}`)
    }
  }
  // Beyond the fast path: counts above 2^31 go through BigInt.
  assert.ok(ratioAtLeast(3_000_000_000, 15_000_000_000, exactFraction(0.2)))
  assert.ok(!ratioAtLeast(2_999_999_999, 15_000_000_000, exactFraction(0.2)))
})

test('min-support is decided on counts: an itemset in exactly 102 of 1,000 baskets is frequent at 0.102', () => {
  const b = encodeBaskets(baskets(1000, 102, 408, 200))
  const pair = (minSupport: number) => fpGrowth(b, { minSupport }).find((s) => s.items.length === 2)
  assert.equal(pair(0.102)?.count, 102)
  assert.equal(pair(0.1021), undefined)
  assert.equal(minimumCount(0.001, 10_000_000), 10_000)
  assert.equal(minimumCount(1e-7, 30_000_001), 4)
  assert.equal(minimumCount({ numerator: 1, denominator: 3 }, 300), 100)
  assert.equal(minimumCount({ numerator: 1, denominator: 3 }, 301), 101)
  assert.equal(minimumCount(0, 50), 1)
})

test('min-lift is decided on counts: lift exactly 1.25 is kept', () => {
  // x in 400, y in 500, both in 250 of 1,000: lift = 250·1000 / (400·500) = 1.25.
  const b = encodeBaskets(baskets(1000, 250, 150, 250))
  const sets = fpGrowth(b, { minSupport: 0.1 })
  const lifts = (minLift: number) => associationRules(sets, { minConfidence: 0, minLift }).map((r) => r.lift)
  assert.deepEqual(lifts(1.25), [1.25, 1.25])
  assert.deepEqual(lifts(1.2500001), [])
})
