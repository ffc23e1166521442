import { requirePermission, type Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { listPage, type Page } from '../../store/query/list-page.ts'
import { SqlFilter } from '../../store/query/sql-filter.ts'

export interface AuditFilter {
  actor?: string | undefined
  action?: string | undefined
  entity?: string | undefined
  entity_id?: string | undefined
  from?: string | undefined
  to?: string | undefined
  limit: number
  cursor?: string | undefined
}

export interface AuditRow {
  id: number
  at: string
  actor_kind: string
  actor_label: string
  action: string
  entity: string
  entity_id: string | null
  changes: unknown
  request_id: string | null
  ip: string | null
}

const view = {
  table: 'audit_log',
  from: 'audit_log t',
  select: `t.id, to_char(t.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, t.actor_kind, t.actor_label, t.action, t.entity, t.entity_id, t.changes, t.request_id, t.ip`,
}

/** The workspace's audit log, newest first, filtered by actor label, action, entity and time. */
export async function listAudit(db: Db, actor: Actor, f: AuditFilter): Promise<Page<AuditRow>> {
  requirePermission(actor, 'audit:read')
  const filter = new SqlFilter(actor.workspaceId)
  filter.eq('t.actor_label', f.actor).eq('t.action', f.action).eq('t.entity', f.entity).eq('t.entity_id', f.entity_id).range('t.at', f.from, f.to)
  return listPage<AuditRow>(db, { view, filter, sorts: { id: { expr: 't.id', type: 'int8' } }, sort: '-id', limit: f.limit, cursor: f.cursor })
}
