import { test } from 'node:test'
import assert from 'node:assert/strict'
import { encodeBaskets, basketsFromLong } from './baskets.ts'
import { fpGrowth, minimumCount } from './fp-growth.ts'
import { associationRules } from './association-rules.ts'

// Five baskets, small enough to count by hand.
const five = [
  ['bread', 'milk'],
  ['bread', 'diapers', 'beer', 'eggs'],
  ['milk', 'diapers', 'beer', 'cola'],
  ['bread', 'milk', 'diapers', 'beer'],
  ['bread', 'milk', 'diapers', 'cola'],
]

const named = (b: ReturnType<typeof encodeBaskets>, ids: number[]): string => ids.map((i) => b.names[i]).sort().join('+')

test('FP-growth on five baskets finds exactly the hand-counted itemsets', () => {
  const b = encodeBaskets(five)
  const sets = fpGrowth(b, { minSupport: 0.6 }) // count ≥ 3
  const got = new Map(sets.map((s) => [named(b, s.items), s.count]))
  const expected = new Map([
    ['bread', 4], ['milk', 4], ['diapers', 4], ['beer', 3],
    ['bread+milk', 3], ['bread+diapers', 3], ['diapers+milk', 3], ['beer+diapers', 3],
  ])
  assert.deepEqual(new Map([...got].sort()), new Map([...expected].sort()))
  for (const s of sets) assert.equal(s.support, s.count / 5)
})

test('support threshold is inclusive and maxLength truncates', () => {
  const b = encodeBaskets(five)
  assert.equal(minimumCount(0.4, 5), 2)
  assert.equal(minimumCount(0.001, 9835), 10)
  const all = fpGrowth(b, { minSupport: 0.4 })
  // count ≥ 2: 6 singles (eggs has 1), pairs and triples counted by hand below
  const names = all.map((s) => named(b, s.items)).sort()
  assert.ok(names.includes('beer+diapers+milk')) // baskets 3,4
  assert.ok(names.includes('bread+diapers+milk')) // baskets 4,5
  assert.ok(!names.includes('eggs'))
  assert.equal(all.filter((s) => s.items.length === 1).length, 5)
  const short = fpGrowth(b, { minSupport: 0.4, maxLength: 2 })
  assert.ok(short.every((s) => s.items.length <= 2))
  assert.equal(short.length, all.filter((s) => s.items.length <= 2).length)
})

test('rules carry support, confidence, lift, leverage and conviction', () => {
  const b = encodeBaskets(five)
  const rules = associationRules(fpGrowth(b, { minSupport: 0.6 }), { minConfidence: 0.7 })
  const r = rules.find((x) => named(b, x.lhs) === 'beer' && named(b, x.rhs) === 'diapers')
  assert.ok(r)
  assert.equal(r.confidence, 1)
  assert.ok(Math.abs(r.lift - 1.25) < 1e-12)
  assert.ok(Math.abs(r.leverage - (0.6 - 0.6 * 0.8)) < 1e-12)
  assert.equal(r.conviction, Infinity)
  // diapers ⇒ beer: 3/4 = 0.75, conviction (1 − 0.6)/(1 − 0.75) = 1.6
  const d = rules.find((x) => named(b, x.lhs) === 'diapers' && named(b, x.rhs) === 'beer')
  assert.ok(d && Math.abs(d.conviction - 1.6) < 1e-12)
  // bread ⇒ milk is 3/4 = 0.75; milk ⇒ bread too; diapers ⇒ milk 0.75 … all 8 directions have conf 0.75 or 1
  assert.equal(rules.length, 8)
  assert.ok(rules.every((x) => x.rhs.length === 1 && x.lhs.length >= 1))
})

test('all splits and empty left-hand sides are opt-in', () => {
  const b = encodeBaskets(five)
  const sets = fpGrowth(b, { minSupport: 0.4 })
  const single = associationRules(sets, { minConfidence: 0 })
  const all = associationRules(sets, { minConfidence: 0, allSplits: true })
  const triples = sets.filter((s) => s.items.length === 3).length
  assert.equal(all.length - single.length, triples * 3) // each triple adds its 3 two-item right-hand sides
  const empty = associationRules(sets, { minConfidence: 0.75, includeEmptyLhs: true })
  assert.deepEqual(empty.filter((r) => r.lhs.length === 0).map((r) => named(b, r.rhs)).sort(), ['bread', 'diapers', 'milk'])
})

test('long format groups rows by transaction', () => {
  const b = basketsFromLong(['t1', 't1', 't2', 't1', 't2'], ['a', 'b', 'a', 'a', 'c'])
  assert.deepEqual(Array.from(b.offsets), [0, 2, 4])
  assert.deepEqual(b.names, ['a', 'b', 'c'])
})

test('FP-growth equals brute-force counting on random baskets (deep recursion, pooled trees)', async () => {
  const { createRng } = await import('../random.ts')
  const rng = createRng(21)
  const nItems = 9
  // Skewed item popularity so conditional trees nest several levels deep.
  const rows = Array.from({ length: 60 }, () => {
    const b: string[] = []
    for (let i = 0; i < nItems; i++) if (rng.next() < 0.75 - i * 0.06) b.push(`i${i}`)
    return b
  })
  const b = encodeBaskets(rows)
  for (const minSupport of [0.05, 0.2, 0.5]) {
    const got = new Map(fpGrowth(b, { minSupport }).map((s) => [named(b, s.items), s.count]))
    const want = new Map<string, number>()
    const minCount = minimumCount(minSupport, rows.length)
    for (let mask = 1; mask < 1 << nItems; mask++) {
      const items = Array.from({ length: nItems }, (_, i) => `i${i}`).filter((_, i) => (mask >> i) & 1)
      const count = rows.filter((r) => items.every((it) => r.includes(it))).length
      if (count >= minCount) want.set([...items].sort().join('+'), count)
    }
    assert.deepEqual(new Map([...got].sort()), new Map([...want].sort()), `minSupport ${minSupport}`)
  }
})
