import { csrTranspose, type Csr } from '../sparse/csr.ts'
import type { Interactions, ModelJson, Recommender } from './types.ts'
import { userItemMatrix } from './interactions.ts'
import { BaselineModel, fitBaseline, type BaselineOptions } from './baseline.ts'
import { arr, clip, expectKind, i32, f64, num } from './json-arrays.ts'

export interface KnnBaselineOptions {
  /** Neighbours used per prediction (the k most similar items the user rated). Default 40. */
  k?: number
  /** Fewer usable neighbours than this: predict the baseline alone. Default 1. */
  minK?: number
  /** Shrinkage of the similarity towards 0 for items with few common raters. Default 100. */
  shrinkage?: number
  baseline?: BaselineOptions
}

/**
 * Item-based neighbourhood model on baseline residuals (Koren 2010, §2.2, eq. 3 and the shrunk Pearson-baseline
 * similarity of eq. 2): r̂_ui = b_ui + Σ_j s_ij (r_uj − b_uj) / Σ_j s_ij over the k items j rated by u most
 * similar to i (positive similarities only). Similarities are stored sparse (pairs with common raters only).
 * Fit O(Σ_u |N(u)|² + nItems²) time; predict O(|N(u)| + nnz(row i)).
 */
export function fitKnnBaseline(data: Interactions, opts: KnnBaselineOptions = {}): KnnBaselineModel {
  const baseline = fitBaseline(data, opts.baseline)
  const m = userItemMatrix(data)
  const residual = new Float64Array(m.data.length)
  for (let u = 0; u < m.rows; u++) {
    for (let k = m.indptr[u]!; k < m.indptr[u + 1]!; k++) residual[k] = m.data[k]! - baseline.raw(u, m.indices[k]!)
  }
  const res: Csr = { ...m, data: residual }
  const sim = pearsonBaselineSimilarity(res, opts.shrinkage ?? 100)
  return new KnnBaselineModel(baseline, res, sim, opts.k ?? 40, opts.minK ?? 1)
}

/** Shrunk Pearson correlation of residuals between item columns of `res` (user×item), as an item×item CSR. */
export function pearsonBaselineSimilarity(res: Csr, shrinkage: number): Csr {
  const byItem = csrTranspose(res)
  const n = res.cols
  const prod = new Float64Array(n)
  const sqi = new Float64Array(n)
  const sqj = new Float64Array(n)
  const cnt = new Int32Array(n)
  const indptr = new Int32Array(n + 1)
  let indices = new Int32Array(1024)
  let data = new Float64Array(1024)
  let nnz = 0
  for (let i = 0; i < n; i++) {
    for (let a = byItem.indptr[i]!; a < byItem.indptr[i + 1]!; a++) {
      const u = byItem.indices[a]!
      const ri = byItem.data[a]!
      for (let b = res.indptr[u]!; b < res.indptr[u + 1]!; b++) {
        const j = res.indices[b]!
        const rj = res.data[b]!
        prod[j]! += ri * rj
        sqi[j]! += ri * ri
        sqj[j]! += rj * rj
        cnt[j]!++
      }
    }
    for (let j = 0; j < n; j++) {
      const c = cnt[j]!
      if (c === 0) continue
      if (j !== i && c > 1 && sqi[j]! > 0 && sqj[j]! > 0) {
        const s = (prod[j]! / Math.sqrt(sqi[j]! * sqj[j]!)) * ((c - 1) / (c - 1 + shrinkage))
        if (s !== 0) {
          if (nnz === indices.length) {
            const ni = new Int32Array(indices.length * 2)
            ni.set(indices)
            indices = ni
            const nd = new Float64Array(data.length * 2)
            nd.set(data)
            data = nd
          }
          indices[nnz] = j
          data[nnz++] = s
        }
      }
      prod[j] = 0
      sqi[j] = 0
      sqj[j] = 0
      cnt[j] = 0
    }
    indptr[i + 1] = nnz
  }
  return { rows: n, cols: n, indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) }
}

