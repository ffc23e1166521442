import type { Csr } from '../sparse/csr.ts'
import { topK } from './top-k.ts'
import type { Recommender } from './types.ts'

/**
 * Top-n items for a user by the model's scores, excluding the items the user interacted with in `seen`
 * (a user×item CSR, usually the training matrix). O(nItems · cost of scoreItems + nItems log n).
 */
export function recommendTopN(model: Recommender, user: number, n: number, seen?: Csr, scratch?: Float64Array): Int32Array {
  const scores = scratch && scratch.length === model.nItems ? scratch : new Float64Array(model.nItems)
  model.scoreItems(user, scores)
  if (!seen || user < 0 || user >= seen.rows) return topK(scores, n)
  // Mark seen items with NaN, which topK skips: cheaper than a lookup per item.
  for (let k = seen.indptr[user]!; k < seen.indptr[user + 1]!; k++) {
    const i = seen.indices[k]!
    if (i < scores.length) scores[i] = Number.NaN
  }
  return topK(scores, n)
}
