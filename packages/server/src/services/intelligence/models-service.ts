import type { Queue } from '../../adapters/queue/index.ts'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { getJob } from '../jobs/jobs.ts'
import { MODEL_KINDS, modelKind } from './model-kinds.ts'
import { VERSION_COLUMNS, versionById, type ModelStatus, type ModelVersionRow } from './model-versions.ts'

/**
 * The registry as the API and the CLI see it: list and read versions (customers:read), ask for training,
 * a full refresh or a promotion (models:train) — each a job, so long runs show progress and can be cancelled.
 */
export interface ModelKindSummary {
  kind: string
  title: { en: string; 'zh-CN': string }
  active: ModelVersionRow | null
  latest: ModelVersionRow | null
}

export async function listModelKinds(db: Db, actor: Actor): Promise<ModelKindSummary[]> {
  requirePermission(actor, 'customers:read')
  const rows = await db.query<ModelVersionRow & { latest: boolean }>(
    `SELECT * FROM (
       SELECT ${VERSION_COLUMNS}, row_number() OVER (PARTITION BY kind ORDER BY id DESC) = 1 AS latest
       FROM model_versions WHERE workspace_id = $1) v
     WHERE latest OR status = 'active'`,
    [actor.workspaceId],
  )
  return MODEL_KINDS.map((k) => {
    const mine = rows.filter((r) => r.kind === k.name)
    const clean = (r: (ModelVersionRow & { latest: boolean }) | undefined): ModelVersionRow | null => {
      if (!r) return null
      const { latest: _l, ...rest } = r
      return { ...rest, id: Number(rest.id), version: Number(rest.version), scored_rows: rest.scored_rows === null ? null : Number(rest.scored_rows) }
    }
    return { kind: k.name, title: k.title, active: clean(mine.find((r) => r.status === 'active')), latest: clean(mine.find((r) => r.latest)) }
  })
}

export async function listModelVersions(db: Db, actor: Actor, opts: { kind?: string | undefined; status?: ModelStatus | undefined; limit: number }): Promise<ModelVersionRow[]> {
  requirePermission(actor, 'customers:read')
  if (opts.kind !== undefined) modelKind(opts.kind)
  const rows = await db.query<ModelVersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM model_versions
     WHERE workspace_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR status = $3)
     ORDER BY id DESC LIMIT $4`,
    [actor.workspaceId, opts.kind ?? null, opts.status ?? null, opts.limit],
  )
  return rows.map((r) => ({ ...r, id: Number(r.id), version: Number(r.version), scored_rows: r.scored_rows === null ? null : Number(r.scored_rows) }))
}

/** One version with its report (curves, fairness, importance, backtest tables); the artefact stays in the store. */
export async function getModelVersion(db: Db, actor: Actor, id: number): Promise<ModelVersionRow & { report: Record<string, unknown> }> {
  requirePermission(actor, 'customers:read')
  const row = await versionById(db, actor.workspaceId, id)
  if (!row) throw notFound(`model version ${id}`)
  const { artefact: _a, ...rest } = row
  return rest
}

/** Queues `models.train` for a kind (options checked now, so a bad option is a 400, not a failed job). */
export async function requestTraining(queue: Queue, actor: Actor, kind: string, options: Record<string, unknown>) {
  requirePermission(actor, 'models:train')
  modelKind(kind).parseOptions(options)
  const id = await queue.enqueue('models.train', { kind, options }, { workspaceId: actor.workspaceId, actorLabel: actor.label, uniqueKey: `models:${kind}`, retryLimit: 0 })
  return getJob(queue, actor, id)
}

/** Queues `models.refresh` (every kind, or those given). */
export async function requestRefresh(queue: Queue, actor: Actor, kinds?: string[], rescoreOnly = false) {
  requirePermission(actor, 'models:train')
  for (const k of kinds ?? []) modelKind(k)
  const id = await queue.enqueue('models.refresh', { ...(kinds && { kinds }), rescore_only: rescoreOnly }, { workspaceId: actor.workspaceId, actorLabel: actor.label, uniqueKey: 'models:refresh', retryLimit: 0 })
  return getJob(queue, actor, id)
}

/** Queues `models.promote` for a trained or retired version (promote, or roll back to it). */
export async function requestPromotion(db: Db, queue: Queue, actor: Actor, id: number) {
  requirePermission(actor, 'models:train')
  const row = await versionById(db, actor.workspaceId, id)
  if (!row) throw notFound(`model version ${id}`)
  if (row.status === 'active') throw new RapportError('conflict', `model version ${id} is already active`)
  if (!['trained', 'retired'].includes(row.status) || row.artefact === null) {
    throw new RapportError('conflict', `model version ${id} is ${row.status.replace('_', ' ')}: only a trained or retired version can be made active`)
  }
  const jobId = await queue.enqueue('models.promote', { version_id: id }, { workspaceId: actor.workspaceId, actorLabel: actor.label, uniqueKey: `promote:${row.kind}`, retryLimit: 0 })
  return getJob(queue, actor, jobId)
}
