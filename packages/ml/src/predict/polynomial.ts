import type { Matrix } from '../data/pipeline.ts'

/**
 * All monomials of the inputs of degree 1..`degree` (combinations with repetition, no constant), in
 * scikit-learn's PolynomialFeatures order: x1, x2, x1², x1x2, x2², … Output width C(p + d, d) − 1.
 * Cost O(rows × output width).
 */
export function polynomialFeatures(X: Matrix, degree: number): Matrix {
  const terms: number[][] = []
  const grow = (prefix: number[], start: number, left: number): void => {
    for (let j = start; j < X.cols; j++) {
      const t = [...prefix, j]
      terms.push(t)
      if (left > 1) grow(t, j, left - 1)
    }
  }
  for (let d = 1; d <= degree; d++) {
    const before = terms.length
    grow([], 0, d)
    // keep only terms of exactly degree d from this pass
    const fresh = terms.splice(before).filter((t) => t.length === d)
    terms.push(...fresh)
  }
  const cols = terms.length
  const data = new Float64Array(X.rows * cols)
  for (let i = 0; i < X.rows; i++) {
    for (let c = 0; c < cols; c++) {
      let v = 1
      for (const j of terms[c] as number[]) v *= X.data[i * X.cols + j] as number
      data[i * cols + c] = v
    }
  }
  return { rows: X.rows, cols, data }
}
