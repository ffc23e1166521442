import { createRng } from '../random.ts'
import type { DenseMatrix } from './dense-matrix.ts'

export interface SilhouetteOptions {
  /** Score a random subset of this many points against each other (default 2000; n ≤ sampleSize uses all). */
  sampleSize?: number
  seed?: number
}

/**
 * Mean silhouette coefficient (Rousseeuw 1987): for each point, (b − a) / max(a, b) with a the mean distance
 * to its own cluster and b the smallest mean distance to another cluster; points alone in their cluster
 * score 0. Like scikit-learn's `sample_size`, large inputs are scored on a seeded random subset, so the
 * cost is O(s²·d) for s = min(n, sampleSize), with O(s·k) memory.
 */
export function silhouetteScore(x: DenseMatrix, labels: Int32Array, k: number, options: SilhouetteOptions = {}): number {
  const { rows: n, cols: d, data } = x
  const s = Math.min(n, options.sampleSize ?? 2000)
  let idx: Int32Array
  if (s === n) idx = Int32Array.from({ length: n }, (_, i) => i)
  else {
    const rng = createRng(options.seed ?? 0)
    const all = Int32Array.from({ length: n }, (_, i) => i)
    for (let i = 0; i < s; i++) {
      const j = i + rng.int(n - i)
      const t = all[i] as number
      all[i] = all[j] as number
      all[j] = t
    }
    idx = all.slice(0, s)
  }
  const counts = new Int32Array(k)
  for (let a = 0; a < s; a++) counts[labels[idx[a] as number] as number] = (counts[labels[idx[a] as number] as number] as number) + 1
  const sums = new Float64Array(k)
  let total = 0
  for (let a = 0; a < s; a++) {
    const ia = idx[a] as number
    const la = labels[ia] as number
    sums.fill(0)
    for (let b = 0; b < s; b++) {
      if (a === b) continue
      const ib = idx[b] as number
      let q = 0
      for (let j = 0; j < d; j++) {
        const t = (data[ia * d + j] as number) - (data[ib * d + j] as number)
        q += t * t
      }
      sums[labels[ib] as number] = (sums[labels[ib] as number] as number) + Math.sqrt(q)
    }
    const own = counts[la] as number
    if (own <= 1) continue // singleton: silhouette 0
    const aMean = (sums[la] as number) / (own - 1)
    let bMean = Infinity
    for (let c = 0; c < k; c++) if (c !== la && (counts[c] as number) > 0) bMean = Math.min(bMean, (sums[c] as number) / (counts[c] as number))
    if (bMean === Infinity) continue
    const m = Math.max(aMean, bMean)
    total += m > 0 ? (bMean - aMean) / m : 0
  }
  return s > 0 ? total / s : 0
}
