import type { DenseMatrix } from './dense-matrix.ts'

export interface Standardiser {
  means: Float64Array
  /** Population standard deviations; 1 for constant columns so they map to 0 rather than NaN. */
  scales: Float64Array
}

/** Column means and population standard deviations (as scikit-learn's StandardScaler). O(n·d). */
export function fitStandardiser(x: DenseMatrix): Standardiser {
  const { rows: n, cols: d, data } = x
  const means = new Float64Array(d)
  const scales = new Float64Array(d)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) means[j] = (means[j] as number) + (data[i * d + j] as number)
  for (let j = 0; j < d; j++) means[j] = n > 0 ? (means[j] as number) / n : 0
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const c = (data[i * d + j] as number) - (means[j] as number)
      scales[j] = (scales[j] as number) + c * c
    }
  }
  for (let j = 0; j < d; j++) {
    const s = n > 0 ? Math.sqrt((scales[j] as number) / n) : 0
    scales[j] = s > 1e-12 ? s : 1
  }
  return { means, scales }
}

/** (x − mean) / scale column-wise, into a new matrix. */
export function standardise(x: DenseMatrix, s: Standardiser = fitStandardiser(x)): DenseMatrix {
  const { rows: n, cols: d, data } = x
  const out = new Float64Array(n * d)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[i * d + j] = ((data[i * d + j] as number) - (s.means[j] as number)) / (s.scales[j] as number)
  }
  return { rows: n, cols: d, data: out }
}

/** Maps standardised points (e.g. centroids) back to original units. */
export function unstandardise(x: DenseMatrix, s: Standardiser): DenseMatrix {
  const { rows: n, cols: d, data } = x
  const out = new Float64Array(n * d)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[i * d + j] = (data[i * d + j] as number) * (s.scales[j] as number) + (s.means[j] as number)
  }
  return { rows: n, cols: d, data: out }
}
