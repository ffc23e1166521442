import { csrTranspose, type Csr } from '../sparse/csr.ts'
import type { Interactions, ModelJson, Recommender } from './types.ts'
import { userItemMatrix } from './interactions.ts'
import { binarise } from './ease.ts'
import { topK } from './top-k.ts'
import { arr, expectKind, f64, i32, num } from './json-arrays.ts'

export interface ItemKnnOptions {
  /** Keep only each item's k most similar items; 0 keeps all. Default 0. */
  neighbours?: number
}

/**
 * Item-based top-N from implicit feedback (Deshpande & Karypis 2004): cosine similarity between binarised
 * item columns, sim(i,j) = |U_i ∩ U_j| / √(|U_i||U_j|), optionally pruned to each item's k nearest;
 * score(u, j) = Σ_{i ∈ N(u)} sim(i, j). Fit O(Σ_u |N(u)|² + nItems²); memory O(similar pairs).
 */
export function fitItemKnn(data: Interactions, opts: ItemKnnOptions = {}): ItemKnnModel {
  const x = binarise(userItemMatrix(data))
  const byItem = csrTranspose(x)
  const n = data.nItems
  const k = opts.neighbours ?? 0
  const deg = new Float64Array(n)
  for (let i = 0; i < n; i++) deg[i] = byItem.indptr[i + 1]! - byItem.indptr[i]!
  const co = new Float64Array(n)
  const rowIdx: number[] = []
  const rowVal: number[] = []
  const indptr = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) {
    for (let a = byItem.indptr[i]!; a < byItem.indptr[i + 1]!; a++) {
      const u = byItem.indices[a]!
      for (let b = x.indptr[u]!; b < x.indptr[u + 1]!; b++) co[x.indices[b]!]!++
    }
    co[i] = 0
    for (let j = 0; j < n; j++) if (co[j]! > 0) co[j] = co[j]! / Math.sqrt(deg[i]! * deg[j]!)
    if (k > 0) {
      const keep = Array.from(topK(co, k)).filter((j) => co[j]! > 0).sort((a, b) => a - b)
      for (const j of keep) {
        rowIdx.push(j)
        rowVal.push(co[j]!)
      }
    } else {
      for (let j = 0; j < n; j++) {
        if (co[j]! > 0) {
          rowIdx.push(j)
          rowVal.push(co[j]!)
        }
      }
    }
    co.fill(0)
    indptr[i + 1] = rowIdx.length
  }
  const sim: Csr = { rows: n, cols: n, indptr, indices: Int32Array.from(rowIdx), data: Float64Array.from(rowVal) }
  return new ItemKnnModel(x, sim)
}

export class ItemKnnModel implements Recommender {
  readonly kind = 'item-knn'
  constructor(
    readonly history: Csr,
    /** Item×item similarities, row i = the items similar to i. */
    readonly sim: Csr,
  ) {}
  get nUsers(): number {
    return this.history.rows
  }
  get nItems(): number {
    return this.history.cols
  }
  predict(u: number, i: number): number {
    const out = new Float64Array(this.nItems)
    this.scoreItems(u, out)
    return i >= 0 && i < out.length ? out[i]! : 0
  }
  scoreItems(u: number, out: Float64Array): void {
    out.fill(0)
    if (u < 0 || u >= this.history.rows) return
    const s = this.sim
    for (let a = this.history.indptr[u]!; a < this.history.indptr[u + 1]!; a++) {
      const i = this.history.indices[a]!
      for (let b = s.indptr[i]!; b < s.indptr[i + 1]!; b++) {
        const j = s.indices[b]!
        if (j < out.length) out[j]! += s.data[b]!
      }
    }
  }
  toJSON(): ModelJson {
    const h = this.history
    const s = this.sim
    return { kind: this.kind, rows: h.rows, cols: h.cols, hIndptr: arr(h.indptr), hIndices: arr(h.indices), sIndptr: arr(s.indptr), sIndices: arr(s.indices), sData: arr(s.data) }
  }
  static fromJSON(j: ModelJson): ItemKnnModel {
    expectKind(j, 'item-knn')
    const rows = num(j, 'rows')
    const cols = num(j, 'cols')
    const hi = i32(j, 'hIndices')
    return new ItemKnnModel(
      { rows, cols, indptr: i32(j, 'hIndptr'), indices: hi, data: new Float64Array(hi.length).fill(1) },
      { rows: cols, cols, indptr: i32(j, 'sIndptr'), indices: i32(j, 'sIndices'), data: f64(j, 'sData') },
    )
  }
}
