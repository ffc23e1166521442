import { systemActor } from '../../packages/server/src/domain/actor.ts'
import { customerFeatures } from '../../packages/server/src/features/store/customer-features.ts'
import { dataEnd } from '../../packages/server/src/services/intelligence/data-end.ts'
import { implementedKinds } from '../../packages/server/src/services/intelligence/model-kinds.ts'
import { trainModel, type TrainRunResult } from '../../packages/server/src/services/intelligence/run-model.ts'
import type { Db } from '../../packages/server/src/store/db.ts'
import type { RssSampler } from './rss-sampler.ts'

export interface StageRow {
  stage: string
  /** Wall-clock seconds of the whole stage. */
  seconds: number
  /** trainModel's own split: train + backtest; score + write in the transaction that switches versions. */
  train: number | null
  score: number | null
  rows: number | null
  status: string
  /** Highest sampled RSS during the stage, MiB. */
  peakMiB: number
}

export type KindRun = Omit<TrainRunResult, 'params'>

export interface Stages {
  asOf: string
  stages: StageRow[]
  runs: KindRun[]
  /** Customers with at least one stored score, and all customers. */
  scoredCustomers: number
  customers: number
}

/**
 * The intelligence stages on a loaded workspace: features as of the data end (customerFeatures, timed once by
 * itself; every kind computes its own again), then every implemented model kind in MODEL_KINDS order through
 * trainModel — what `rapport models train <kind>` and the nightly refresh call: train + backtest, then score
 * and write when the version becomes active. A kind that throws is reported failed and the others still run,
 * as in the refresh job.
 */
export async function runStages(db: Db, ws: number, rss: RssSampler, kindOptions: Record<string, Record<string, unknown>> = {}): Promise<Stages> {
  const asOf = await dataEnd(db, ws)
  const stages: StageRow[] = []
  rss.mark()
  const t0 = performance.now()
  const f = await customerFeatures(db, ws, { asOf })
  stages.push({ stage: 'features', seconds: (performance.now() - t0) / 1000, train: null, score: null, rows: f.frame.nRows, status: `${f.frame.columns.length} columns`, peakMiB: rss.mark() })
  log(stages[0] as StageRow)
  const runs: KindRun[] = []
  for (const kind of implementedKinds()) {
    const { row, run } = await runKind(db, ws, kind, kindOptions[kind] ?? {}, rss)
    stages.push(row)
    if (run) runs.push(run)
    log(row)
  }
  const [counts] = await db.query<{ scored: number; customers: number }>(
    `SELECT (SELECT count(DISTINCT customer_id) FROM customer_scores WHERE workspace_id = $1)::int8 AS scored,
            (SELECT count(*) FROM customers WHERE workspace_id = $1)::int8 AS customers`,
    [ws],
  )
  return { asOf: asOf.toISOString(), stages, runs, scoredCustomers: Number(counts?.scored ?? 0), customers: Number(counts?.customers ?? 0) }
}

export const log = (s: StageRow): void =>
  void process.stderr.write(`  ${s.stage}: ${s.status} in ${s.seconds.toFixed(1)} s (train ${s.train?.toFixed(1) ?? '–'}, score ${s.score?.toFixed(1) ?? '–'}), ${s.rows ?? 0} rows, peak ${s.peakMiB.toFixed(0)} MiB\n`)

/** One kind through trainModel, timed; a throw becomes a `failed: …` row (and no run). */
export async function runKind(db: Db, ws: number, kind: string, options: Record<string, unknown>, rss: RssSampler, stage = kind): Promise<{ row: StageRow; run: KindRun | undefined }> {
  const t1 = performance.now()
  try {
    const { params: _p, ...r } = await trainModel({ db, actor: systemActor(ws, 'cli') }, kind, options)
    return { run: r, row: { stage, seconds: (performance.now() - t1) / 1000, train: r.seconds.train, score: r.seconds.score, rows: r.scored?.rows ?? null, status: r.status, peakMiB: rss.mark() } }
  } catch (err) {
    return { run: undefined, row: { stage, seconds: (performance.now() - t1) / 1000, train: null, score: null, rows: null, status: `failed: ${(err as Error).message}`, peakMiB: rss.mark() } }
  }
}
