import type { DenseMatrix } from './dense-matrix.ts'
import { kMeans, type KMeansOptions, type KMeansResult } from './kmeans.ts'
import { silhouetteScore } from './silhouette.ts'

export interface ChooseKOptions extends Omit<KMeansOptions, 'k'> {
  minK?: number
  maxK?: number
  /** Silhouette sample size (default 2000). */
  sampleSize?: number
}

export interface ChooseKResult {
  best: KMeansResult
  /** Silhouette of every k tried, in order. */
  scores: Array<{ k: number; silhouette: number; inertia: number }>
}

/**
 * Picks k for k-means by the highest mean silhouette over k = minK..maxK (default 2..10, capped at n − 1).
 * Cost: one k-means run plus one sampled silhouette (O(s²·d)) per k.
 */
export function chooseK(x: DenseMatrix, options: ChooseKOptions = {}): ChooseKResult {
  const minK = Math.max(2, options.minK ?? 2)
  const maxK = Math.min(options.maxK ?? 10, x.rows - 1)
  if (maxK < minK) throw new RangeError(`automatic k needs at least ${minK + 1} points`)
  const scores: ChooseKResult['scores'] = []
  let best: KMeansResult | undefined
  let bestScore = -Infinity
  for (let k = minK; k <= maxK; k++) {
    const fit = kMeans(x, { ...options, k })
    const silhouette = silhouetteScore(x, fit.labels, k, { sampleSize: options.sampleSize ?? 2000, seed: options.seed ?? 0 })
    scores.push({ k, silhouette, inertia: fit.inertia })
    if (silhouette > bestScore + 1e-12) {
      bestScore = silhouette
      best = fit
    }
  }
  return { best: best as KMeansResult, scores }
}
