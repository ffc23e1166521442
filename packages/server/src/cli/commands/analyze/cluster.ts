import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { writeFileSync } from 'node:fs'
import { chooseK, clusterProfiles, dbscan, kMeans, silhouetteScore, standardise, type DenseMatrix } from '@rapport/ml'
import { numericColumn, readTable } from '../../../io/read-table.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'

interface ClusterFlags {
  file: string
  features: string
  k: string
  algo: string
  seed: number
  restarts: number
  maxIter: number
  tolerance: number
  maxK: number
  eps: number
  minPoints: number
  standardise: boolean
  sampleSize: number
  out?: string
  json?: boolean
}

/** `rapport analyze cluster`: k-means (fixed or automatic k) or DBSCAN on chosen numeric columns. */
export function registerCluster(analyze: Command): void {
  withTableOptions(
    analyze
      .command('cluster')
      .description('cluster rows on numeric features (k-means with k-means++ and restarts, automatic k by silhouette, or DBSCAN); profiles in original units')
      .requiredOption('--file <file>', 'input table')
      .requiredOption('--features <list>', 'comma-separated numeric columns')
      .option('--k <n|auto>', 'number of clusters, or auto (silhouette over 2..--max-k)', 'auto')
      .option('--algo <name>', 'kmeans or dbscan', 'kmeans')
      .option('--seed <n>', 'random seed', numberOption('--seed'), 0)
      .option('--restarts <n>', 'k-means++ restarts', numberOption('--restarts'), 4)
      .option('--max-iter <n>', 'Lloyd iterations per restart', numberOption('--max-iter'), 300)
      .option('--tolerance <x>', 'relative centre-shift tolerance', numberOption('--tolerance'), 1e-4)
      .option('--max-k <n>', 'largest k tried by --k auto', numberOption('--max-k'), 10)
      .option('--eps <x>', 'DBSCAN radius (in standardised units unless --no-standardise)', numberOption('--eps'), 0.5)
      .option('--min-points <n>', 'DBSCAN core-point neighbourhood size', numberOption('--min-points'), 5)
      .option('--no-standardise', 'cluster raw values instead of z-scores')
      .option('--sample-size <n>', 'points used for the silhouette', numberOption('--sample-size'), 2000)
      .option('--out <file.csv>', 'write each row’s cluster label to a CSV file')
      .option('--json', 'print one JSON object'),
  ).action(async (flags: ClusterFlags & Record<string, unknown>) => {
    const features = flags.features.split(',').map((f) => f.trim()).filter((f) => f !== '')
    if (features.length === 0) throw new UsageError('--features needs at least one column')
    if (flags.algo !== 'kmeans' && flags.algo !== 'dbscan') throw new UsageError(`--algo must be kmeans or dbscan, got "${flags.algo}"`)
    const table = await readTable(flags.file, tableOptions(flags))
    const cols = features.map((f) => numericColumn(table, f))
    const n = table.rows.length
    const d = features.length
    const raw: DenseMatrix = { rows: n, cols: d, data: new Float64Array(n * d) }
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) raw.data[i * d + j] = (cols[j] as Float64Array)[i] as number
    const x = flags.standardise ? standardise(raw) : raw
    const t0 = performance.now()
    let labels: Int32Array
    let k: number
    let extra: Record<string, unknown> = {}
    if (flags.algo === 'dbscan') {
      const r = dbscan(x, { eps: flags.eps, minPoints: flags.minPoints })
      labels = r.labels
      k = r.clusters
      extra = { eps: flags.eps, minPoints: flags.minPoints, noise: r.noise }
    } else {
      const common = { seed: flags.seed, restarts: flags.restarts, maxIterations: flags.maxIter, tolerance: flags.tolerance }
      if (flags.k === 'auto') {
        const auto = chooseK(x, { ...common, maxK: flags.maxK, sampleSize: flags.sampleSize })
        labels = auto.best.labels
        k = auto.best.k
        extra = { inertia: auto.best.inertia, iterations: auto.best.iterations, candidates: auto.scores }
      } else {
        const kk = Number(flags.k)
        if (!Number.isInteger(kk) || kk < 1) throw new UsageError(`--k must be a positive integer or auto, got "${flags.k}"`)
        if (kk > n) throw new UsageError(`--k ${kk} exceeds the ${n} rows`)
        const fit = kMeans(x, { ...common, k: kk })
        labels = fit.labels
        k = kk
        extra = { inertia: fit.inertia, iterations: fit.iterations }
      }
    }
    const silhouette = k >= 2 ? silhouetteWithoutNoise(x, labels, k, flags.sampleSize, flags.seed) : null
    const seconds = (performance.now() - t0) / 1000
    const profiles = clusterProfiles(raw, labels, features)
    if (flags.out) {
      writeFileSync(flags.out, stringify(Array.from(labels, (l, i) => ({ line: table.lines[i], cluster: l })), { header: true }))
      info(`wrote ${n} labels to ${flags.out}`)
    }
    if (flags.json) {
      printJson({ file: flags.file, algo: flags.algo, rows: n, features, standardised: flags.standardise, k, silhouette, seconds, ...extra, profiles })
      return
    }
    info(`${flags.algo}: ${k} clusters over ${n} rows, silhouette ${silhouette === null ? 'n/a' : silhouette.toFixed(3)}`)
    printTable(
      ['cluster', 'size', 'share', ...features, 'distinguishing'],
      profiles.map((p) => [
        p.cluster,
        p.size,
        p.share,
        ...p.centroid,
        p.distinguishing.map((z) => `${z.feature} ${z.z >= 0 ? '+' : ''}${z.z.toFixed(2)} sd`).join(', '),
      ]),
    )
  })
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
