import { test } from 'node:test'
import assert from 'node:assert/strict'
import { catalogueCoverage, rankingMetrics } from './ranking-metrics.ts'

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`)

test('precision, recall, nDCG and MAP at k by hand', () => {
  // user 0: list [1, 2, 3], relevant {1, 3, 9}; k = 3 → hits at ranks 1 and 3.
  // user 1: list [5, 6, 7], relevant {7}; hit at rank 3.
  // user 2: no relevant items → skipped. user 3: relevant but no list → skipped.
  const rec = [[1, 2, 3], [5, 6, 7], [4, 4, 4], undefined]
  const rel = [new Set([1, 3, 9]), new Set([7]), undefined, new Set([1])]
  const m = rankingMetrics(rec, rel, 3)
  assert.equal(m.users, 2)
  close(m.precision, (2 / 3 + 1 / 3) / 2)
  close(m.recall, (2 / 3 + 1) / 2)
  const d0 = (1 / Math.log(2) + 1 / Math.log(4)) / (1 / Math.log(2) + 1 / Math.log(3) + 1 / Math.log(4))
  const d1 = 1 / Math.log(4) / (1 / Math.log(2))
  close(m.ndcg, (d0 + d1) / 2)
  // MAP@k: user 0 (1/1 + 2/3) / min(3, 3); user 1 (1/3) / min(3, 1).
  close(m.map, ((1 + 2 / 3) / 3 + 1 / 3 / 1) / 2)
})

test('precision divides by k even when the list is shorter (Spark / Recommenders convention)', () => {
  const m = rankingMetrics([[1]], [new Set([1])], 10)
  close(m.precision, 0.1)
  close(m.recall, 1)
  close(m.ndcg, 1)
  close(m.map, 1)
})

test('catalogue coverage counts distinct recommended items over training items', () => {
  close(catalogueCoverage([[1, 2], [2, 3], undefined], 10), 0.3)
  assert.equal(catalogueCoverage([], 0), 0)
})
