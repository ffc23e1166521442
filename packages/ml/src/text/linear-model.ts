import type { Csr } from '../sparse/csr.ts'

/**
 * A K-class linear scorer, the common output of every text classifier here (naive Bayes, NB-SVM, logistic
 * regression, linear SVM are all linear in the features): score_k(x) = bias_k + Σ_j x_j coef[j·K + k].
 * Coefficients are feature-major so a sparse row touches K contiguous numbers per non-zero.
 * Probabilities are softmax(temperature · scores).
 */
export interface LinearModel {
  nClasses: number
  nFeatures: number
  coef: Float64Array
  bias: Float64Array
  temperature: number
}

/**
 * Rounds the coefficients to float32 precision in place (kept in a Float64Array, so scoring is unchanged):
 * a relative change below 6e-8 that no prediction notices, and the model file stores 4 bytes per weight
 * instead of 8 while reloading bit-for-bit (model-json.ts). O(K · F).
 */
export function roundCoefToFloat32(m: LinearModel): LinearModel {
  const c = m.coef
  for (let i = 0; i < c.length; i++) c[i] = Math.fround(c[i]!)
  return m
}

/** Scores of one sparse row into `out` (length K). O(nnz · K). */
export function linearScores(
  m: LinearModel,
  indices: ArrayLike<number>,
  values: ArrayLike<number>,
  out: Float64Array = new Float64Array(m.nClasses),
): Float64Array {
  const K = m.nClasses
  out.set(m.bias)
  for (let p = 0; p < indices.length; p++) {
    const j = indices[p] as number
    if (j >= m.nFeatures) continue
    const v = values[p] as number
    const base = j * K
    for (let k = 0; k < K; k++) out[k]! += v * m.coef[base + k]!
  }
  return out
}

/** Scores of every row of X (row-major n × K). */
export function linearScoresCsr(m: LinearModel, X: Csr): Float64Array {
  const K = m.nClasses
  const out = new Float64Array(X.rows * K)
  const buf = new Float64Array(K)
  for (let i = 0; i < X.rows; i++) {
    const a = X.indptr[i]!
    const b = X.indptr[i + 1]!
    linearScores(m, X.indices.subarray(a, b), X.data.subarray(a, b), buf)
    out.set(buf, i * K)
  }
  return out
}

/** In-place softmax of `s` scaled by `t` (numerically stable). */
export function softmaxInPlace(s: Float64Array, t = 1): Float64Array {
  let max = -Infinity
  for (let k = 0; k < s.length; k++) if (t * s[k]! > max) max = t * s[k]!
  let z = 0
  for (let k = 0; k < s.length; k++) {
    const e = Math.exp(t * s[k]! - max)
    s[k] = e
    z += e
  }
  for (let k = 0; k < s.length; k++) s[k]! /= z
  return s
}

/** Index of the largest value (first on ties). */
export function argmax(s: ArrayLike<number>, from = 0, length = s.length - from): number {
  let best = 0
  for (let k = 1; k < length; k++) if ((s[from + k] as number) > (s[from + best] as number)) best = k
  return best
}

/**
 * Packs per-class weight vectors (length F + 1, bias last) into a LinearModel. One vector with K = 2 is a
 * binary model for class 1; it is stored as ±w/2 so that softmax over the two columns equals sigmoid(w·x).
 */
export function packOneVsRest(ws: readonly Float64Array[], nClasses: number, nFeatures: number): LinearModel {
  const K = nClasses
  const coef = new Float64Array(nFeatures * K)
  const bias = new Float64Array(K)
  if (ws.length === 1 && K === 2) {
    const w = ws[0]!
    for (let j = 0; j < nFeatures; j++) {
      coef[j * 2] = -w[j]! / 2
      coef[j * 2 + 1] = w[j]! / 2
    }
    bias[0] = -w[nFeatures]! / 2
    bias[1] = w[nFeatures]! / 2
  } else {
    for (let k = 0; k < K; k++) {
      const w = ws[k]!
      for (let j = 0; j < nFeatures; j++) coef[j * K + k] = w[j]!
      bias[k] = w[nFeatures]!
    }
  }
  return { nClasses: K, nFeatures, coef, bias, temperature: 1 }
}
