import type { Csr } from '../sparse/csr.ts'
import { minimizeLbfgs, type MinimizeLbfgsOptions } from '../optimize/lbfgs.ts'
import { packOneVsRest, type LinearModel } from './linear-model.ts'
import { balancedClassWeights } from './linear-svm.ts'

export interface SparseLogisticOptions extends MinimizeLbfgsOptions {
  /** Inverse L2 strength: minimises C · Σ log-loss + ½‖W‖² (bias not penalised). Default 10. */
  C?: number
  /** 'balanced': row i's loss is weighted by n / (K · n_{y_i}) (scikit-learn's class_weight='balanced'). */
  classWeight?: 'balanced'
}

/**
 * L2-regularised logistic regression trained by L-BFGS: binary (one weight vector, sigmoid) when K = 2,
 * multinomial (softmax over K weight vectors) otherwise. Minimises C · Σ_i −log p(y_i | x_i) + ½‖W‖².
 * Each evaluation costs O(nnz · K'), K' = 1 for binary. labels[i] in 0..K-1.
 */
export function trainLogistic(X: Csr, labels: Int32Array, nClasses: number, opts: SparseLogisticOptions = {}): LinearModel {
  const C = opts.C ?? 10
  const F = X.cols
  const K = nClasses === 2 ? 1 : nClasses
  const { indptr, indices, data } = X
  const nW = F * K
  const scores = new Float64Array(K)
  const classW = opts.classWeight === 'balanced' ? balancedClassWeights(labels, nClasses) : null
  const fg = (x: Float64Array, g: Float64Array): number => {
    g.fill(0)
    let loss = 0
    for (let i = 0; i < X.rows; i++) {
      const a = indptr[i]!
      const b = indptr[i + 1]!
      for (let k = 0; k < K; k++) scores[k] = x[nW + k]!
      for (let p = a; p < b; p++) {
        const base = indices[p]! * K
        const v = data[p]!
        for (let k = 0; k < K; k++) scores[k]! += v * x[base + k]!
      }
      const y = labels[i]!
      const wi = classW ? classW[y]! : 1
      if (K === 1) {
        const s = y === 1 ? scores[0]! : -scores[0]!
        // log(1 + e^{-s}) computed stably; derivative wrt the score is -σ(-s) times the sign.
        loss += wi * (s > 0 ? Math.log1p(Math.exp(-s)) : -s + Math.log1p(Math.exp(s)))
        const sig = 1 / (1 + Math.exp(s))
        scores[0] = y === 1 ? -sig : sig
      } else {
        let max = -Infinity
        for (let k = 0; k < K; k++) if (scores[k]! > max) max = scores[k]!
        let z = 0
        for (let k = 0; k < K; k++) z += Math.exp(scores[k]! - max)
        loss += wi * (max + Math.log(z) - scores[y]!)
        for (let k = 0; k < K; k++) scores[k] = Math.exp(scores[k]! - max) / z
        scores[y]! -= 1
      }
      for (let k = 0; k < K; k++) scores[k]! *= C * wi
      for (let p = a; p < b; p++) {
        const base = indices[p]! * K
        const v = data[p]!
        for (let k = 0; k < K; k++) g[base + k]! += v * scores[k]!
      }
      for (let k = 0; k < K; k++) g[nW + k]! += scores[k]!
    }
    let reg = 0
    for (let j = 0; j < nW; j++) {
      reg += x[j]! * x[j]!
      g[j]! += x[j]!
    }
    return C * loss + 0.5 * reg
  }
  const res = minimizeLbfgs(fg, new Float64Array(nW + K), { maxIter: 300, gtol: 1e-5, ...opts })
  const x = res.x
  if (K === 1) {
    const w = new Float64Array(F + 1)
    w.set(x.subarray(0, F))
    w[F] = x[nW]!
    return packOneVsRest([w], 2, F)
  }
  return { nClasses: K, nFeatures: F, coef: x.slice(0, nW), bias: x.slice(nW, nW + K), temperature: 1 }
}
