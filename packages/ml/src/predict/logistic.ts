import type { Matrix } from '../data/pipeline.ts'
import { minimizeLbfgs } from '../optimize/lbfgs.ts'
import { choleskySolve } from './ridge.ts'

export interface LogisticOptions {
  /** Inverse regularisation strength as in scikit-learn: minimise ½‖w‖² + C Σ weightᵢ lossᵢ. Default 1. */
  C?: number
  /** 'balanced' reweights classes to equal total weight; or explicit weights per class. Default none. */
  classWeight?: 'balanced' | { negative: number; positive: number }
  maxIterations?: number
  /** 'newton' (IRLS with a line search) costs O(rows × p²) per step and converges in ~10 steps; 'lbfgs'
   * O(rows × p) per step but needs many on correlated inputs. 'auto' (default): Newton up to 300 features. */
  solver?: 'auto' | 'newton' | 'lbfgs'
}

/** A fitted logistic regression: P(y=1|x) = σ(b + w·x). */
export interface LogisticModel {
  type: 'logistic'
  /** The regularisation used, when it was chosen automatically. */
  C?: number
  intercept: number
  weights: number[]
}

/**
 * L2-regularised logistic regression fitted by L-BFGS on the exact objective of scikit-learn's
 * `LogisticRegression(penalty='l2', C)` (intercept not penalised), with optional class weights.
 * Cost O(iterations × rows × features).
 */
export function fitLogistic(X: Matrix, y: ArrayLike<number>, options: LogisticOptions = {}): LogisticModel {
  const { rows: n, cols: p, data } = X
  const C = options.C ?? 1
  const sw = sampleWeights(y, options.classWeight)
  let total = 0
  for (let i = 0; i < n; i++) total += sw[i] as number
  // Divide the objective by the total weight: same optimum, but a gradient tolerance that means the same on
  // 100 rows as on a million (scikit-learn scales its lbfgs objective the same way).
  const scale = 1 / Math.max(total, 1e-12)
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    const b = theta[p] as number
    let loss = 0
    grad.fill(0)
    for (let i = 0; i < n; i++) {
      let s = b
      const off = i * p
      for (let j = 0; j < p; j++) s += (theta[j] as number) * (data[off + j] as number)
      const yi = y[i] as number
      // log(1 + e^s) − y s, computed stably.
      const l = s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))
      const w = sw[i] as number
      loss += w * (l - yi * s)
      const r = w * (sigmoid(s) - yi) * C * scale
      for (let j = 0; j < p; j++) grad[j] = (grad[j] as number) + r * (data[off + j] as number)
      grad[p] = (grad[p] as number) + r
    }
    let reg = 0
    for (let j = 0; j < p; j++) {
      const t = theta[j] as number
      reg += t * t
      grad[j] = (grad[j] as number) + t * scale
    }
    return (C * loss + 0.5 * reg) * scale
  }
  const solver = options.solver ?? 'auto'
  const x =
    solver === 'newton' || (solver === 'auto' && p <= 300)
      ? newton(X, y, sw, C * scale, scale, objective, options.maxIterations ?? 100)
      : minimizeLbfgs(objective, new Float64Array(p + 1), { maxIter: options.maxIterations ?? 1000, gtol: 1e-6 }).x
  return { type: 'logistic', intercept: x[p] as number, weights: Array.from(x.subarray(0, p)) }
}

/**
 * Newton's method on the scaled objective: Hessian = a·Xᵀ diag(w p(1−p)) X + b·I (intercept unpenalised),
 * solved by Cholesky, with step halving until the objective decreases.
 */
