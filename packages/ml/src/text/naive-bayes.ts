import type { Csr } from '../sparse/csr.ts'
import type { LinearModel } from './linear-model.ts'

export interface NaiveBayesOptions {
  /** Additive (Lidstone) smoothing. Default 1 (Laplace). */
  alpha?: number
}

/** Per-class sums of each feature (K × F, class-major) and row counts per class. O(nnz). */
function classFeatureSums(X: Csr, labels: Int32Array, K: number): { sums: Float64Array; counts: Float64Array } {
  const F = X.cols
  const sums = new Float64Array(K * F)
  const counts = new Float64Array(K)
  for (let i = 0; i < X.rows; i++) {
    const c = labels[i]!
    counts[c]!++
    for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) sums[c * F + X.indices[p]!]! += X.data[p]!
  }
  return { sums, counts }
}

/**
 * Multinomial naive Bayes (McCallum & Nigam 1998): log θ_cj = log((N_cj + α) / (N_c + α F)),
 * score_c(x) = log π_c + Σ_j x_j log θ_cj, i.e. the joint log-likelihood, whose softmax is the posterior.
 * Works on counts or (as here) TF-IDF weights. O(nnz + K F).
 */
export function trainMultinomialNb(X: Csr, labels: Int32Array, nClasses: number, opts: NaiveBayesOptions = {}): LinearModel {
  const alpha = opts.alpha ?? 1
  const F = X.cols
  const K = nClasses
  const { sums, counts } = classFeatureSums(X, labels, K)
  const coef = new Float64Array(F * K)
  const bias = new Float64Array(K)
  for (let c = 0; c < K; c++) {
    let total = 0
    for (let j = 0; j < F; j++) total += sums[c * F + j]!
    const logDen = Math.log(total + alpha * F)
    for (let j = 0; j < F; j++) coef[j * K + c] = Math.log(sums[c * F + j]! + alpha) - logDen
    bias[c] = Math.log(counts[c]! / X.rows)
  }
  return { nClasses: K, nFeatures: F, coef, bias, temperature: 1 }
}

/**
 * Complement naive Bayes (Rennie, Shih, Teevan & Karger 2003): each class is described by the feature
 * distribution of all *other* classes, θ̃_cj = (Σ_{c'≠c} N_c'j + α) / (Σ_{c'≠c} N_c' + α F), and
 * score_c(x) = −Σ_j x_j log θ̃_cj (no prior, as in the paper). More robust than MNB on skewed classes.
 * Scores are not calibrated log-probabilities. O(nnz + K F).
 */
export function trainComplementNb(X: Csr, labels: Int32Array, nClasses: number, opts: NaiveBayesOptions = {}): LinearModel {
  const alpha = opts.alpha ?? 1
  const F = X.cols
  const K = nClasses
  const { sums } = classFeatureSums(X, labels, K)
  const all = new Float64Array(F)
  for (let c = 0; c < K; c++) for (let j = 0; j < F; j++) all[j]! += sums[c * F + j]!
  let grand = 0
  for (let j = 0; j < F; j++) grand += all[j]!
  const coef = new Float64Array(F * K)
  for (let c = 0; c < K; c++) {
    let own = 0
    for (let j = 0; j < F; j++) own += sums[c * F + j]!
    const logDen = Math.log(grand - own + alpha * F)
    for (let j = 0; j < F; j++) coef[j * K + c] = -(Math.log(all[j]! - sums[c * F + j]! + alpha) - logDen)
  }
  return { nClasses: K, nFeatures: F, coef, bias: new Float64Array(K), temperature: 1 }
}
