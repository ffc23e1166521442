import type { Csr } from '../sparse/csr.ts'
import { packOneVsRest, type LinearModel } from './linear-model.ts'
import { oneVsRest, trainBinarySvm, type LinearSvmOptions } from './linear-svm.ts'

export interface NbSvmOptions extends LinearSvmOptions {
  /** Smoothing of the log-count ratio. Default 1. */
  alpha?: number
  /** Interpolation towards the mean weight magnitude, w' = (1 − β) w̄ + β w (Wang & Manning use 0.25). Default 1 (none). */
  beta?: number
}

/**
 * NB log-count ratio of one binary problem (Wang & Manning 2012): with binarised features x̂,
 * p = α + Σ_{y=+1} x̂, q = α + Σ_{y=−1} x̂, r = log((p / ‖p‖₁) / (q / ‖q‖₁)). O(nnz + F).
 */
export function logCountRatio(X: Csr, y: Int8Array, alpha = 1): Float64Array {
  const F = X.cols
  const p = new Float64Array(F).fill(alpha)
  const q = new Float64Array(F).fill(alpha)
  for (let i = 0; i < X.rows; i++) {
    const t = y[i]! > 0 ? p : q
    for (let k = X.indptr[i]!; k < X.indptr[i + 1]!; k++) if (X.data[k] !== 0) t[X.indices[k]!]!++
  }
  let sp = 0
  let sq = 0
  for (let j = 0; j < F; j++) {
    sp += p[j]!
    sq += q[j]!
  }
  const r = new Float64Array(F)
  for (let j = 0; j < F; j++) r[j] = Math.log(p[j]! / sp) - Math.log(q[j]! / sq)
  return r
}

/**
 * NB-SVM (Wang & Manning 2012, "Baselines and bigrams"): a linear SVM trained on features scaled by the NB
 * log-count ratio r, so words that NB finds discriminative start with more weight; strong on sentiment and
 * short texts. Here the scaled features are the TF-IDF values (not binarised), the SVM is the dual coordinate
 * descent squared-hinge solver, and multi-class tasks use one-vs-rest with a ratio per class. The learned
 * w ∘ r is folded back so prediction is an ordinary linear model. Cost: K SVM solves.
 */
export function trainNbSvm(X: Csr, labels: Int32Array, nClasses: number, opts: NbSvmOptions = {}): LinearModel {
  const beta = opts.beta ?? 1
  const ws = oneVsRest(X, labels, nClasses, (y) => {
    const r = logCountRatio(X, y, opts.alpha ?? 1)
    const w = trainBinarySvm(X, y, opts, r)
    if (beta !== 1) {
      // w holds w ∘ r; interpolate in the scaled space, where w̄ = ‖w‖₁ / F.
      const F = X.cols
      let l1 = 0
      for (let j = 0; j < F; j++) if (r[j] !== 0) l1 += Math.abs(w[j]! / r[j]!)
      const mean = l1 / F
      for (let j = 0; j < F; j++) w[j] = (1 - beta) * mean * r[j]! + beta * w[j]!
    }
    return w
  })
  return packOneVsRest(ws, nClasses, X.cols)
}
