import { rankingMetrics, topK } from '@rapport/ml'
import { buyerCounts, type History } from './recommend-history.ts'
import type { Ranked, RecommendationSource } from './recommend-ranker.ts'

const K = 10

/**
 * Top-10 quality on the time split: for every customer with training history and a test purchase of a
 * product not bought before, the ranker's list (bought products excluded) against the products bought in
 * the test period; the same for popularity (distinct training buyers, bought products excluded). nDCG@10
 * and recall@10 with Microsoft Recommenders' definitions (ml rankingMetrics), also split by the list's source.
 */
export function recommendBacktest(train: History, test: ReadonlyArray<Set<number> | undefined>, customerIds: readonly number[], rank: (u: number, customerId: number, k: number) => Ranked) {
  const popular = buyerCounts(train)
  const lists: Array<Int32Array | undefined> = []
  const baseline: Array<Int32Array | undefined> = []
  const bySource = new Map<RecommendationSource, Array<Int32Array | undefined>>()
  const scores = new Float64Array(train.nItems)
  for (let u = 0; u < train.nUsers; u++) {
    if (!test[u] || (train.indptr[u + 1] as number) === (train.indptr[u] as number)) continue
    const r = rank(u, customerIds[u] as number, K)
    lists[u] = r.items
    const src = r.sources[0] ?? 'popular'
    let perSource = bySource.get(src)
    if (!perSource) bySource.set(src, (perSource = []))
    perSource[u] = r.items
    scores.set(popular)
    for (let k = train.indptr[u] as number; k < (train.indptr[u + 1] as number); k++) if (train.bought[k]) scores[train.items[k] as number] = Number.NaN
    baseline[u] = topK(scores, K)
  }
  const m = rankingMetrics(lists, test, K)
  const b = rankingMetrics(baseline, test, K)
  const sources = Object.fromEntries([...bySource].map(([s, l]) => {
    const x = rankingMetrics(l, test, K)
    const y = rankingMetrics(l.map((v, u) => (v ? baseline[u] : undefined)), test, K)
    return [s, { customers: x.users, ndcg_at_10: x.ndcg, recall_at_10: x.recall, baseline_ndcg_at_10: y.ndcg, baseline_recall_at_10: y.recall }]
  }))
  return {
    metrics: { ndcg_at_10: m.ndcg, recall_at_10: m.recall, precision_at_10: m.precision, baseline_ndcg_at_10: b.ndcg, baseline_recall_at_10: b.recall, baseline_precision_at_10: b.precision, test_customers: m.users },
    bySource: sources,
  }
}
