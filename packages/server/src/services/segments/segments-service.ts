import type { Queue } from '../../adapters/queue/index.ts'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { segmentInput, segmentPatch, type SegmentInput, type SegmentPatch } from '../../domain/segment-input.ts'
import { segmentNode, type SegmentNode } from '../../domain/segment-tree.ts'
import { invalid, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { getJob } from '../jobs/jobs.ts'
import { compileForWorkspace } from './compile-for-workspace.ts'
import { segmentGrowth } from './segment-growth.ts'

export interface SegmentView {
  id: number
  name: string
  description: string | null
  kind: 'dynamic' | 'static'
  tree: SegmentNode
  version: number
  refresh_every_hours: number | null
  member_count: number | null
  refreshed_at: string | null
  refresh_job_id: string | null
  created_by: string
  created_at: string
  updated_at: string
  growth: Array<{ day: string; size: number }>
}

const COLUMNS = `id, name, description, kind, tree, version, refresh_every_hours, member_count, ${isoTime('refreshed_at')} AS refreshed_at,
  refresh_job_id, created_by, ${isoTime('created_at')} AS created_at, ${isoTime('updated_at')} AS updated_at`

type Row = Omit<SegmentView, 'growth'>

async function view(db: Db, workspaceId: number, r: Row): Promise<SegmentView> {
  const growth = await segmentGrowth(db, workspaceId, Number(r.id), 30)
  return {
    ...r, id: Number(r.id), version: Number(r.version), member_count: r.member_count === null ? null : Number(r.member_count),
    refresh_every_hours: r.refresh_every_hours === null ? null : Number(r.refresh_every_hours),
    growth: growth.map((g) => ({ day: g.day, size: g.size })),
  }
}

async function row(db: Db, workspaceId: number, id: number): Promise<Row> {
  const [r] = await db.query<Row>(`SELECT ${COLUMNS} FROM segments WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])
  if (!r) throw notFound(`segment ${id}`)
  return r
}

export const scheduleName = (workspaceId: number, id: number) => `segments.refresh:ws${workspaceId}:s${id}`
const cronEvery = (hours: number) => (hours === 24 ? '0 0 * * *' : `0 */${hours} * * *`)

async function syncSchedule(queue: Queue, actor: Actor, id: number, kind: string, hours: number | null): Promise<void> {
  if (kind === 'dynamic' && hours !== null) {
    await queue.schedule(scheduleName(actor.workspaceId, id), cronEvery(hours), 'segments.refresh', { segment_id: id },
      { workspaceId: actor.workspaceId, actorLabel: 'system', uniqueKey: `segment:${id}`, retryLimit: 1 })
  } else {
    await queue.unschedule(scheduleName(actor.workspaceId, id))
  }
}

export async function listSegments(db: Db, actor: Actor, opts: { q?: string | undefined; limit: number; cursor?: number | undefined }): Promise<{ data: SegmentView[]; next_cursor: string | null }> {
  requirePermission(actor, 'customers:read')
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM segments WHERE workspace_id = $1 AND ($2::text IS NULL OR strpos(lower(name), lower($2)) > 0)
       AND ($3::bigint IS NULL OR id < $3) ORDER BY id DESC LIMIT $4`,
    [actor.workspaceId, opts.q ?? null, opts.cursor ?? null, opts.limit + 1])
  const more = rows.length > opts.limit
  if (more) rows.pop()
  const data = []
  for (const r of rows) data.push(await view(db, actor.workspaceId, r))
  const last = data[data.length - 1]
  return { data, next_cursor: more && last ? String(last.id) : null }
}

export async function getSegment(db: Db, actor: Actor, id: number): Promise<SegmentView> {
  requirePermission(actor, 'customers:read')
  return view(db, actor.workspaceId, await row(db, actor.workspaceId, id))
}

/** Checks what the schema cannot: references exist and form no cycle, and the tree is not too large. */
async function checkTree(db: Db, actor: Actor, tree: SegmentNode, selfId: number | null): Promise<void> {
  await compileForWorkspace(db, actor.workspaceId, tree, { selfId, pathPrefix: 'body.tree' })
}

const uniqueName = (err: unknown, name: string): never => {
  if ((err as { code?: unknown }).code === '23505') throw invalid([{ path: 'body.name', message: `a segment named "${name}" already exists` }], `a segment named "${name}" already exists`)
  throw err
}

/**
 * Creates a segment and queues its first refresh (its members are computed by the job). Without a queue
 * (the CLI, which runs no worker) nothing is queued or scheduled: the caller refreshes it itself.
 */
export async function createSegment(db: Db, queue: Queue | null, actor: Actor, body: SegmentInput): Promise<SegmentView> {
  requirePermission(actor, 'segments:write')
  const input = segmentInput.parse(body)
  await checkTree(db, actor, input.tree, null)
  const hours = input.kind === 'dynamic' ? input.refresh_every_hours ?? null : null
  if (hours !== null && !queue) throw invalid([{ path: 'refresh_every_hours', message: 'a refresh schedule needs the server\'s job queue: set it through the API or the dashboard' }])
  const id = await db.transaction(async (tx) => {
    const [r] = await tx.query<{ id: number }>(
      `INSERT INTO segments (workspace_id, name, description, kind, tree, refresh_every_hours, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
      [actor.workspaceId, input.name, input.description ?? null, input.kind, JSON.stringify(input.tree), hours, actor.label]).catch((e: unknown) => uniqueName(e, input.name))
    const newId = Number(r?.id)
    await recordAudit(tx, actor, { action: 'create', entity: 'segments', entityId: newId, changes: { name: input.name, kind: input.kind, tree: input.tree } })
    return newId
  })
  if (queue) {
    await syncSchedule(queue, actor, id, input.kind, hours)
    await queueRefresh(db, queue, actor, id)
  }
  return getSegment(db, actor, id)
}

export async function updateSegment(db: Db, queue: Queue, actor: Actor, id: number, body: SegmentPatch): Promise<SegmentView> {
  requirePermission(actor, 'segments:write')
  const patch = segmentPatch.parse(body)
  const before = await row(db, actor.workspaceId, id)
  if (patch.tree) await checkTree(db, actor, patch.tree, id)
  if (patch.refresh_every_hours != null && before.kind === 'static') {
    throw invalid([{ path: 'body.refresh_every_hours', message: 'a static segment is a snapshot and has no refresh schedule' }])
  }
  const treeChanged = patch.tree !== undefined && JSON.stringify(patch.tree) !== JSON.stringify(before.tree)
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE segments SET name = coalesce($3, name), description = CASE WHEN $4::boolean THEN $5 ELSE description END,
         tree = coalesce($6::jsonb, tree), version = version + CASE WHEN $7::boolean THEN 1 ELSE 0 END,
         refresh_every_hours = CASE WHEN $8::boolean THEN $9::int ELSE refresh_every_hours END, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [actor.workspaceId, id, patch.name ?? null, patch.description !== undefined, patch.description ?? null,
        treeChanged ? JSON.stringify(patch.tree) : null, treeChanged, patch.refresh_every_hours !== undefined, patch.refresh_every_hours ?? null],
    ).catch((e: unknown) => uniqueName(e, patch.name ?? ''))
    await recordAudit(tx, actor, { action: 'update', entity: 'segments', entityId: id, changes: { ...patch, ...(treeChanged && { version: Number(before.version) + 1 }) } })
  })
  const after = await row(db, actor.workspaceId, id)
  await syncSchedule(queue, actor, id, after.kind, after.refresh_every_hours === null ? null : Number(after.refresh_every_hours))
  if (treeChanged && after.kind === 'dynamic') await queueRefresh(db, queue, actor, id)
  return getSegment(db, actor, id)
}

/** Deletes a segment and its history; refused while another segment's tree refers to it. */
export async function deleteSegment(db: Db, queue: Queue, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'segments:write')
  await row(db, actor.workspaceId, id)
  const users = await db.query<{ id: number; name: string }>(
    `SELECT id, name FROM segments WHERE workspace_id = $1 AND id <> $2 AND jsonb_path_exists(tree, '$.** ? (@.type == "segment" && @.segment_id == $sid)', jsonb_build_object('sid', $2::bigint))`,
    [actor.workspaceId, id])
  if (users.length > 0) {
    throw new RapportError('conflict', `segment ${id} is used by ${users.map((u) => `"${u.name}" (${u.id})`).join(', ')}; change those first`)
  }
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM segments WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, id])
    await recordAudit(tx, actor, { action: 'delete', entity: 'segments', entityId: id })
  })
  await queue.unschedule(scheduleName(actor.workspaceId, id))
}

async function queueRefresh(db: Db, queue: Queue, actor: Actor, id: number): Promise<string> {
  const jobId = await queue.enqueue('segments.refresh', { segment_id: id }, { workspaceId: actor.workspaceId, actorLabel: actor.label, uniqueKey: `segment:${id}`, retryLimit: 1 })
  await db.query('UPDATE segments SET refresh_job_id = $3 WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, id, jobId])
  return jobId
}

/** Queues a refresh of the members (a job: progress, cancellation, one at a time per segment). */
export async function requestSegmentRefresh(db: Db, queue: Queue, actor: Actor, id: number) {
  requirePermission(actor, 'segments:write')
  await row(db, actor.workspaceId, id)
  return getJob(queue, actor, await queueRefresh(db, queue, actor, id))
}

export const parseStoredTree = (tree: unknown): SegmentNode => segmentNode.parse(tree)