function newton(
  X: Matrix,
  y: ArrayLike<number>,
  sw: Float64Array,
  a: number,
  b: number,
  objective: (theta: Float64Array, grad: Float64Array) => number,
  maxIterations: number,
): Float64Array {
  const { rows: n, cols: p, data } = X
  const d = p + 1
  let theta = new Float64Array(d)
  const grad = new Float64Array(d)
  let f = objective(theta, grad)
  const H = new Float64Array(d * d)
  const trial = new Float64Array(d)
  const trialGrad = new Float64Array(d)
  // The Hessian sums w·x xᵀ over rows; one-hot, spline-hinge and indicator columns are mostly 0, so each row
  // is visited through its non-zero entries (ascending, intercept last): O(nnz²) instead of O(p²) per row.
  // Skipped products are ±0 and adding them leaves a sum unchanged, so H is bit for bit the dense one.
  const nzIndex = new Int32Array(d)
  const nzValue = new Float64Array(d)
  for (let iter = 0; iter < maxIterations; iter++) {
    let gmax = 0
    for (const v of grad) gmax = Math.max(gmax, Math.abs(v))
    if (gmax < 1e-9) break
    H.fill(0)
    for (let i = 0; i < n; i++) {
      let s = theta[p] as number
      let nnz = 0
      for (let j = 0; j < p; j++) {
        const v = data[i * p + j] as number
        s += (theta[j] as number) * v
        if (v !== 0) {
          nzIndex[nnz] = j
          nzValue[nnz++] = v
        }
      }
      nzIndex[nnz] = p
      nzValue[nnz++] = 1
      const q = sigmoid(s)
      const w = a * (sw[i] as number) * q * (1 - q)
      if (w < 1e-300) continue
      for (let t = 0; t < nnz; t++) {
        const wj = w * (nzValue[t] as number)
        if (wj === 0) continue
        const rowOff = (nzIndex[t] as number) * d
        for (let u = 0; u <= t; u++) {
          const at = rowOff + (nzIndex[u] as number)
          H[at] = (H[at] as number) + wj * (nzValue[u] as number)
        }
      }
    }
    for (let j = 0; j < d; j++) {
      if (j < p) H[j * d + j] = (H[j * d + j] as number) + b
      for (let k = 0; k < j; k++) H[k * d + j] = H[j * d + k] as number
    }
    const step = choleskySolve(H, grad, d)
    let t = 1
    let fNew = Infinity
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < d; j++) trial[j] = (theta[j] as number) - t * (step[j] as number)
      fNew = objective(trial, trialGrad)
      if (fNew <= f) break
      t *= 0.5
    }
    if (!(fNew <= f)) break
    const done = f - fNew <= 1e-12 * Math.max(1, Math.abs(f))
    theta = Float64Array.from(trial)
    grad.set(trialGrad)
    f = fNew
    if (done) break
  }
  return theta
}

/** Per-row weights for a class-weight option (1 everywhere when none). */
export function sampleWeights(y: ArrayLike<number>, classWeight: LogisticOptions['classWeight']): Float64Array {
  const n = y.length
  const w = new Float64Array(n).fill(1)
  if (!classWeight) return w
  let pos = 0
  for (let i = 0; i < n; i++) pos += (y[i] as number) === 1 ? 1 : 0
  const wp = classWeight === 'balanced' ? n / (2 * Math.max(1, pos)) : classWeight.positive
  const wn = classWeight === 'balanced' ? n / (2 * Math.max(1, n - pos)) : classWeight.negative
  for (let i = 0; i < n; i++) w[i] = (y[i] as number) === 1 ? wp : wn
  return w
}

/** Log-odds b + w·x of every row. O(rows × features). */
export function logisticMargin(model: LogisticModel, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows)
  for (let i = 0; i < X.rows; i++) {
    let s = model.intercept
    for (let j = 0; j < X.cols; j++) s += (model.weights[j] ?? 0) * (X.data[i * X.cols + j] as number)
    out[i] = s
  }
  return out
}

/** P(y=1) for every row. */
export function logisticPredictProba(model: LogisticModel, X: Matrix): Float64Array {
  const m = logisticMargin(model, X)
  for (let i = 0; i < m.length; i++) m[i] = sigmoid(m[i] as number)
  return m
}

export function sigmoid(s: number): number {
  return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s))
}
