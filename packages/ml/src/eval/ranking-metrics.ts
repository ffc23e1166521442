/**
 * Top-k ranking metrics with Microsoft Recommenders' definitions (recommenders.evaluation.python_evaluation):
 * averages run over the users that have both a recommendation list and at least one relevant (test) item;
 * relevance is binary.
 * - precision@k = hits in the top k / k (so a list shorter than k cannot reach 1, as in Spark);
 * - recall@k = hits / number of relevant items;
 * - nDCG@k = Σ_{hits} 1/log(1 + rank) / Σ_{r=1..min(k, relevant)} 1/log(1 + r);
 * - MAP@k = Σ_{hits} (hits so far / rank) / min(k, relevant).
 * Cost O(Σ_u (k + |relevant_u|)).
 */
export interface RankingMetrics {
  k: number
  users: number
  precision: number
  recall: number
  ndcg: number
  map: number
}

/**
 * `recommended[u]` is user u's ranked list (best first, at least its first k are used); `relevant[u]` the
 * set of u's test items. Users missing from either side are skipped.
 */
export function rankingMetrics(
  recommended: ReadonlyArray<ArrayLike<number> | undefined>,
  relevant: ReadonlyArray<ReadonlySet<number> | undefined>,
  k: number,
): RankingMetrics {
  if (!Number.isInteger(k) || k < 1) throw new Error(`rankingMetrics: k must be a positive integer, got ${k}`)
  let users = 0
  let precision = 0
  let recall = 0
  let ndcg = 0
  let map = 0
  const n = Math.max(recommended.length, relevant.length)
  for (let u = 0; u < n; u++) {
    const rec = recommended[u]
    const rel = relevant[u]
    if (!rec || !rel || rel.size === 0 || rec.length === 0) continue
    users++
    let hits = 0
    let dcg = 0
    let ap = 0
    const top = Math.min(k, rec.length)
    for (let r = 0; r < top; r++) {
      if (!rel.has(rec[r] as number)) continue
      hits++
      dcg += 1 / Math.log(r + 2)
      ap += hits / (r + 1)
    }
    let idcg = 0
    const ideal = Math.min(k, rel.size)
    for (let r = 0; r < ideal; r++) idcg += 1 / Math.log(r + 2)
    precision += hits / k
    recall += hits / rel.size
    ndcg += dcg / idcg
    map += ap / ideal
  }
  if (users === 0) return { k, users, precision: 0, recall: 0, ndcg: 0, map: 0 }
  return { k, users, precision: precision / users, recall: recall / users, ndcg: ndcg / users, map: map / users }
}

/**
 * Catalogue coverage (Microsoft Recommenders' `catalog_coverage`): distinct items recommended to anyone /
 * distinct items in the training data. O(total list length).
 */
export function catalogueCoverage(recommended: ReadonlyArray<ArrayLike<number> | undefined>, trainItems: number): number {
  if (trainItems <= 0) return 0
  const seen = new Set<number>()
  for (const rec of recommended) if (rec) for (let r = 0; r < rec.length; r++) seen.add(rec[r] as number)
  return seen.size / trainItems
}
