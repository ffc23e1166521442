import { requirePermission, type Actor } from '../../domain/actor.ts'
import { notFound } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'
import { listPage, type Page, type SortField } from '../../store/query/list-page.ts'
import { SqlFilter } from '../../store/query/sql-filter.ts'

export interface SegmentMember {
  id: number
  external_id: string
  name: string | null
  email: string | null
  city: string | null
  entered_at: string
  churn_score: number | null
  churn_band: string | null
  clv: number | null
  p_alive: number | null
}

const pAlive = `(CASE WHEN jsonb_typeof(sv.details->'p_alive') = 'number' THEN (sv.details->>'p_alive')::float8 END)`

export const MEMBER_SORTS: Record<string, SortField> = {
  id: { expr: 't.id', type: 'int8' },
  entered_at: { expr: 'm.entered_at', type: 'timestamptz' },
  churn_score: { expr: 'sc.score', type: 'numeric' },
  clv_value: { expr: 'sv.score', type: 'numeric' },
  p_alive: { expr: pAlive, type: 'numeric' },
}

const MEMBER_VIEW = {
  table: 'customers',
  select: `t.id, t.external_id, t.name, t.email, t.city, ${isoTime('m.entered_at')} AS entered_at, sc.score AS churn_score, sc.band AS churn_band,
    sv.score AS clv, ${pAlive} AS p_alive`,
  from: `customers t
    JOIN segment_members m ON m.workspace_id = t.workspace_id AND m.customer_id = t.id AND m.exited_at IS NULL
    LEFT JOIN customer_scores sc ON sc.workspace_id = t.workspace_id AND sc.kind = 'churn' AND sc.customer_id = t.id
    LEFT JOIN customer_scores sv ON sv.workspace_id = t.workspace_id AND sv.kind = 'clv' AND sv.customer_id = t.id`,
}

export async function assertSegment(db: Db, workspaceId: number, id: number): Promise<{ id: number; name: string }> {
  const [r] = await db.query<{ id: number; name: string }>('SELECT id, name FROM segments WHERE workspace_id = $1 AND id = $2', [workspaceId, id])
  if (!r) throw notFound(`segment ${id}`)
  return { id: Number(r.id), name: r.name }
}

/** The current members, a keyset page sorted by any score (customers without the score sort last). */
export async function listSegmentMembers(db: Db, actor: Actor, id: number, opts: { sort: string; limit: number; cursor?: string | undefined }): Promise<Page<SegmentMember>> {
  requirePermission(actor, 'customers:read')
  await assertSegment(db, actor.workspaceId, id)
  const filter = new SqlFilter(actor.workspaceId)
  filter.where(`m.segment_id = ${filter.param(id)}::bigint`)
  const page = await listPage<SegmentMember>(db, { view: MEMBER_VIEW, filter, sorts: MEMBER_SORTS, sort: opts.sort, limit: opts.limit, cursor: opts.cursor })
  return { ...page, data: page.data.map((m) => ({ ...m, id: Number(m.id) })) }
}

/** The customer-list filter of a segment's current members (for the CSV export, which the customer export writes). */
export function memberFilter(workspaceId: number, segmentId: number): SqlFilter {
  const f = new SqlFilter(workspaceId)
  f.where(`t.id IN (SELECT m.customer_id FROM segment_members m WHERE m.workspace_id = $1 AND m.segment_id = ${f.param(segmentId)}::bigint AND m.exited_at IS NULL)`)
  return f
}

export interface CustomerSegment {
  segment: { id: number; name: string; kind: string }
  entered_at: string
  exited_at: string | null
}

/**
 * The segments a customer is in now, or was in at an instant: "was X in S on D" is a stay with
 * entered_at <= D < exited_at (or still open).
 */
export async function customerSegments(db: Db, actor: Actor, customerId: number, at?: Date): Promise<CustomerSegment[]> {
  requirePermission(actor, 'customers:read')
  const [c] = await db.query('SELECT 1 FROM customers WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, customerId])
  if (!c) throw notFound(`customer ${customerId}`)
  const rows = await db.query<{ id: number; name: string; kind: string; entered_at: string; exited_at: string | null }>(
    `SELECT s.id, s.name, s.kind, ${isoTime('m.entered_at')} AS entered_at, ${isoTime('m.exited_at')} AS exited_at
       FROM segment_members m JOIN segments s ON s.workspace_id = m.workspace_id AND s.id = m.segment_id
      WHERE m.workspace_id = $1 AND m.customer_id = $2
        AND (CASE WHEN $3::timestamptz IS NULL THEN m.exited_at IS NULL ELSE m.entered_at <= $3::timestamptz AND (m.exited_at IS NULL OR m.exited_at > $3::timestamptz) END)
      ORDER BY s.name, s.id`,
    [actor.workspaceId, customerId, at ? at.toISOString() : null])
  return rows.map((r) => ({ segment: { id: Number(r.id), name: r.name, kind: r.kind }, entered_at: r.entered_at, exited_at: r.exited_at }))
}
