import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { decideActivation, type ActivationDecision } from './activation-rule.ts'
import { dataEnd } from './data-end.ts'
import type { ModelKind, ModelKindName, PrimaryMetric, RunContext, TrainedVersion, TrainingInfo } from './model-kind.ts'
import { modelKind } from './model-kinds.ts'
import { activeVersion, closeAbandoned, finishVersion, markActive, openVersion, versionById } from './model-versions.ts'

/** How a run reaches the database: a job passes its own (cancellable) transaction and progress. */
export interface RunEnv {
  db: Db
  actor: Actor
  jobId?: string | null
  asOf?: Date
  progress?: (fraction: number, message: string) => Promise<void>
  signal?: AbortSignal
  transaction?: <T>(fn: (tx: Db) => Promise<T>) => Promise<T>
}

export interface TrainRunResult {
  kind: ModelKindName
  versionId: number
  version: number
  status: 'trained' | 'active' | 'insufficient_data'
  reason: string | null
  metrics: Record<string, number | null>
  activation: ActivationDecision | null
  scored: { rows: number; summary: Record<string, unknown> } | null
  training: TrainingInfo
  params: Record<string, unknown>
  /** The fitted parameters a user reads (e.g. BG/NBD r, α, a, b), when the kind reports them. */
  fitted: Record<string, unknown> | null
  seconds: { train: number; score: number }
}

/**
 * Trains a version of `kind` on the workspace's data as of T (default: dataEnd), records it in the registry
 * with its backtest, and — when the activation rule allows (activation-rule.ts) — scores with it and makes it
 * active in the transaction that writes its results. A run that cannot be trained for want of data is
 * recorded as `insufficient_data` with the reason, not thrown. Any other failure marks the version failed
 * (reason kept) and rethrows, leaving the previous active version and its results as they were.
 */
export async function trainModel(env: RunEnv, kindName: string, rawOptions: Record<string, unknown> = {}): Promise<TrainRunResult> {
  requirePermission(env.actor, 'models:train')
  return trainKind(env, modelKind(kindName), rawOptions)
}

/** trainModel for a kind given as an object (the registry's, or a test's). */
export async function trainKind(env: RunEnv, kind: ModelKind, rawOptions: Record<string, unknown> = {}): Promise<TrainRunResult> {
  requirePermission(env.actor, 'models:train')
  const options = kind.parseOptions(rawOptions)
  const ws = env.actor.workspaceId
  const ctx = await runContext(env, 0, 0.7)
  const opened = await openVersion(env.db, ws, kind.name, env.actor.label, env.jobId ?? null)
  await closeAbandoned(env.db, ws, kind.name, opened.id)
  const t0 = performance.now()
  let outcome
  try {
    outcome = await kind.train(ctx, options)
  } catch (err) {
    await finishVersion(env.db, ws, opened.id, { status: 'failed', reason: (err as Error).message.slice(0, 2000) })
    throw err
  }
  const trainSeconds = (performance.now() - t0) / 1000
  const base = { kind: kind.name, versionId: opened.id, version: opened.version, training: outcome.training, params: outcome.params, fitted: outcome.status === 'trained' ? (outcome.fitted ?? null) : null }
  const audit = (tx: Db, status: string) =>
    recordAudit(tx, env.actor, { action: 'train', entity: 'model_versions', entityId: opened.id, changes: { kind: { after: kind.name }, version: { after: opened.version }, status: { after: status } } })
  if (outcome.status === 'insufficient_data') {
    await env.db.transaction(async (tx) => {
      await finishVersion(tx, ws, opened.id, { status: 'insufficient_data', reason: outcome.reason, params: outcome.params, training: outcome.training })
      await audit(tx, 'insufficient_data')
    })
    return { ...base, status: 'insufficient_data', reason: outcome.reason, metrics: {}, activation: null, scored: null, seconds: { train: trainSeconds, score: 0 } }
  }
  const active = await activeVersion(env.db, ws, kind.name)
  const activation = decideActivation(outcome.primary, active ? await storedPrimary(env.db, ws, active.id) : undefined)
  const report = { ...outcome.report, ...(outcome.primary && { primary: outcome.primary }), ...(outcome.fitted && { fitted: outcome.fitted }), activation }
  await env.db.transaction(async (tx) => {
    await finishVersion(tx, ws, opened.id, { status: 'trained', params: outcome.params, training: outcome.training, metrics: outcome.metrics, report, artefact: outcome.artefact })
    await audit(tx, 'trained')
  })
  if (!activation.activate) {
    return { ...base, status: 'trained', reason: activation.reason, metrics: outcome.metrics, activation, scored: null, seconds: { train: trainSeconds, score: 0 } }
  }
  const t1 = performance.now()
  const version: TrainedVersion = { id: opened.id, version: opened.version, params: outcome.params, artefact: outcome.artefact, training: outcome.training }
  const scored = await scoreAndSwitch(env, kind, version, await runContext(env, 0.7, 1, ctx.asOf))
  return { ...base, status: 'active', reason: activation.reason, metrics: outcome.metrics, activation, scored, seconds: { train: trainSeconds, score: (performance.now() - t1) / 1000 } }
}

