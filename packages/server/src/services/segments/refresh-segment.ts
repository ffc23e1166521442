import type { Actor } from '../../domain/actor.ts'
import { segmentNode } from '../../domain/segment-tree.ts'
import { notFound } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { boundedSegmentQuery, compileForWorkspace, type RunTransaction } from './compile-for-workspace.ts'

export interface RefreshResult {
  segment_id: number
  version: number
  members: number
  added: number
  dropped: number
  refreshed_at: string
}

/**
 * Recomputes a segment's members and records the change as history, in one transaction: members no longer
 * matching get exited_at, new ones a row entered now with the segment's version. A refresh that fails or is
 * killed half-way leaves the previous membership exactly as it was (nothing commits).
 */
export async function refreshSegment(db: Db, actor: Actor, segmentId: number, opts: { now?: Date; transaction?: RunTransaction } = {}): Promise<RefreshResult> {
  const [seg] = await db.query<{ id: number; tree: unknown; version: number }>(
    'SELECT id, tree, version FROM segments WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, segmentId])
  if (!seg) throw notFound(`segment ${segmentId}`)
  const now = opts.now ?? new Date()
  const c = await compileForWorkspace(db, actor.workspaceId, segmentNode.parse(seg.tree), { now, selfId: segmentId, pathPrefix: 'tree' })
  const n = c.params.length
  const params = [...c.params, segmentId, seg.version, now.toISOString()]
  const [ws, sid, version, at] = ['$1', `$${n + 1}::bigint`, `$${n + 2}::int`, `$${n + 3}::timestamptz`]
  const run = async (tx: Db) => {
    const [r] = await tx.query<{ members: number; added: number; dropped: number }>(
      `WITH now_members AS MATERIALIZED (SELECT t.id FROM ${c.from} WHERE t.workspace_id = $1 AND ${c.where}),
       closed AS (
         UPDATE segment_members m SET exited_at = ${at}
          WHERE m.workspace_id = ${ws} AND m.segment_id = ${sid} AND m.exited_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM now_members n WHERE n.id = m.customer_id)
         RETURNING 1),
       opened AS (
         INSERT INTO segment_members (workspace_id, segment_id, customer_id, segment_version, entered_at)
         SELECT ${ws}, ${sid}, n.id, ${version}, ${at} FROM now_members n
          WHERE NOT EXISTS (SELECT 1 FROM segment_members m WHERE m.workspace_id = ${ws} AND m.segment_id = ${sid} AND m.customer_id = n.id AND m.exited_at IS NULL)
         RETURNING 1)
       SELECT (SELECT count(*) FROM now_members) AS members, (SELECT count(*) FROM opened) AS added, (SELECT count(*) FROM closed) AS dropped`,
      params)
    const out = { members: Number(r?.members ?? 0), added: Number(r?.added ?? 0), dropped: Number(r?.dropped ?? 0) }
    await tx.query('UPDATE segments SET member_count = $3, refreshed_at = $4 WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, segmentId, out.members, now.toISOString()])
    await recordAudit(tx, actor, { action: 'refresh', entity: 'segments', entityId: segmentId, changes: { version: seg.version, ...out } })
    return out
  }
  const out = await boundedSegmentQuery(db, run, { ...(opts.transaction && { transaction: opts.transaction }) })
  return { segment_id: segmentId, version: Number(seg.version), ...out, refreshed_at: now.toISOString() }
}
