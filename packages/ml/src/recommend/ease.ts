import type { Interactions, ModelJson, Recommender } from './types.ts'
import { userItemMatrix } from './interactions.ts'
import { easeWeights } from './ease-weights.ts'
import { arr, expectKind, f64, i32, num } from './json-arrays.ts'
import type { Csr } from '../sparse/csr.ts'

export interface EaseOptions {
  /** L2 regularisation λ added to the Gram diagonal. Default 500 (Steck 2019 uses values in the hundreds). */
  lambda?: number
  /** EDLAE dropout p (see ease-weights.ts); default 0, plain EASE. */
  dropout?: number
  /** Threads for the inverse (default 2 from 1,024 items). */
  threads?: number
}

/**
 * EASE^R (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): item–item weights
 * B = I − P·diagMat(1/diag(P)), P = (XᵀX + λI)⁻¹, X the binarised user×item matrix; score s_u = x_u B.
 * Closed form, O(Σ_u |N(u)|² + nItems³/2) time and nItems² memory (by design); the inverse is the blocked
 * sweep of sweep-inverse.ts (SIMD, two threads from 1,024 items).
 */
export function fitEase(data: Interactions, opts: EaseOptions = {}): ItemWeightModel {
  const lambda = opts.lambda ?? 500
  const x = binarise(userItemMatrix(data))
  const weights = easeWeights(x, { lambda, ...(opts.dropout !== undefined ? { dropout: opts.dropout } : {}), ...(opts.threads !== undefined ? { threads: opts.threads } : {}) })
  return new ItemWeightModel('ease', x, weights)
}

/** The user×item matrix with every stored value set to 1. */
export function binarise(m: Csr): Csr {
  return { ...m, data: new Float64Array(m.data.length).fill(1) }
}

/**
 * A linear item-to-item scorer s_u = x_u W with a dense nItems² weight matrix (EASE). Keeps the binarised
 * training matrix to know each user's history.
 */
export class ItemWeightModel implements Recommender {
  constructor(
    readonly kind: 'ease',
    readonly history: Csr,
    /** nItems × nItems row-major: weights[i·n + j] is item i's contribution to item j. */
    readonly weights: Float64Array,
  ) {}
  get nUsers(): number {
    return this.history.rows
  }
  get nItems(): number {
    return this.history.cols
  }
  predict(u: number, i: number): number {
    if (u < 0 || u >= this.history.rows || i < 0 || i >= this.nItems) return 0
    let s = 0
    const n = this.nItems
    for (let k = this.history.indptr[u]!; k < this.history.indptr[u + 1]!; k++) s += this.weights[this.history.indices[k]! * n + i]!
    return s
  }
  scoreItems(u: number, out: Float64Array): void {
    out.fill(0)
    if (u < 0 || u >= this.history.rows) return
    const n = this.nItems
    const m = Math.min(n, out.length)
    for (let k = this.history.indptr[u]!; k < this.history.indptr[u + 1]!; k++) {
      const r = this.history.indices[k]! * n
      for (let j = 0; j < m; j++) out[j]! += this.weights[r + j]!
    }
  }
  toJSON(): ModelJson {
    const h = this.history
    return { kind: this.kind, rows: h.rows, cols: h.cols, indptr: arr(h.indptr), indices: arr(h.indices), weights: arr(this.weights) }
  }
  static fromJSON(j: ModelJson): ItemWeightModel {
    expectKind(j, 'ease')
    const indices = i32(j, 'indices')
    const history: Csr = { rows: num(j, 'rows'), cols: num(j, 'cols'), indptr: i32(j, 'indptr'), indices, data: new Float64Array(indices.length).fill(1) }
    return new ItemWeightModel('ease', history, f64(j, 'weights'))
  }
}
