import type { Db } from '../../store/db.ts'

/**
 * What every model kind of the platform provides: how to train it on a workspace's stored data (with its
 * time-based backtest) and how to score with a trained version, writing a complete set of stored results.
 * The runner (run-model.ts) does the rest the same way for all kinds: registry rows, the activation rule,
 * the atomic switch of stored results, progress and cancellation. One file per kind under kinds/.
 */
export const MODEL_KIND_NAMES = ['churn', 'clv', 'next_category', 'recommend', 'basket_rules', 'rfm', 'clusters', 'sentiment', 'anomaly', 'uplift', 'ticket_intent'] as const
export type ModelKindName = (typeof MODEL_KIND_NAMES)[number]

export const isModelKind = (s: string): s is ModelKindName => (MODEL_KIND_NAMES as readonly string[]).includes(s)

export interface RunContext {
  db: Db
  workspaceId: number
  /** T: the end of the data the run may see (exclusive). Training windows and scoring are relative to it. */
  asOf: Date
  /** 0..1 within this step, with what it is doing. */
  progress(fraction: number, message: string): Promise<void>
  signal: AbortSignal
}

/** The metric the activation rule compares, and which way is better. */
export interface PrimaryMetric {
  name: string
  value: number
  higherIsBetter: boolean
}

/** What a training run records about its data. */
export interface TrainingInfo {
  /** ISO instants; the windows the kind used (training cut-off, label window, backtest split…). */
  window: Record<string, string>
  rows: Record<string, number>
  /** Customers left out because their profiling consent is revoked. */
  excludedNoProfilingConsent: number
}

export type TrainOutcome =
  | {
      status: 'insufficient_data'
      /** What the data lacks, as a user would read it: "needs ≥ 500 customers with ≥ 2 orders …". */
      reason: string
      params: Record<string, unknown>
      training: TrainingInfo
    }
  | {
      status: 'trained'
      params: Record<string, unknown>
      training: TrainingInfo
      /** Flat headline metrics of the backtest (and the baseline's, prefixed `baseline_`). */
      metrics: Record<string, number | null>
      /** Absent when the kind has no backtest (e.g. RFM, which is a rule, not a fit): it then activates as trained. */
      primary?: PrimaryMetric
      report: Record<string, unknown>
      /** JSON-safe fitted model (the @rapport/ml serialiser's output or the kind's own parameters). */
      artefact: unknown
      /** The fitted parameters a user reads (BG/NBD r, α, a, b; k of the clusters …), kept in report.fitted. */
      fitted?: Record<string, unknown>
    }

/** A trained version as the scorer gets it back from the registry. */
export interface TrainedVersion {
  id: number
  version: number
  params: Record<string, unknown>
  artefact: unknown
  training: TrainingInfo
}

/** The result of scoring: a summary for the registry and the writes that replace the stored set. */
export interface ScoreOutcome {
  /** Rows (customers, products, orders or texts) that got a result. */
  rows: number
  summary: Record<string, unknown>
  /**
   * Replaces every stored result of this kind in the workspace with the new set, inside the runner's
   * transaction (so readers see the old set or the new one, never a mix). Throws on any non-finite value.
   */
  write(tx: Db): Promise<void>
}

export interface ModelKind {
  name: ModelKindName
  /** Shown in the registry and the dashboard. */
  title: { en: string; 'zh-CN': string }
  /** Validates the training options (a zod-checked object), returning them resolved with defaults. */
  parseOptions(raw: Record<string, unknown>): Record<string, unknown>
  train(ctx: RunContext, options: Record<string, unknown>): Promise<TrainOutcome>
  score(ctx: RunContext, version: TrainedVersion): Promise<ScoreOutcome>
  /** False: trained only when asked (not by the first-start and nightly refresh of every kind). */
  inFullRefresh?: false
}
