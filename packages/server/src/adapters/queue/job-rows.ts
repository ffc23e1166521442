import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import type { NewJob } from './enqueue-options.ts'
import { JOB_STATES, type JobPage, type JobView, type ListJobsOptions } from './queue.ts'

/** The `jobs` table as both drivers read it: the same SQL on PGlite and PostgreSQL. */

const iso = (col: string): string => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const VIEW_COLUMNS = `id, kind, state, progress, message, error, attempts, actor_label AS actor,
  ${iso('created_at')} AS created_at, ${iso('started_at')} AS started_at, ${iso('finished_at')} AS finished_at, result`

type ViewRow = Omit<JobView, 'progress' | 'attempts'> & { progress: number | string; attempts: number | string }

const toView = (r: ViewRow): JobView => ({ ...r, progress: Number(r.progress), attempts: Number(r.attempts) })

/**
 * Inserts a job row, or with a unique key returns the id of the queued or active job that already has it
 * (the partial unique index decides, so two processes racing get the same id). `created` says which.
 */
export async function insertJob(db: Db, id: string, job: NewJob): Promise<{ id: string; created: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [made] = await db.query<{ id: string }>(
      `INSERT INTO jobs (workspace_id, id, kind, payload, retry_limit, retry_delay_seconds, run_after, actor_label, unique_key)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, COALESCE($7::timestamptz, now()), $8, $9)
       ON CONFLICT (workspace_id, kind, unique_key) WHERE unique_key IS NOT NULL AND state IN ('queued', 'active') DO NOTHING
       RETURNING id`,
      [job.workspaceId, id, job.kind, job.payloadJson, job.retryLimit, job.retryDelaySeconds, job.startAfter?.toISOString() ?? null, job.actorLabel, job.uniqueKey],
    )
    if (made) return { id: made.id, created: true }
    const [held] = await db.query<{ id: string }>(
      `SELECT id FROM jobs WHERE workspace_id = $1 AND kind = $2 AND unique_key = $3 AND state IN ('queued', 'active')`,
      [job.workspaceId, job.kind, job.uniqueKey],
    )
    if (held) return { id: held.id, created: false }
    // The holder ended between the two statements: try the insert again.
  }
  throw new Error(`job ${job.kind}: could not settle unique key "${job.uniqueKey}"`)
}

export async function getJob(db: Db, workspaceId: number, id: string): Promise<JobView | undefined> {
  const [row] = await db.query<ViewRow>(`SELECT ${VIEW_COLUMNS} FROM jobs WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])
  return row ? toView(row) : undefined
}

/** Newest first; the cursor is the position (seq) of the last job of the page. */
export async function listJobs(db: Db, workspaceId: number, opts: ListJobsOptions): Promise<JobPage> {
  const issues = []
  if (!Number.isInteger(opts.limit) || opts.limit < 1 || opts.limit > 1000) issues.push({ path: 'limit', message: 'must be an integer from 1 to 1000' })
  if (opts.state !== undefined && !(JOB_STATES as readonly string[]).includes(opts.state)) issues.push({ path: 'state', message: `must be one of ${JOB_STATES.join(', ')}` })
  const before = opts.cursor === undefined ? null : decodeCursor(opts.cursor)
  if (before === undefined) issues.push({ path: 'cursor', message: 'is not a cursor returned by this list' })
  if (issues.length > 0) throw invalid(issues)
  const rows = await db.query<ViewRow & { seq: number | string }>(
    `SELECT ${VIEW_COLUMNS}, seq FROM jobs
     WHERE workspace_id = $1 AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR kind = $3) AND ($4::bigint IS NULL OR seq < $4)
     ORDER BY seq DESC LIMIT $5`,
    [workspaceId, opts.state ?? null, opts.kind ?? null, before, opts.limit + 1],
  )
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  const items = page.map(({ seq: _seq, ...r }) => toView(r))
  return rows.length > opts.limit && last ? { items, nextCursor: encodeCursor(Number(last.seq)) } : { items }
}

const encodeCursor = (seq: number): string => Buffer.from(`jobs:${seq}`).toString('base64url')

function decodeCursor(cursor: string): number | undefined {
  const m = /^jobs:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString())
  return m?.[1] === undefined ? undefined : Number(m[1])
}

/** Marks a queued or active job cancelled; returns its kind, or undefined when it is unknown or already ended. */
export async function cancelJobRow(db: Db, workspaceId: number, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ kind: string }>(
    `UPDATE jobs SET state = 'cancelled', finished_at = now()
     WHERE workspace_id = $1 AND id = $2 AND state IN ('queued', 'active') RETURNING kind`,
    [workspaceId, id],
  )
  return row?.kind
}
