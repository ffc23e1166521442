import type { Matrix } from '../data/pipeline.ts'

/**
 * Exact additive contributions of a linear model to one row's margin: cⱼ = wⱼ (xⱼ − x̄ⱼ), so that
 * Σ cⱼ + (b + w·x̄) = b + w·x. Against the training means x̄ these are the model's exact Shapley values under
 * feature independence (Lundberg & Lee 2017, §"Linear SHAP"). O(features). Returns the base value too.
 */
export function linearContributions(
  intercept: number,
  weights: readonly number[],
  means: readonly number[],
  X: Matrix,
  row: number,
): { base: number; contributions: Float64Array } {
  const c = new Float64Array(X.cols)
  let base = intercept
  for (let j = 0; j < X.cols; j++) {
    const w = weights[j] ?? 0
    const m = means[j] ?? 0
    base += w * m
    c[j] = w * ((X.data[row * X.cols + j] as number) - m)
  }
  return { base, contributions: c }
}

/** Column means of a matrix (the x̄ that linear contributions are measured against). */
export function columnMeans(X: Matrix): number[] {
  const out = new Float64Array(X.cols)
  for (let i = 0; i < X.rows; i++) for (let j = 0; j < X.cols; j++) out[j] = (out[j] as number) + (X.data[i * X.cols + j] as number)
  return Array.from(out, (s) => (X.rows ? s / X.rows : 0))
}
