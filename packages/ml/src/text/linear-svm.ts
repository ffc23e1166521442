import { createRng } from '../random.ts'
import type { Csr } from '../sparse/csr.ts'
import { packOneVsRest, type LinearModel } from './linear-model.ts'

export interface LinearSvmOptions {
  /** Cost of margin violations (inverse regularisation). Default 1. */
  C?: number
  /** Stopping tolerance on the projected-gradient gap (LIBLINEAR's default 0.1). */
  eps?: number
  /** Epoch limit. Default 1000. */
  maxIter?: number
  /** Value of the constant feature carrying the bias (regularised, as in LIBLINEAR). Default 1. */
  bias?: number
  seed?: number
  /**
   * 'balanced': each class's cost C is scaled by n / (K · n_class) (scikit-learn's class_weight='balanced', the
   * original K classes in one-vs-rest), so a small class weighs as much as a large one. Default: none.
   */
  classWeight?: 'balanced'
  /** Binary solve only: cost multipliers of the -1 and +1 rows (what 'balanced' sets per problem). Default 1, 1. */
  rowWeight?: { negative: number; positive: number }
}

/**
 * Binary L2-regularised squared-hinge SVM by dual coordinate descent with shrinking (Hsieh, Chang, Lin,
 * Keerthi & Sundararajan 2008, "A dual coordinate descent method for large-scale linear SVM"; LIBLINEAR
 * solver 1). y[i] is +1 or -1. `scale`, when given, multiplies feature j by scale[j] on the fly (NB-SVM's
 * log-count ratios) without copying X. Each epoch costs O(nnz of the active rows).
 * Returns w of length F + 1 (bias weight last).
 */
export function trainBinarySvm(X: Csr, y: Int8Array, opts: LinearSvmOptions = {}, scale?: Float64Array): Float64Array {
  const C = opts.C ?? 1
  const eps = opts.eps ?? 0.1
  const maxIter = opts.maxIter ?? 1000
  const B = opts.bias ?? 1
  const F = X.cols
  const n = X.rows
  const { indptr, indices, data } = X
  const w = new Float64Array(F + 1)
  const alpha = new Float64Array(n)
  const wNeg = opts.rowWeight?.negative ?? 1
  const wPos = opts.rowWeight?.positive ?? 1
  // Per-row 1 / (2 C_i): the squared-hinge dual's diagonal term (LIBLINEAR's per-class C).
  const diagNeg = 0.5 / (C * wNeg)
  const diagPos = 0.5 / (C * wPos)
  const qd = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let s = (y[i] === 1 ? diagPos : diagNeg) + B * B
    for (let p = indptr[i]!; p < indptr[i + 1]!; p++) {
      const v = scale ? data[p]! * scale[indices[p]!]! : data[p]!
      s += v * v
    }
    qd[i] = s
  }
  const index = Int32Array.from({ length: n }, (_, i) => i)
  const rng = createRng(opts.seed ?? 0)
  let active = n
  let pgMaxOld = Infinity
  let pgMinOld = -Infinity
  for (let iter = 0; iter < maxIter; iter++) {
    let pgMax = -Infinity
    let pgMin = Infinity
    for (let s = active - 1; s > 0; s--) {
      const j = rng.int(s + 1)
      const t = index[s]!
      index[s] = index[j]!
      index[j] = t
    }
    for (let s = 0; s < active; s++) {
      const i = index[s]!
      const yi = y[i]!
      const a = indptr[i]!
      const b = indptr[i + 1]!
      let dot = w[F]! * B
      if (scale) for (let p = a; p < b; p++) dot += w[indices[p]!]! * data[p]! * scale[indices[p]!]!
      else for (let p = a; p < b; p++) dot += w[indices[p]!]! * data[p]!
      const G = yi * dot - 1 + alpha[i]! * (yi === 1 ? diagPos : diagNeg)
      let PG = 0
      if (alpha[i] === 0) {
        if (G > pgMaxOld) {
          // Shrinking: this point sits comfortably outside the margin; drop it until the final check.
          active--
          index[s] = index[active]!
          index[active] = i
          s--
          continue
        }
        if (G < 0) PG = G
      } else PG = G
      if (PG > pgMax) pgMax = PG
      if (PG < pgMin) pgMin = PG
      if (Math.abs(PG) > 1e-12) {
        const old = alpha[i]!
        const next = Math.max(old - G / qd[i]!, 0)
        alpha[i] = next
        const d = (next - old) * yi
        if (scale) for (let p = a; p < b; p++) w[indices[p]!]! += d * data[p]! * scale[indices[p]!]!
        else for (let p = a; p < b; p++) w[indices[p]!]! += d * data[p]!
        w[F]! += d * B
      }
    }
    if (pgMax - pgMin <= eps) {
      if (active === n) break
      active = n
      pgMaxOld = Infinity
      pgMinOld = -Infinity
      continue
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax
    pgMinOld = pgMin >= 0 ? -Infinity : pgMin
  }
  void pgMinOld
  if (scale) for (let j = 0; j < F; j++) w[j]! *= scale[j]!
  w[F]! *= B
  return w
}

/**
 * Multi-class linear SVM: one binary problem per class (one-vs-rest), or a single problem when K = 2.
 * labels[i] in 0..K-1. Cost: K binary solves. Scores are margins; probabilities need a fitted temperature.
 */
export function trainLinearSvm(X: Csr, labels: Int32Array, nClasses: number, opts: LinearSvmOptions = {}): LinearModel {
  const w = opts.classWeight === 'balanced' ? balancedClassWeights(labels, nClasses) : null
  return packOneVsRest(
    oneVsRest(X, labels, nClasses, (y, k) => {
      if (!w) return trainBinarySvm(X, y, opts)
      // As LIBLINEAR: two classes keep both weights; one-vs-rest weights the class's own rows, the rest keep C.
      const negative = nClasses === 2 ? w[0]! : 1
      return trainBinarySvm(X, y, { ...opts, rowWeight: { positive: w[k]!, negative } })
    }),
    nClasses,
    X.cols,
  )
}

/** n / (K · n_k) for each class k (a class absent from the rows gets 1). */
export function balancedClassWeights(labels: Int32Array, nClasses: number): Float64Array {
  const counts = new Float64Array(nClasses)
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++
  return Float64Array.from(counts, (c) => (c > 0 ? labels.length / (nClasses * c) : 1))
}

/** Runs `solve` for each one-vs-rest problem (once for a binary task, with class 1 positive). */
export function oneVsRest(X: Csr, labels: Int32Array, nClasses: number, solve: (y: Int8Array, k: number) => Float64Array): Float64Array[] {
  const ks = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, k) => k)
  return ks.map((k) => {
    const y = new Int8Array(X.rows)
    for (let i = 0; i < X.rows; i++) y[i] = labels[i] === k ? 1 : -1
    return solve(y, k)
  })
}
