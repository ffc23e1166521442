import type { Matrix } from '../data/pipeline.ts'

/** Features quantised to at most 256 bins, row-major, with the real-valued upper edge of every bin. */
export interface BinnedMatrix {
  rows: number
  cols: number
  /** bins[i × cols + j] = bin of row i in feature j (row-major: a histogram pass reads each row once). */
  bins: Uint8Array
  /** edges[j][b] = largest value in bin b, the split threshold "x <= edge" for splitting after bin b. */
  edges: Float64Array[]
}

/**
 * Histogram binning as in LightGBM/XGBoost's `hist` method (Ke et al. 2017): features with at most `maxBins`
 * distinct values get one bin per value (so splits are exact), others get quantile bins. Edges are midpoints
 * between neighbouring values. Missing values (NaN) fall in bin 0. Cost O(rows log rows × features).
 */
export function binMatrix(X: Matrix, maxBins = 255): BinnedMatrix {
  const { rows: n, cols: p } = X
  const bins = new Uint8Array(n * p)
  const edges: Float64Array[] = []
  const col = new Float64Array(n)
  for (let j = 0; j < p; j++) {
    let m = 0
    for (let i = 0; i < n; i++) {
      const v = X.data[i * p + j] as number
      if (!Number.isNaN(v)) col[m++] = v
    }
    const sorted = col.subarray(0, m).slice().sort()
    const distinct: number[] = []
    for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i] as number)
    const e: number[] = []
    const cap = Math.min(maxBins, 256)
    if (distinct.length <= cap) {
      for (let k = 0; k + 1 < distinct.length; k++) e.push(((distinct[k] as number) + (distinct[k + 1] as number)) / 2)
    } else {
      for (let b = 1; b < cap; b++) {
        const q = sorted[Math.floor((b * m) / cap)] as number
        // Edge just above q: the midpoint to the next distinct value, so equal values never straddle a bin.
        const next = upperDistinct(distinct, q)
        const edge = next === undefined ? q : (q + next) / 2
        if (e.length === 0 || edge > (e[e.length - 1] as number)) e.push(edge)
      }
    }
    e.push(Infinity)
    const edgeArr = Float64Array.from(e)
    edges.push(edgeArr)
    for (let i = 0; i < n; i++) bins[i * p + j] = binOf(edgeArr, X.data[i * p + j] as number)
  }
  return { rows: n, cols: p, bins, edges }
}

/** Bin of a value: the first edge >= value (binary search); NaN → 0. */
export function binOf(edges: Float64Array, v: number): number {
  if (Number.isNaN(v)) return 0
  let lo = 0
  let hi = edges.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (v <= (edges[mid] as number)) hi = mid
    else lo = mid + 1
  }
  return lo
}

function upperDistinct(distinct: number[], q: number): number | undefined {
  let lo = 0
  let hi = distinct.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((distinct[mid] as number) <= q) lo = mid + 1
    else hi = mid
  }
  return distinct[lo]
}
