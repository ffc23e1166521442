import { keywordCandidates, rankTop, type Keyword } from './keywords.ts'

export interface DistinctiveKeywordOptions {
  /** Keywords per group. Default 10. */
  top?: number
  /** Prior strength s: pseudo-documents as a share of the real ones, spread at the overall rate. Default 0.1. */
  priorShare?: number
  /** A term must occur in at least this many documents of the group. Default 2 (1 for one-document groups). */
  minDocs?: number
}

/**
 * Keywords that set each group apart from all the others (persona tags: what negative reviews talk about that
 * positive ones do not). For term w, group g and the rest r, with y the documents that contain w and N the
 * documents: the log odds ratio of "a document mentions w" in g against r, each odds smoothed by an
 * informative prior (the overall rate, as in Monroe, Colaresi & Quinn 2008, "Fightin' Words"), divided by its
 * standard error (Woolf's variance of a log odds ratio):
 *   δ = ln((y_g + α) / (N_g − y_g + β)) − ln((y_r + α) / (N_r − y_r + β)),
 *   σ² = 1/(y_g + α) + 1/(N_g − y_g + β) + 1/(y_r + α) + 1/(N_r − y_r + β),   score z = δ / σ,
 * with α = s · y_all and β = s · (N_all − y_all) (s = priorShare), keeping terms with z > 0. Counting
 * documents, not occurrences, keeps one long review from making a tag; the prior and σ keep a word seen twice
 * from outranking one seen in hundreds of documents; a term every group uses equally scores about 0.
 * Candidates are words and two-word phrases as in keywords.ts. Needs two groups or more (one has nothing to
 * contrast, and gets an empty list). O(total tokens + groups · terms).
 */
export function distinctiveKeywords(
  tokenDocs: readonly (readonly string[])[],
  groups: readonly string[],
  opts: DistinctiveKeywordOptions = {},
): Map<string, Keyword[]> {
  if (groups.length !== tokenDocs.length) throw new Error('distinctiveKeywords: one group per document')
  const top = opts.top ?? 10
  const share = opts.priorShare ?? 0.1
  const total = new Map<string, number>()
  const byGroup = new Map<string, { docs: number; counts: Map<string, number> }>()
  tokenDocs.forEach((toks, d) => {
    const g = groups[d]!
    let entry = byGroup.get(g)
    if (!entry) byGroup.set(g, (entry = { docs: 0, counts: new Map() }))
    entry.docs++
    for (const t of new Set(keywordCandidates(toks))) {
      entry.counts.set(t, (entry.counts.get(t) ?? 0) + 1)
      total.set(t, (total.get(t) ?? 0) + 1)
    }
  })
  const nAll = tokenDocs.length
  const out = new Map<string, Keyword[]>()
  for (const [g, { docs: nG, counts }] of byGroup) {
    const minDocs = opts.minDocs ?? (nG > 1 ? 2 : 1)
    const nR = nAll - nG
    const list: Keyword[] = []
    if (nR > 0) {
      for (const [term, yG] of counts) {
        if (yG < minDocs) continue
        const yAll = total.get(term) ?? 0
        const yR = yAll - yG
        const a = share * yAll
        const b = share * (nAll - yAll)
        const delta = Math.log((yG + a) / (nG - yG + b)) - Math.log((yR + a) / (nR - yR + b))
        // b = 0 when every document has the term: then the odds are infinite on both sides, and so is σ².
        const z = b > 0 ? delta / Math.sqrt(1 / (yG + a) + 1 / (nG - yG + b) + 1 / (yR + a) + 1 / (nR - yR + b)) : 0
        if (z > 0) list.push({ term, score: z })
      }
    }
    out.set(g, rankTop(list, top))
  }
  return out
}
