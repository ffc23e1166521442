import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { writeFileSync } from 'node:fs'
import { readTable } from '../../../io/read-table.ts'
import { numericMatrix } from '../../../features/numeric-matrix.ts'
import { clusterAnalysis } from '../../../services/analytics/cluster.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'

interface ClusterFlags {
  file: string
  features: string
  k: string
  algo: 'kmeans' | 'dbscan'
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
    const matrix = numericMatrix(table, features)
    let k: number | 'auto' = 'auto'
    if (flags.algo === 'kmeans' && flags.k !== 'auto') {
      k = Number(flags.k)
      if (!Number.isInteger(k) || k < 1) throw new UsageError(`--k must be a positive integer or auto, got "${flags.k}"`)
    }
    const { labels, summary } = clusterAnalysis(matrix, {
      features,
      algo: flags.algo,
      k,
      seed: flags.seed,
      restarts: flags.restarts,
      maxIterations: flags.maxIter,
      tolerance: flags.tolerance,
      maxK: flags.maxK,
      eps: flags.eps,
      minPoints: flags.minPoints,
      standardise: flags.standardise,
      sampleSize: flags.sampleSize,
    })
    const n = summary.rows
    const profiles = summary.profiles
    if (flags.out) {
      writeFileSync(flags.out, stringify(Array.from(labels, (l, i) => ({ line: table.lines[i], cluster: l })), { header: true }))
      info(`wrote ${n} labels to ${flags.out}`)
    }
    if (flags.json) {
      printJson({ file: flags.file, ...summary })
      return
    }
    const silhouette = summary.silhouette
    info(`${flags.algo}: ${summary.k} clusters over ${n} rows, silhouette ${silhouette === null ? 'n/a' : silhouette.toFixed(3)}`)
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
