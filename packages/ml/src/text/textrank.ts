import { joinPhrase, rankTop, type Keyword } from './keywords.ts'
import { isKeywordCandidate } from './stopwords.ts'

export interface TextRankOptions {
  /** Co-occurrence window over candidate words. Default 4. */
  window?: number
  /** PageRank damping. Default 0.85. */
  damping?: number
  /** Number of keywords. Default 10. */
  top?: number
}

/**
 * TextRank keywords (Mihalcea & Tarau 2004): candidate words are vertices, an undirected edge links words
 * co-occurring within `window` candidates of one document; weighted PageRank ranks the vertices, and adjacent
 * top-ranked words are merged into phrases scored by the sum of their ranks. Several documents (a group) are
 * one graph without edges across documents. O(tokens · window + iterations · edges).
 */
export function textRankKeywords(tokenDocs: readonly (readonly string[])[], opts: TextRankOptions = {}): Keyword[] {
  const window = opts.window ?? 4
  const d = opts.damping ?? 0.85
  const top = opts.top ?? 10
  const id = new Map<string, number>()
  const words: string[] = []
  const edges = new Map<number, Map<number, number>>()
  const link = (a: number, b: number): void => {
    let m = edges.get(a)
    if (!m) edges.set(a, (m = new Map()))
    m.set(b, (m.get(b) ?? 0) + 1)
  }
  const seqs: Array<Array<number | -1>> = []
  for (const toks of tokenDocs) {
    const seq: Array<number | -1> = toks.map((t) => {
      if (!isKeywordCandidate(t)) return -1
      let v = id.get(t)
      if (v === undefined) {
        id.set(t, (v = words.length))
        words.push(t)
      }
      return v
    })
    seqs.push(seq)
    const cand = seq.filter((v) => v >= 0)
    for (let i = 0; i < cand.length; i++) {
      for (let j = i + 1; j < Math.min(cand.length, i + window); j++) {
        if (cand[i] === cand[j]) continue
        link(cand[i]!, cand[j]!)
        link(cand[j]!, cand[i]!)
      }
    }
  }
  const V = words.length
  if (V === 0) return []
  const outW = new Float64Array(V)
  for (const [a, m] of edges) for (const w of m.values()) outW[a]! += w
  let rank = new Float64Array(V).fill(1)
  for (let it = 0; it < 100; it++) {
    const next = new Float64Array(V).fill(1 - d)
    for (const [a, m] of edges) {
      const share = rank[a]! / outW[a]!
      for (const [b, w] of m) next[b]! += d * w * share
    }
    let delta = 0
    for (let v = 0; v < V; v++) delta += Math.abs(next[v]! - rank[v]!)
    rank = next
    if (delta < 1e-6 * V) break
  }
  // Post-processing: the top third of words (at least `top`) may merge with an adjacent top word into a phrase.
  const order = Array.from({ length: V }, (_, v) => v).sort((a, b) => rank[b]! - rank[a]! || a - b)
  const keep = new Set(order.slice(0, Math.max(top, Math.ceil(V / 3))))
  const scored = new Map<string, number>()
  for (const v of keep) scored.set(words[v]!, rank[v]!)
  for (const seq of seqs) {
    for (let i = 0; i + 1 < seq.length; i++) {
      const a = seq[i]!
      const b = seq[i + 1]!
      if (a >= 0 && b >= 0 && a !== b && keep.has(a) && keep.has(b)) scored.set(joinPhrase(words[a]!, words[b]!), rank[a]! + rank[b]!)
    }
  }
  return rankTop([...scored].map(([term, score]) => ({ term, score })), top)
}
