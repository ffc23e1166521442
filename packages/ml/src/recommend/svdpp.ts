import { createRng } from '../random.ts'
import type { Interactions } from './types.ts'
import { ratingScale, userItemMatrix } from './interactions.ts'
import { SvdModel, gaussianMatrix, reshuffle } from './svd.ts'

export interface SvdppOptions {
  /** Latent factors. Default 40. */
  factors?: number
  /** SGD passes. Default 25. */
  epochs?: number
  /** Learning rate. Default 0.02. */
  lr?: number
  /** L2 regularisation of p, q and y. Default 0.1. */
  reg?: number
  /** L2 regularisation of biases. Default 0.02. */
  regBias?: number
  /** Multiplicative learning-rate decay per epoch. Default 0.96. */
  decay?: number
  /** Standard deviation of the initial factors. Default 0.1. */
  initStd?: number
  seed?: number
}

/**
 * SVD++ (Koren 2008, "Factorization meets the neighborhood", eq. 15): r̂ = μ + b_u + b_i + q_iᵀ(p_u + |N(u)|^-½
 * Σ_{j∈N(u)} y_j), N(u) the items u rated in training. SGD visits users in a fresh seeded order and each user's
 * ratings in turn; the implicit vectors y_j receive the summed gradient of the user's ratings once per user
 * instead of after every rating (the usual speed-up: per-rating updates cost O(|N(u)|·f) each). Cost
 * O(epochs · nnz · f). Returns an SvdModel of kind 'svdpp' whose user vectors are the effective p_u + Σ y term.
 */
export function fitSvdpp(data: Interactions, opts: SvdppOptions = {}): SvdModel {
  const f = opts.factors ?? 40
  const epochs = opts.epochs ?? 25
  let lr = opts.lr ?? 0.02
  const reg = opts.reg ?? 0.1
  const regB = opts.regBias ?? 0.02
  const decay = opts.decay ?? 0.96
  const rng = createRng(opts.seed ?? 0)
  const { mean, min, max } = ratingScale(data)
  const m = userItemMatrix(data)
  const bu = new Float64Array(data.nUsers)
  const bi = new Float64Array(data.nItems)
  const p = gaussianMatrix(data.nUsers, f, opts.initStd ?? 0.1, rng)
  const q = gaussianMatrix(data.nItems, f, opts.initStd ?? 0.1, rng)
  const y = gaussianMatrix(data.nItems, f, opts.initStd ?? 0.1, rng)
  const z = new Float64Array(data.nUsers * f)
  const acc = new Float64Array(f)
  const userOrder = Int32Array.from({ length: data.nUsers }, (_, u) => u)
  for (let e = 0; e < epochs; e++) {
    reshuffle(userOrder, rng)
    for (let t = 0; t < userOrder.length; t++) {
      userStep(userOrder[t]!, m.indptr, m.indices, m.data, mean, bu, bi, p, q, y, z, acc, f, lr, reg, regB)
    }
    lr *= decay
  }
  for (let u = 0; u < data.nUsers; u++) effectiveUser(u, m.indptr, m.indices, p, y, z, f)
  return new SvdModel('svdpp', f, mean, bu, bi, z, q, min, max)
}

/** z_u = p_u + |N(u)|^-½ Σ_{j∈N(u)} y_j. */
function effectiveUser(u: number, indptr: Int32Array, indices: Int32Array, p: Float64Array, y: Float64Array, z: Float64Array, f: number): void {
  const start = indptr[u]!
  const end = indptr[u + 1]!
  const norm = end > start ? 1 / Math.sqrt(end - start) : 0
  const zu = u * f
  for (let c = 0; c < f; c++) z[zu + c] = 0
  for (let k = start; k < end; k++) {
    const yj = indices[k]! * f
    for (let c = 0; c < f; c++) z[zu + c]! += y[yj + c]!
  }
  for (let c = 0; c < f; c++) z[zu + c] = p[zu + c]! + norm * z[zu + c]!
}

function userStep(
  u: number,
  indptr: Int32Array,
  indices: Int32Array,
  values: Float64Array,
  mean: number,
  bu: Float64Array,
  bi: Float64Array,
  p: Float64Array,
  q: Float64Array,
  y: Float64Array,
  z: Float64Array,
  acc: Float64Array,
  f: number,
  lr: number,
  reg: number,
  regB: number,
): void {
  const start = indptr[u]!
  const end = indptr[u + 1]!
  if (end === start) return
  effectiveUser(u, indptr, indices, p, y, z, f)
  const zu = u * f
  acc.fill(0)
  const shrink = 1 - lr * reg
  for (let k = start; k < end; k++) {
    const i = indices[k]!
    const qi = i * f
    let dot = 0
    for (let c = 0; c < f; c++) dot += q[qi + c]! * z[zu + c]!
    const err = values[k]! - mean - bu[u]! - bi[i]! - dot
    bu[u]! += lr * (err - regB * bu[u]!)
    bi[i]! += lr * (err - regB * bi[i]!)
    const g = lr * err
    for (let c = 0; c < f; c++) {
      const a = p[zu + c]!
      const b = q[qi + c]!
      const zc = z[zu + c]!
      acc[c]! += err * b
      const na = shrink * a + g * b
      p[zu + c] = na
      q[qi + c] = shrink * b + g * zc
      z[zu + c] = zc + (na - a)
    }
  }
  // The summed per-rating gradient of each y_j, lr·|N|^-½ Σ err·q_i, and the decay the |N| per-rating
  // regularisation steps would have applied, (1 − lr·reg)^|N| (a linear 1 − |N|·lr·reg goes negative for
  // heavy users).
  const n = end - start
  const g = lr / Math.sqrt(n)
  const yShrink = Math.pow(1 - lr * reg, n)
  for (let k = start; k < end; k++) {
    const yj = indices[k]! * f
    for (let c = 0; c < f; c++) y[yj + c] = yShrink * y[yj + c]! + g * acc[c]!
  }
}
