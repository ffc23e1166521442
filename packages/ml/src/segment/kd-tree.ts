import type { DenseMatrix } from './dense-matrix.ts'

/**
 * A static k-d tree over the rows of a DenseMatrix (Bentley 1975), built by median splits on the widest
 * dimension with leaves of up to 16 points. Build O(n log n), memory O(n); a radius query visits only
 * the cells that intersect the ball (about O(log n + m) for m hits in low dimension).
 */
export class KdTree {
  private readonly perm: Int32Array
  // Node arrays: [start, end) range of perm, split dimension (−1 for a leaf), split value, children.
  private readonly start: number[] = []
  private readonly end: number[] = []
  private readonly dim: number[] = []
  private readonly split: number[] = []
  private readonly left: number[] = []
  private readonly right: number[] = []

  constructor(private readonly x: DenseMatrix) {
    this.perm = Int32Array.from({ length: x.rows }, (_, i) => i)
    if (x.rows > 0) this.build(0, x.rows)
  }

  private build(lo: number, hi: number): number {
    const node = this.start.length
    this.start.push(lo)
    this.end.push(hi)
    this.dim.push(-1)
    this.split.push(0)
    this.left.push(-1)
    this.right.push(-1)
    if (hi - lo <= 16) return node
    const { cols: d, data } = this.x
    let bestDim = 0
    let bestSpread = -1
    for (let j = 0; j < d; j++) {
      let mn = Infinity
      let mx = -Infinity
      for (let p = lo; p < hi; p++) {
        const v = data[(this.perm[p] as number) * d + j] as number
        if (v < mn) mn = v
        if (v > mx) mx = v
      }
      if (mx - mn > bestSpread) {
        bestSpread = mx - mn
        bestDim = j
      }
    }
    if (bestSpread <= 0) return node // all points equal: keep as one leaf
    const mid = (lo + hi) >> 1
    const sub = this.perm.subarray(lo, hi)
    const sorted = Array.from(sub).sort((a, b) => (data[a * d + bestDim] as number) - (data[b * d + bestDim] as number))
    sub.set(sorted)
    this.dim[node] = bestDim
    this.split[node] = data[(this.perm[mid] as number) * d + bestDim] as number
    const l = this.build(lo, mid)
    const r = this.build(mid, hi)
    this.left[node] = l
    this.right[node] = r
    return node
  }

  /** Calls `visit(i)` for every row within Euclidean distance ≤ radius of `point` (row `q` of the matrix). */
  radius(q: number, radius: number, visit: (i: number) => void): void {
    if (this.start.length === 0) return
    const { cols: d, data } = this.x
    const r2 = radius * radius
    const stack = [0]
    while (stack.length > 0) {
      const node = stack.pop() as number
      const dm = this.dim[node] as number
      if (dm < 0) {
        for (let p = this.start[node] as number; p < (this.end[node] as number); p++) {
          const i = this.perm[p] as number
          let s = 0
          for (let j = 0; j < d && s <= r2; j++) {
            const t = (data[i * d + j] as number) - (data[q * d + j] as number)
            s += t * t
          }
          if (s <= r2) visit(i)
        }
        continue
      }
      const diff = (data[q * d + dm] as number) - (this.split[node] as number)
      // Left holds values ≤ split, right values ≥ split (ties may sit on either side).
      if (diff <= radius) stack.push(this.left[node] as number)
      if (diff >= -radius) stack.push(this.right[node] as number)
    }
  }
}
