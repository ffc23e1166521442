import type { Db } from '../../store/db.ts'
import type { ModelKindName, TrainingInfo } from './model-kind.ts'

/** A row of model_versions as services and the API read it (timestamps as ISO strings). */
export interface ModelVersionRow {
  id: number
  kind: ModelKindName
  version: number
  status: ModelStatus
  reason: string | null
  job_id: string | null
  actor: string
  params: Record<string, unknown>
  training: TrainingInfo | Record<string, never>
  metrics: Record<string, number | null>
  created_at: string
  finished_at: string | null
  activated_at: string | null
  scored_at: string | null
  scored_rows: number | null
}

export const MODEL_STATUSES = ['training', 'trained', 'active', 'retired', 'insufficient_data', 'failed'] as const
export type ModelStatus = (typeof MODEL_STATUSES)[number]

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The summary columns (no report, no artefact: those are read one version at a time). */
export const VERSION_COLUMNS = `id, kind, version, status, reason, job_id, actor_label AS actor, params, training, metrics,
  ${iso('created_at')} AS created_at, ${iso('finished_at')} AS finished_at, ${iso('activated_at')} AS activated_at,
  ${iso('scored_at')} AS scored_at, scored_rows`

/**
 * Opens a version in status `training`, numbered one past the kind's last. Runs of a kind are serialised by
 * the job's unique key; the UNIQUE (workspace, kind, version) constraint catches anything else. A run killed
 * before it ended leaves its row in `training`: the next run of the kind marks it failed (closeAbandoned).
 */
export async function openVersion(db: Db, workspaceId: number, kind: ModelKindName, actorLabel: string, jobId: string | null): Promise<{ id: number; version: number }> {
  const [row] = await db.query<{ id: number; version: number }>(
    `INSERT INTO model_versions (workspace_id, kind, version, status, actor_label, job_id)
     SELECT $1, $2, coalesce(max(version), 0) + 1, 'training', $3, $4 FROM model_versions WHERE workspace_id = $1 AND kind = $2
     RETURNING id, version`,
    [workspaceId, kind, actorLabel, jobId],
  )
  if (!row) throw new Error('model version was not created')
  return { id: Number(row.id), version: Number(row.version) }
}

/** Marks runs of the kind that never finished (a killed process) as failed. */
export async function closeAbandoned(db: Db, workspaceId: number, kind: ModelKindName, exceptId: number): Promise<void> {
  await db.query(
    `UPDATE model_versions SET status = 'failed', reason = 'the training run was interrupted before it finished', finished_at = now()
     WHERE workspace_id = $1 AND kind = $2 AND status = 'training' AND id <> $3`,
    [workspaceId, kind, exceptId],
  )
}

export interface FinishedVersion {
  status: 'trained' | 'insufficient_data' | 'failed'
  reason?: string | null
  params?: Record<string, unknown>
  training?: TrainingInfo
  metrics?: Record<string, number | null>
  report?: Record<string, unknown>
  artefact?: unknown
}

export async function finishVersion(db: Db, workspaceId: number, id: number, f: FinishedVersion): Promise<void> {
  await db.query(
    `UPDATE model_versions SET status = $3, reason = $4, params = coalesce($5::jsonb, params), training = coalesce($6::jsonb, training),
       metrics = coalesce($7::jsonb, metrics), report = coalesce($8::jsonb, report), artefact = $9::jsonb, finished_at = now()
     WHERE workspace_id = $1 AND id = $2`,
    [
      workspaceId, id, f.status, f.reason ?? null, json(f.params), json(f.training), json(f.metrics), json(f.report),
      f.artefact === undefined ? null : JSON.stringify(f.artefact),
    ],
  )
}

/** The active version of a kind, with what scoring needs. */
export async function activeVersion(db: Db, workspaceId: number, kind: ModelKindName): Promise<(ModelVersionRow & { artefact: unknown }) | undefined> {
  const [row] = await db.query<ModelVersionRow & { artefact: unknown }>(
    `SELECT ${VERSION_COLUMNS}, artefact FROM model_versions WHERE workspace_id = $1 AND kind = $2 AND status = 'active'`,
    [workspaceId, kind],
  )
  return row ? normalise(row) : undefined
}

export async function versionById(db: Db, workspaceId: number, id: number): Promise<(ModelVersionRow & { artefact: unknown; report: Record<string, unknown> }) | undefined> {
  const [row] = await db.query<ModelVersionRow & { artefact: unknown; report: Record<string, unknown> }>(
    `SELECT ${VERSION_COLUMNS}, artefact, report FROM model_versions WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  )
  return row ? normalise(row) : undefined
}

/**
 * Makes `id` the active version of its kind (the previous one becomes retired) and records the scoring run.
 * Called inside the transaction that wrote the version's results, so the switch and the results commit together.
 */
export async function markActive(tx: Db, workspaceId: number, kind: ModelKindName, id: number, scoredRows: number): Promise<void> {
  await tx.query(
    `UPDATE model_versions SET status = 'retired' WHERE workspace_id = $1 AND kind = $2 AND status = 'active' AND id <> $3`,
    [workspaceId, kind, id],
  )
  await tx.query(
    `UPDATE model_versions SET status = 'active', activated_at = CASE WHEN status = 'active' THEN activated_at ELSE now() END,
       scored_at = now(), scored_rows = $3
     WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, scoredRows],
  )
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v))

function normalise<T extends ModelVersionRow>(row: T): T {
  return { ...row, id: Number(row.id), version: Number(row.version), scored_rows: row.scored_rows === null ? null : Number(row.scored_rows) }
}
