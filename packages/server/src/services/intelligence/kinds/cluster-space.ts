import { createRng, type DenseMatrix } from '@rapport/ml'

/**
 * The space k-means works in: some of the standardised profile columns, each multiplied by a weight (a weight
 * of 0.5 makes a column count a quarter as much in squared distance). Profiles describe every column; only
 * these decide who is near whom. Also the assignment of new rows to the nearest stored centroid (scoring).
 */
export interface SpaceColumn {
  /** Index into the profile features (ClusterTransform.features). */
  index: number
  weight: number
}

export function toClusterSpace(x: DenseMatrix, columns: readonly SpaceColumn[]): DenseMatrix {
  const m = columns.length
  const data = new Float64Array(x.rows * m)
  for (let i = 0; i < x.rows; i++) {
    for (let c = 0; c < m; c++) {
      const col = columns[c] as SpaceColumn
      data[i * m + c] = (x.data[i * x.cols + col.index] as number) * col.weight
    }
  }
  return { rows: x.rows, cols: m, data }
}

/** Nearest centroid (k × d row-major) of every row, with the Euclidean distance to it. O(n·k·d). */
export function nearestCentroids(x: DenseMatrix, centroids: ArrayLike<number>, k: number): { labels: Int32Array; distances: Float64Array } {
  const d = x.cols
  const labels = new Int32Array(x.rows)
  const distances = new Float64Array(x.rows)
  for (let i = 0; i < x.rows; i++) {
    let best = 0
    let bestD = Infinity
    for (let c = 0; c < k; c++) {
      let s = 0
      for (let j = 0; j < d; j++) {
        const diff = (x.data[i * d + j] as number) - (centroids[c * d + j] as number)
        s += diff * diff
      }
      if (s < bestD) {
        bestD = s
        best = c
      }
    }
    labels[i] = best
    distances[i] = Math.sqrt(bestD)
  }
  return { labels, distances }
}

/** A seeded sample of `size` row indices out of n (all rows when n ≤ size), in ascending order. */
export function sampleRows(n: number, size: number, seed: number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i)
  const rng = createRng(seed)
  const all = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i)
    const t = all[i] as number
    all[i] = all[j] as number
    all[j] = t
  }
  return all.slice(0, size).sort()
}

export function selectMatrixRows(x: DenseMatrix, rows: ArrayLike<number>): DenseMatrix {
  const d = x.cols
  const data = new Float64Array(rows.length * d)
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number
    data.set(x.data.subarray(i * d, i * d + d), r * d)
  }
  return { rows: rows.length, cols: d, data }
}
