import type { DenseMatrix } from './dense-matrix.ts'

export interface ClusterProfile {
  cluster: number
  size: number
  share: number
  /** Mean of each feature over the cluster, in the units of the matrix given. */
  centroid: number[]
  /** Features whose cluster mean differs most from the overall mean, in overall standard deviations. */
  distinguishing: Array<{ feature: string; z: number; clusterMean: number; overallMean: number }>
}

/**
 * Describes clusters in original units: size, share, mean per feature, and the `top` features whose
 * cluster mean is furthest from the overall mean measured in overall (population) standard deviations.
 * Noise (label −1) is skipped. O(n·d).
 */
export function clusterProfiles(x: DenseMatrix, labels: Int32Array, features: string[], top = 3): ClusterProfile[] {
  const { rows: n, cols: d, data } = x
  let k = 0
  for (let i = 0; i < n; i++) k = Math.max(k, (labels[i] as number) + 1)
  const sums = new Float64Array(k * d)
  const sizes = new Int32Array(k)
  const mean = new Float64Array(d)
  const sq = new Float64Array(d)
  for (let i = 0; i < n; i++) {
    const l = labels[i] as number
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j] as number
      mean[j] = (mean[j] as number) + v
      sq[j] = (sq[j] as number) + v * v
      if (l >= 0) sums[l * d + j] = (sums[l * d + j] as number) + v
    }
    if (l >= 0) sizes[l] = (sizes[l] as number) + 1
  }
  const std = new Float64Array(d)
  for (let j = 0; j < d; j++) {
    mean[j] = (mean[j] as number) / n
    std[j] = Math.sqrt(Math.max(0, (sq[j] as number) / n - (mean[j] as number) ** 2))
  }
  const out: ClusterProfile[] = []
  for (let c = 0; c < k; c++) {
    const size = sizes[c] as number
    if (size === 0) continue
    const centroid = Array.from({ length: d }, (_, j) => (sums[c * d + j] as number) / size)
    const distinguishing = centroid
      .map((m, j) => ({
        feature: features[j] ?? `f${j + 1}`,
        z: (std[j] as number) > 0 ? (m - (mean[j] as number)) / (std[j] as number) : 0,
        clusterMean: m,
        overallMean: mean[j] as number,
      }))
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .slice(0, top)
    out.push({ cluster: c, size, share: size / n, centroid, distinguishing })
  }
  return out
}
