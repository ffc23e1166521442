import type { Db } from '../../store/db.ts'
import type { JobPayload } from './queue.ts'

/** The state changes of a job row while it runs; every one is guarded by the state it expects. */

/** A job row taken for a run (attempts already counts this run). */
export interface ClaimedJob {
  workspaceId: number
  id: string
  kind: string
  payload: JobPayload
  actorLabel: string
  attempts: number
  retryLimit: number
  retryDelaySeconds: number
}

const CLAIM_SET = `state = 'active', attempts = attempts + 1, started_at = now(), progress = 0, message = NULL`
const CLAIMED = `workspace_id AS "workspaceId", id, kind, payload, actor_label AS "actorLabel", attempts,
  retry_limit AS "retryLimit", retry_delay_seconds AS "retryDelaySeconds"`

type ClaimRow = Omit<ClaimedJob, 'workspaceId' | 'attempts'> & { workspaceId: number | string; attempts: number | string }
const toClaimed = (r: ClaimRow): ClaimedJob => ({ ...r, workspaceId: Number(r.workspaceId), attempts: Number(r.attempts) })

/**
 * Takes the next due job of one of `kinds` (in-process driver): a single UPDATE over a `FOR UPDATE SKIP
 * LOCKED` pick, so even two claimers on one PostgreSQL never take the same row.
 */
export async function claimNext(db: Db, kinds: readonly string[]): Promise<ClaimedJob | undefined> {
  if (kinds.length === 0) return undefined
  const [row] = await db.query<ClaimRow>(
    `UPDATE jobs SET ${CLAIM_SET}
     WHERE (workspace_id, id) = (
       SELECT workspace_id, id FROM jobs
       WHERE state = 'queued' AND run_after <= now() AND kind = ANY($1::text[])
       ORDER BY run_after, seq LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING ${CLAIMED}`,
    [kinds],
  )
  return row ? toClaimed(row) : undefined
}

/**
 * Marks a job pg-boss delivered as running. pg-boss decides delivery, so a row still `active` (its previous
 * run died or timed out) is taken again; a cancelled or finished one is not.
 */
export async function claimById(db: Db, workspaceId: number, id: string): Promise<ClaimedJob | undefined> {
  const [row] = await db.query<ClaimRow>(
    `UPDATE jobs SET ${CLAIM_SET} WHERE workspace_id = $1 AND id = $2 AND state IN ('queued', 'active') RETURNING ${CLAIMED}`,
    [workspaceId, id],
  )
  return row ? toClaimed(row) : undefined
}

/** False when the job was no longer active (cancelled meanwhile). */
export async function completeJob(db: Db, job: ClaimedJob, resultJson: string | null): Promise<boolean> {
  const rows = await db.query(
    `UPDATE jobs SET state = 'completed', progress = 1, result = $3::jsonb, error = NULL, finished_at = now()
     WHERE workspace_id = $1 AND id = $2 AND state = 'active' RETURNING 1`,
    [job.workspaceId, job.id, resultJson],
  )
  return rows.length > 0
}

/**
 * Records a failed attempt: queued again after `retryInSeconds`, or failed for good when that is null. The
 * result is the failure's data (JobFailure) or null, never one left by an earlier attempt.
 */
export async function failAttempt(db: Db, job: ClaimedJob, error: string, retryInSeconds: number | null, resultJson: string | null = null): Promise<void> {
  await db.query(
    `UPDATE jobs SET error = $3, result = $5::jsonb,
       state = CASE WHEN $4::double precision IS NULL THEN 'failed' ELSE 'queued' END,
       finished_at = CASE WHEN $4::double precision IS NULL THEN now() END,
       run_after = CASE WHEN $4::double precision IS NULL THEN run_after ELSE now() + $4::double precision * interval '1 second' END
     WHERE workspace_id = $1 AND id = $2 AND state = 'active'`,
    [job.workspaceId, job.id, error, retryInSeconds, resultJson],
  )
}

export async function writeProgress(db: Db, job: ClaimedJob, fraction: number, message: string | null): Promise<void> {
  await db.query(`UPDATE jobs SET progress = $3, message = $4 WHERE workspace_id = $1 AND id = $2 AND state = 'active'`, [
    job.workspaceId,
    job.id,
    fraction,
    message,
  ])
}

/** Of the given running jobs, the ids that have been cancelled (by any process). */
export async function cancelledAmong(db: Db, jobs: ReadonlyArray<{ workspaceId: number; id: string }>): Promise<string[]> {
  if (jobs.length === 0) return []
  const rows = await db.query<{ id: string }>(
    `SELECT j.id FROM jobs j JOIN unnest($1::bigint[], $2::text[]) AS r(workspace_id, id) ON j.workspace_id = r.workspace_id AND j.id = r.id
     WHERE j.state = 'cancelled'`,
    [jobs.map((j) => j.workspaceId), jobs.map((j) => j.id)],
  )
  return rows.map((r) => r.id)
}

/**
 * After a restart of the single in-process worker, jobs it left `active` were interrupted: queued again,
 * or failed when that run was their last attempt. Returns how many were found.
 */
export async function recoverInterrupted(db: Db): Promise<number> {
  const rows = await db.query(
    `UPDATE jobs SET error = 'interrupted: the process running it stopped',
       state = CASE WHEN attempts > retry_limit THEN 'failed' ELSE 'queued' END,
       finished_at = CASE WHEN attempts > retry_limit THEN now() END,
       run_after = now()
     WHERE state = 'active' RETURNING 1`,
  )
  return rows.length
}