/** Scores the workspace's current data with the kind's active version (a rescore: after an import, nightly). */
export async function rescoreModel(env: RunEnv, kindName: string): Promise<{ versionId: number; rows: number; summary: Record<string, unknown> } | null> {
  requirePermission(env.actor, 'models:train')
  return rescoreKind(env, modelKind(kindName))
}

export async function rescoreKind(env: RunEnv, kind: ModelKind): Promise<{ versionId: number; rows: number; summary: Record<string, unknown> } | null> {
  requirePermission(env.actor, 'models:train')
  const active = await activeVersion(env.db, env.actor.workspaceId, kind.name)
  if (!active) return null
  const version: TrainedVersion = { id: active.id, version: active.version, params: active.params, artefact: active.artefact, training: active.training as TrainingInfo }
  const scored = await scoreAndSwitch(env, kind, version, await runContext(env, 0, 1))
  return { versionId: active.id, ...scored }
}

/**
 * Makes a trained (or retired) version active whatever its backtest says — a user's decision, audited —
 * scoring with it first. Rolling back is promoting an earlier version.
 */
export async function promoteVersion(env: RunEnv, versionId: number, kindOf: (name: ModelKindName) => ModelKind = modelKind): Promise<{ versionId: number; rows: number }> {
  requirePermission(env.actor, 'models:train')
  const ws = env.actor.workspaceId
  const row = await versionById(env.db, ws, versionId)
  if (!row) throw notFound(`model version ${versionId}`)
  if (!['trained', 'retired', 'active'].includes(row.status) || row.artefact === null) {
    throw new RapportError('conflict', `model version ${versionId} is ${row.status.replace('_', ' ')}: only a trained version can be made active`)
  }
  const kind = kindOf(row.kind)
  const version: TrainedVersion = { id: row.id, version: row.version, params: row.params, artefact: row.artefact, training: row.training as TrainingInfo }
  const scored = await scoreAndSwitch(env, kind, version, await runContext(env, 0, 1), (tx) =>
    recordAudit(tx, env.actor, { action: 'promote', entity: 'model_versions', entityId: versionId, changes: { kind: { after: row.kind }, version: { after: row.version } } }),
  )
  return { versionId, rows: scored.rows }
}

async function scoreAndSwitch(env: RunEnv, kind: ModelKind, version: TrainedVersion, ctx: RunContext, extra?: (tx: Db) => Promise<void>) {
  const outcome = await kind.score(ctx, version)
  const run = env.transaction ?? (<T>(fn: (tx: Db) => Promise<T>) => env.db.transaction(fn))
  await run(async (tx) => {
    await outcome.write(tx)
    await markActive(tx, env.actor.workspaceId, kind.name, version.id, outcome.rows)
    await extra?.(tx)
  })
  return { rows: outcome.rows, summary: outcome.summary }
}

async function runContext(env: RunEnv, from: number, to: number, asOf?: Date): Promise<RunContext> {
  const at = asOf ?? env.asOf ?? (await dataEnd(env.db, env.actor.workspaceId))
  if (Number.isNaN(at.getTime())) throw invalid([{ path: 'as_of', message: 'is not a valid date' }])
  return {
    db: env.db,
    workspaceId: env.actor.workspaceId,
    asOf: at,
    signal: env.signal ?? new AbortController().signal,
    progress: (f, message) => env.progress?.(from + (to - from) * Math.min(1, Math.max(0, f)), message) ?? Promise.resolve(),
  }
}

async function storedPrimary(db: Db, workspaceId: number, id: number): Promise<PrimaryMetric | undefined> {
  const [row] = await db.query<{ primary: PrimaryMetric | null }>(`SELECT report->'primary' AS primary FROM model_versions WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])
  return row?.primary ?? undefined
}