export class KnnBaselineModel implements Recommender {
  readonly kind = 'knn-baseline'
  private readonly candSim: Float64Array
  private readonly candRes: Float64Array
  constructor(
    readonly baseline: BaselineModel,
    /** Training residuals r_uj − b_uj, user×item. */
    readonly residuals: Csr,
    /** Item×item similarities. */
    readonly sim: Csr,
    readonly k: number,
    readonly minK: number,
  ) {
    let widest = 0
    for (let u = 0; u < residuals.rows; u++) widest = Math.max(widest, residuals.indptr[u + 1]! - residuals.indptr[u]!)
    this.candSim = new Float64Array(widest)
    this.candRes = new Float64Array(widest)
  }
  get nUsers(): number {
    return this.baseline.nUsers
  }
  get nItems(): number {
    return this.baseline.nItems
  }
  predict(u: number, i: number): number {
    const b = this.baseline.raw(u, i)
    if (u < 0 || u >= this.residuals.rows || i < 0 || i >= this.sim.rows) return clip(b, this.baseline.min, this.baseline.max)
    // Merge-join the user's rated items with row i of the similarity matrix (both sorted by item).
    const r = this.residuals
    const s = this.sim
    let a = r.indptr[u]!
    const aEnd = r.indptr[u + 1]!
    let c = s.indptr[i]!
    const cEnd = s.indptr[i + 1]!
    let n = 0
    while (a < aEnd && c < cEnd) {
      const ja = r.indices[a]!
      const jc = s.indices[c]!
      if (ja < jc) a++
      else if (ja > jc) c++
      else {
        if (s.data[c]! > 0) {
          this.candSim[n] = s.data[c]!
          this.candRes[n++] = r.data[a]!
        }
        a++
        c++
      }
    }
    const threshold = n > this.k ? kthLargest(this.candSim.slice(0, n), this.k) : 0
    let num = 0
    let den = 0
    let used = 0
    for (let t = 0; t < n && used < this.k; t++) {
      const w = this.candSim[t]!
      if (w > threshold || (n <= this.k && w > 0)) {
        num += w * this.candRes[t]!
        den += w
        used++
      }
    }
    // Neighbours tied exactly at the k-th similarity fill the remaining places in item order.
    for (let t = 0; t < n && used < this.k && n > this.k; t++) {
      if (this.candSim[t]! === threshold) {
        num += threshold * this.candRes[t]!
        den += threshold
        used++
      }
    }
    const est = used >= this.minK && den > 0 ? b + num / den : b
    return clip(est, this.baseline.min, this.baseline.max)
  }
  scoreItems(u: number, out: Float64Array): void {
    for (let i = 0; i < out.length; i++) out[i] = this.predict(u, i)
  }
  toJSON(): ModelJson {
    const csr = (m: Csr) => ({ rows: m.rows, cols: m.cols, indptr: arr(m.indptr), indices: arr(m.indices), data: arr(m.data) })
    return { kind: this.kind, k: this.k, minK: this.minK, baseline: this.baseline.toJSON(), residuals: csr(this.residuals), sim: csr(this.sim) }
  }
  static fromJSON(j: ModelJson): KnnBaselineModel {
    expectKind(j, 'knn-baseline')
    const csr = (m: ModelJson): Csr => ({ rows: num(m, 'rows'), cols: num(m, 'cols'), indptr: i32(m, 'indptr'), indices: i32(m, 'indices'), data: f64(m, 'data') })
    return new KnnBaselineModel(
      BaselineModel.fromJSON(j.baseline as ModelJson),
      csr({ kind: 'csr', ...(j.residuals as object) }),
      csr({ kind: 'csr', ...(j.sim as object) }),
      num(j, 'k'),
      num(j, 'minK'),
    )
  }
}

/** The k-th largest value of `a` (1-based k), by quickselect; reorders `a`. Average O(n). */
export function kthLargest(a: Float64Array, k: number): number {
  let lo = 0
  let hi = a.length - 1
  const target = k - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i]! > pivot) i++
      while (a[j]! < pivot) j--
      if (i <= j) {
        const t = a[i]!
        a[i] = a[j]!
        a[j] = t
        i++
        j--
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else return a[target]!
  }
  return a[target]!
}
