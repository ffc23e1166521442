// Correctness targets of the customer-analytics issue on the shared public data; each test skips cleanly
// when its file is absent. Speed is measured by `npm run bench -- analytics`, not asserted here.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { associationRules, buildCalibrationHoldout, fitBgNbd, fitGammaGamma, fitParetoNbd, fpGrowth } from '@rapport/ml'
import { dataFile } from './lib/report.ts'
import { readTable } from '../packages/server/src/io/read-table.ts'
import { loadTransactions } from '../packages/server/src/features/transactions.ts'
import { readBasketLines } from '../packages/server/src/features/baskets.ts'

const groceries = dataFile('groceries', 'groceries.csv')
const cdnow = dataFile('cdnow', 'CDNOW_sample.txt')

const within = (got: number, want: number, rel: number, what: string): void =>
  assert.ok(Math.abs(got / want - 1) <= rel, `${what}: ${got} vs ${want} (more than ${rel * 100}% off)`)

test('Groceries at support 0.001 / confidence 0.5: 13,492 itemsets and 5,668 rules', { skip: groceries ? false : 'shared data absent' }, async () => {
  // Read as `rapport analyze rules` reads a basket file.
  const baskets = await readBasketLines(groceries as string, {})
  assert.equal(baskets.offsets.length - 1, 9835)
  assert.equal(baskets.names.length, 169)
  const itemsets = fpGrowth(baskets, { minSupport: 0.001 })
  assert.equal(itemsets.length, 13492)
  const rules = associationRules(itemsets, { minConfidence: 0.5 })
  assert.equal(rules.length, 5668)
  // arules' minlen = 1 convention adds {} ⇒ {y} only for items with support ≥ 0.5; Groceries has none.
  assert.equal(associationRules(itemsets, { minConfidence: 0.5, includeEmptyLhs: true }).length, 5668)
  // The best rule by lift, as arules' inspect(sort(rules, by = "lift")) lists it.
  const best = rules.reduce((a, b) => (b.lift > a.lift ? b : a))
  assert.deepEqual(best.lhs.map((i) => baskets.names[i]).sort(), ['Instant food products', 'soda'])
  assert.deepEqual(best.rhs.map((i) => baskets.names[i]), ['hamburger meat'])
  assert.ok(Math.abs(best.lift - 18.995654) < 1e-5)
})

test('CDNOW sample, 39-week calibration: BG/NBD, Pareto/NBD and Gamma-Gamma match Fader–Hardie', { skip: cdnow ? false : 'shared data absent' }, async () => {
  const table = await readTable(cdnow as string, { sep: 'whitespace', header: false })
  const tx = loadTransactions(table, { customerCol: 'c1', dateCol: 'c3', amountCol: 'c5' })
  const split = buildCalibrationHoldout(tx, { calibrationEnd: Date.UTC(1997, 8, 30) / 86_400_000, unitDays: 7 })
  const cal = split.calibration
  assert.equal(cal.frequency.length, 2357)
  assert.equal(split.holdoutLength, 39)
  const bg = fitBgNbd(cal)
  within(bg.params.r, 0.243, 0.01, 'r')
  within(bg.params.alpha, 4.414, 0.01, 'alpha')
  within(bg.params.a, 0.793, 0.01, 'a')
  within(bg.params.b, 2.426, 0.01, 'b')
  assert.ok(Math.abs(bg.logLikelihood - -9582.4) <= 0.5, `BG/NBD LL ${bg.logLikelihood}`)
  const pn = fitParetoNbd(cal)
  assert.ok(Math.abs(pn.logLikelihood - -9595.0) <= 0.5, `Pareto/NBD LL ${pn.logLikelihood}`)
  const gg = fitGammaGamma(cal.frequency, cal.monetary)
  assert.equal(cal.frequency.filter((x) => x > 0).length, 946)
  within(gg.params.p, 6.25, 0.01, 'p')
  within(gg.params.q, 3.74, 0.01, 'q')
  within(gg.params.gamma, 15.44, 0.01, 'gamma')
})
