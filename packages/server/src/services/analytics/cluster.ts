import { chooseK, clusterProfiles, dbscan, kMeans, silhouetteScore, standardise, type DenseMatrix } from '@rapport/ml'
import { UsageError } from '../../errors/rapport-error.ts'

export interface ClusterOptions {
  features: string[]
  algo: 'kmeans' | 'dbscan'
  /** A fixed k, or 'auto' (silhouette over 2..maxK). */
  k: number | 'auto'
  seed: number
  restarts: number
  maxIterations: number
  tolerance: number
  maxK: number
  eps: number
  minPoints: number
  standardise: boolean
  sampleSize: number
}

/**
 * k-means (fixed or automatic k) or DBSCAN on a numeric matrix (one column per feature), with the silhouette
 * over clustered rows and profiles in original units.
 */
export function clusterAnalysis(raw: DenseMatrix, o: ClusterOptions) {
  const n = raw.rows
  const x = o.standardise ? standardise(raw) : raw
  const t0 = performance.now()
  let labels: Int32Array
  let k: number
  let extra: Record<string, unknown> = {}
  if (o.algo === 'dbscan') {
    const r = dbscan(x, { eps: o.eps, minPoints: o.minPoints })
    labels = r.labels
    k = r.clusters
    extra = { eps: o.eps, minPoints: o.minPoints, noise: r.noise }
  } else {
    const common = { seed: o.seed, restarts: o.restarts, maxIterations: o.maxIterations, tolerance: o.tolerance }
    if (o.k === 'auto') {
      const auto = chooseK(x, { ...common, maxK: o.maxK, sampleSize: o.sampleSize })
      labels = auto.best.labels
      k = auto.best.k
      extra = { inertia: auto.best.inertia, iterations: auto.best.iterations, candidates: auto.scores }
    } else {
      if (o.k > n) throw new UsageError(`--k ${o.k} exceeds the ${n} rows`)
      const fit = kMeans(x, { ...common, k: o.k })
      labels = fit.labels
      k = o.k
      extra = { inertia: fit.inertia, iterations: fit.iterations }
    }
  }
  const silhouette = k >= 2 ? silhouetteWithoutNoise(x, labels, k, o.sampleSize, o.seed) : null
  const seconds = (performance.now() - t0) / 1000
  const profiles = clusterProfiles(raw, labels, o.features)
  return { labels, summary: { algo: o.algo, rows: n, features: o.features, standardised: o.standardise, k, silhouette, seconds, ...extra, profiles } }
}

/** Silhouette over the clustered rows only: DBSCAN noise (label −1) is not a cluster. */
function silhouetteWithoutNoise(x: DenseMatrix, labels: Int32Array, k: number, sampleSize: number, seed: number): number {
  const keep: number[] = []
  for (let i = 0; i < labels.length; i++) if ((labels[i] as number) >= 0) keep.push(i)
  if (keep.length === labels.length) return silhouetteScore(x, labels, k, { sampleSize, seed })
  const d = x.cols
  const data = new Float64Array(keep.length * d)
  keep.forEach((i, r) => data.set(x.data.subarray(i * d, i * d + d), r * d))
  return silhouetteScore({ rows: keep.length, cols: d, data }, Int32Array.from(keep, (i) => labels[i] as number), k, { sampleSize, seed })
}
