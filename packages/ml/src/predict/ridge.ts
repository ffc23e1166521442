import type { Matrix } from '../data/pipeline.ts'
import { polynomialFeatures } from './polynomial.ts'

export interface RidgeOptions {
  /** L2 penalty on the weights (intercept not penalised). Default 1. */
  alpha?: number
  /** Expand inputs to all monomials up to this degree first (polynomial ridge). Default 1. */
  degree?: number
}

export interface RidgeModel {
  type: 'ridge'
  degree: number
  intercept: number
  weights: number[]
}

/**
 * Ridge (and polynomial ridge) regression in closed form: centre X and y, solve (XᵀX + αI) w = Xᵀy by
 * Cholesky, intercept = ȳ − x̄·w (Hoerl & Kennard 1970). Cost O(rows × p² + p³) on the expanded features.
 */
export function fitRidge(X: Matrix, y: ArrayLike<number>, options: RidgeOptions = {}): RidgeModel {
  const degree = options.degree ?? 1
  const Z = degree > 1 ? polynomialFeatures(X, degree) : X
  const { rows: n, cols: p, data } = Z
  const alpha = options.alpha ?? 1
  const means = new Float64Array(p)
  let ym = 0
  for (let i = 0; i < n; i++) {
    ym += y[i] as number
    for (let j = 0; j < p; j++) means[j] = (means[j] as number) + (data[i * p + j] as number)
  }
  ym /= n
  for (let j = 0; j < p; j++) means[j] = (means[j] as number) / n
  const A = new Float64Array(p * p)
  const b = new Float64Array(p)
  for (let i = 0; i < n; i++) {
    const yi = (y[i] as number) - ym
    for (let j = 0; j < p; j++) {
      const xj = (data[i * p + j] as number) - (means[j] as number)
      b[j] = (b[j] as number) + xj * yi
      for (let k = 0; k <= j; k++) A[j * p + k] = (A[j * p + k] as number) + xj * ((data[i * p + k] as number) - (means[k] as number))
    }
  }
  for (let j = 0; j < p; j++) {
    A[j * p + j] = (A[j * p + j] as number) + alpha
    for (let k = 0; k < j; k++) A[k * p + j] = A[j * p + k] as number
  }
  const w = choleskySolve(A, b, p)
  let intercept = ym
  for (let j = 0; j < p; j++) intercept -= (w[j] as number) * (means[j] as number)
  return { type: 'ridge', degree, intercept, weights: Array.from(w) }
}

export function ridgePredict(model: RidgeModel, X: Matrix): Float64Array {
  const Z = model.degree > 1 ? polynomialFeatures(X, model.degree) : X
  const out = new Float64Array(Z.rows)
  for (let i = 0; i < Z.rows; i++) {
    let s = model.intercept
    for (let j = 0; j < Z.cols; j++) s += (model.weights[j] ?? 0) * (Z.data[i * Z.cols + j] as number)
    out[i] = s
  }
  return out
}

/** Solves A x = b for symmetric positive-definite A (row-major p×p). A tiny jitter guards a singular A. */
export function choleskySolve(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p)
  for (let j = 0; j < p; j++) {
    let s = A[j * p + j] as number
    for (let k = 0; k < j; k++) s -= (L[j * p + k] as number) ** 2
    const diag = Math.sqrt(Math.max(s, 1e-12))
    L[j * p + j] = diag
    for (let i = j + 1; i < p; i++) {
      let t = A[i * p + j] as number
      for (let k = 0; k < j; k++) t -= (L[i * p + k] as number) * (L[j * p + k] as number)
      L[i * p + j] = t / diag
    }
  }
  const z = new Float64Array(p)
  for (let i = 0; i < p; i++) {
    let s = b[i] as number
    for (let k = 0; k < i; k++) s -= (L[i * p + k] as number) * (z[k] as number)
    z[i] = s / (L[i * p + i] as number)
  }
  const x = new Float64Array(p)
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i] as number
    for (let k = i + 1; k < p; k++) s -= (L[k * p + i] as number) * (x[k] as number)
    x[i] = s / (L[i * p + i] as number)
  }
  return x
}
