import { csrTranspose, type Csr } from '../sparse/csr.ts'
import type { Interactions } from './types.ts'
import { userItemMatrix } from './interactions.ts'
import { binarise } from './ease.ts'
import { ItemKnnModel } from './item-knn.ts'
import { topK } from './top-k.ts'

export interface Rp3BetaOptions {
  /** Exponent on the random-walk transition probabilities (default 1: the plain P³ walk). */
  alpha?: number
  /** Popularity penalty: similarities to item j are divided by deg(j)^β (default 0.5). */
  beta?: number
  /** Neighbours kept per item (default 200; 0 keeps all). */
  neighbours?: number
}

/**
 * RP3beta (Paudel, Christoffel, Newell & Bernstein 2017; as evaluated by Dacrema et al. 2019): a three-step
 * random walk item → user → item on the bipartite interaction graph, with transition probabilities raised
 * to α and the arrival item's popularity divided out with exponent β:
 * W_ij = (1/deg i)^α · Σ_{u ∈ U_i ∩ U_j} (1/deg u)^α / (deg j)^β, pruned to each item's k largest.
 * Scores are s_u = Σ_{i ∈ N(u)} W_i· — the item-kNN scorer, so the model is an ItemKnnModel.
 * Fit O(Σ_i Σ_{u ∈ U_i} |N(u)| + nItems² ) time, O(nItems) scratch.
 */
export function fitRp3Beta(data: Interactions, opts: Rp3BetaOptions = {}): ItemKnnModel {
  const alpha = opts.alpha ?? 1
  const beta = opts.beta ?? 0.5
  const k = opts.neighbours ?? 200
  const x = binarise(userItemMatrix(data))
  const byItem = csrTranspose(x)
  const n = data.nItems
  const userW = new Float64Array(x.rows)
  for (let u = 0; u < x.rows; u++) {
    const d = x.indptr[u + 1]! - x.indptr[u]!
    userW[u] = d > 0 ? d ** -alpha : 0
  }
  const popPenalty = new Float64Array(n)
  const itemW = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const d = byItem.indptr[i + 1]! - byItem.indptr[i]!
    popPenalty[i] = d > 0 ? d ** -beta : 0
    itemW[i] = d > 0 ? d ** -alpha : 0
  }
  const row = new Float64Array(n)
  const indptr = new Int32Array(n + 1)
  const cols: number[] = []
  const vals: number[] = []
  for (let i = 0; i < n; i++) {
    for (let a = byItem.indptr[i]!; a < byItem.indptr[i + 1]!; a++) {
      const u = byItem.indices[a]!
      const w = userW[u]!
      for (let b = x.indptr[u]!; b < x.indptr[u + 1]!; b++) row[x.indices[b]!]! += w
    }
    row[i] = 0
    for (let j = 0; j < n; j++) if (row[j] !== 0) row[j] = itemW[i]! * row[j]! * popPenalty[j]!
    const keep = k > 0 ? Array.from(topK(row, k)).filter((j) => row[j]! > 0).sort((p, q) => p - q) : [...row.keys()].filter((j) => row[j]! > 0)
    for (const j of keep) {
      cols.push(j)
      vals.push(row[j]!)
    }
    row.fill(0)
    indptr[i + 1] = cols.length
  }
  const sim: Csr = { rows: n, cols: n, indptr, indices: Int32Array.from(cols), data: Float64Array.from(vals) }
  return new ItemKnnModel(x, sim)
}
