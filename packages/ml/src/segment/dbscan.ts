import type { DenseMatrix } from './dense-matrix.ts'
import { KdTree } from './kd-tree.ts'

export interface DbscanOptions {
  /** Neighbourhood radius (Euclidean). */
  eps: number
  /** Points (the point itself included) a neighbourhood needs for a core point (default 5, as scikit-learn). */
  minPoints?: number
}

export interface DbscanResult {
  /** Cluster id per point, −1 for noise. */
  labels: Int32Array
  clusters: number
  noise: number
}

/**
 * DBSCAN (Ester, Kriegel, Sander & Xu 1996) with neighbourhoods answered by a k-d tree, so memory stays
 * O(n) (neighbour lists are never stored for all points at once). Border points join the first cluster
 * that reaches them, in index order, so results are deterministic. Cost about O(n log n) in low dimension.
 */
export function dbscan(x: DenseMatrix, options: DbscanOptions): DbscanResult {
  const n = x.rows
  const minPts = options.minPoints ?? 5
  const eps = options.eps
  if (!(eps > 0)) throw new RangeError(`eps must be > 0, got ${eps}`)
  const tree = new KdTree(x)
  const labels = new Int32Array(n).fill(-2) // −2 unvisited, −1 noise
  const neighbours: number[] = []
  const collect = (i: number): number[] => {
    neighbours.length = 0
    tree.radius(i, eps, (j) => neighbours.push(j))
    return neighbours
  }
  let clusters = 0
  const queue = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    if (labels[i] !== -2) continue
    if (collect(i).length < minPts) {
      labels[i] = -1
      continue
    }
    const id = clusters++
    labels[i] = id
    let head = 0
    let tail = 0
    for (const j of neighbours) {
      if (labels[j] === -2 || labels[j] === -1) {
        if (labels[j] === -2) queue[tail++] = j
        labels[j] = id
      }
    }
    while (head < tail) {
      const p = queue[head++] as number
      if (collect(p).length < minPts) continue // border point
      for (const j of neighbours) {
        if (labels[j] === -2) {
          labels[j] = id
          queue[tail++] = j
        } else if (labels[j] === -1) labels[j] = id
      }
    }
  }
  let noise = 0
  for (let i = 0; i < n; i++) if (labels[i] === -1) noise++
  return { labels, clusters, noise }
}
