/** An Okapi BM25 index over tokenised documents (postings per term). */
export interface Bm25Index {
  k1: number
  b: number
  avgLength: number
  lengths: Float64Array
  postings: Map<string, { docs: Int32Array; tf: Float64Array }>
}

export interface Bm25Hit {
  doc: number
  score: number
}

/** Builds the index in O(total tokens). k1 = 1.2 and b = 0.75 are the usual defaults (Robertson & Zaragoza 2009). */
export function buildBm25(docs: readonly (readonly string[])[], opts: { k1?: number; b?: number } = {}): Bm25Index {
  const lists = new Map<string, { docs: number[]; tf: number[] }>()
  const lengths = new Float64Array(docs.length)
  let total = 0
  docs.forEach((doc, d) => {
    lengths[d] = doc.length
    total += doc.length
    const counts = new Map<string, number>()
    for (const t of doc) counts.set(t, (counts.get(t) ?? 0) + 1)
    for (const [t, c] of counts) {
      let l = lists.get(t)
      if (!l) lists.set(t, (l = { docs: [], tf: [] }))
      l.docs.push(d)
      l.tf.push(c)
    }
  })
  const postings = new Map<string, { docs: Int32Array; tf: Float64Array }>()
  for (const [t, l] of lists) postings.set(t, { docs: Int32Array.from(l.docs), tf: Float64Array.from(l.tf) })
  return { k1: opts.k1 ?? 1.2, b: opts.b ?? 0.75, avgLength: docs.length > 0 ? total / docs.length : 0, lengths, postings }
}

/**
 * Okapi BM25 scores of a tokenised query: Σ_t idf(t) · tf (k1 + 1) / (tf + k1 (1 − b + b · len / avgLen)),
 * with Lucene's non-negative idf = ln(1 + (N − df + 0.5) / (df + 0.5)). Returns the top hits with score > 0,
 * best first (ties by document order). O(postings of the query terms + N log k).
 */
export function searchBm25(index: Bm25Index, query: readonly string[], top = 5): Bm25Hit[] {
  const N = index.lengths.length
  const scores = new Float64Array(N)
  const seen = new Set<string>()
  for (const t of query) {
    if (seen.has(t)) continue
    seen.add(t)
    const post = index.postings.get(t)
    if (!post) continue
    const df = post.docs.length
    const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5))
    for (let p = 0; p < df; p++) {
      const d = post.docs[p]!
      const tf = post.tf[p]!
      const norm = index.k1 * (1 - index.b + (index.b * index.lengths[d]!) / (index.avgLength || 1))
      scores[d]! += (idf * tf * (index.k1 + 1)) / (tf + norm)
    }
  }
  const hits: Bm25Hit[] = []
  for (let d = 0; d < N; d++) if (scores[d]! > 0) hits.push({ doc: d, score: scores[d]! })
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc)
  return hits.slice(0, top)
}
