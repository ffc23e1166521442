import { test } from 'node:test'
import assert from 'node:assert/strict'
import { median, quantiles, skewness, standardDeviation, variance } from './summary.ts'
import { pearson, rank, spearman } from './correlation.ts'
import { chiSquareIndependence, welchTTest } from './group-tests.ts'
import { describeColumns } from './describe.ts'

const close = (a: number, b: number, eps: number, what = ''): void =>
  assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`)

// Reference values printed by scipy 1.17 / numpy for the same inputs.
test('summary statistics: quartiles by linear interpolation, sample skewness', () => {
  const v = [1, 2, 3, 10, 4]
  assert.deepEqual(quantiles(v, [0.1, 0.25, 0.9]).map((x) => Math.round(x * 1e12) / 1e12), [1.4, 2, 7.6])
  assert.equal(median(v), 3)
  assert.equal(median([4, 1, 3, 2]), 2.5)
  close(variance(v), 12.5, 1e-14)
  close(standardDeviation(v), Math.sqrt(12.5), 1e-14)
  close(skewness(v), 1.6970562748477143, 1e-12, 'skew')
})

test('Pearson and Spearman with p-values match scipy', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8]
  const p = pearson(x, [2, 1, 4, 3, 7, 8, 6, 5])
  close(p.r, 0.7380952380952379, 1e-12)
  close(p.pValue, 0.036552761052860906, 1e-9, 'pearson p')
  const s = spearman(x, [1, 1, 2, 2, 3, 5, 4, 4])
  close(s.r, 0.909241209316635, 1e-12)
  close(s.pValue, 0.001744075336742695, 1e-9, 'spearman p')
  assert.deepEqual(Array.from(rank([10, 20, 10, 30])), [1.5, 3, 1.5, 4])
})

test('Welch t-test and chi-square independence match scipy', () => {
  const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
  const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
  const w = welchTTest(a, b)
  close(w.t, -2.455356398286006, 1e-12)
  close(w.df, 24.988529290231416, 1e-12)
  close(w.pValue, 0.021378001462866992, 1e-9, 'welch p')
  const c = chiSquareIndependence([[10, 20, 30], [6, 9, 17]])
  close(c.statistic, 0.27157465150403504, 1e-12)
  assert.equal(c.df, 2)
  close(c.pValue, 0.873028283380073, 1e-9, 'chi2 p')
  close((c.expected[0] as number[])[0] as number, 10.43478261, 1e-8)
  // 2×2 with Yates: |O−E| − 0.5; table [[10,0],[0,10]]: E = 5 everywhere, (4.5²/5)·4 = 16.2
  close(chiSquareIndependence([[10, 0], [0, 10]], { yates: true }).statistic, 16.2, 1e-12)
})

test('describe profiles numeric and categorical columns', () => {
  const [num, cat] = describeColumns(
    [
      { name: 'spend', values: ['1', '2', '', '3', '10', 'NA', '4'] },
      { name: 'city', values: ['Paris', 'Berlin', 'Paris', '', 'Rome', 'Paris', 'Berlin'] },
    ],
    { bins: 3, top: 2 },
  )
  assert.equal(num?.kind, 'numeric')
  assert.equal(num?.count, 5)
  assert.equal(num?.missing, 2)
  assert.equal(num?.numeric?.median, 3)
  assert.equal(num?.numeric?.q25, 2)
  // bins [1,4), [4,7), [7,10]: 1,2,3 | 4 | 10
  assert.deepEqual(num?.numeric?.histogram.map((h) => h.count), [3, 1, 1])
  assert.equal(cat?.kind, 'categorical')
  assert.equal(cat?.distinct, 3)
  assert.deepEqual(cat?.top, [{ value: 'Paris', count: 3 }, { value: 'Berlin', count: 2 }])
  assert.equal(cat?.numeric, undefined)
})
