import type { Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import type { Changes } from './redact.ts'

export interface AuditEntry {
  /** A verb: create, update, delete, import, export, login, login_failed, logout, role_change, key_create, … */
  action: string
  /** What was acted on: a table name (customers, api_keys, …) or a pseudo-entity (session, workspace). */
  entity: string
  entityId?: string | number | null
  changes?: Changes | Record<string, unknown> | null
}

/**
 * Appends one audit row. Services call it with the transaction handle of the change it describes, so the
 * change and its audit row commit or roll back together.
 */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (workspace_id, actor_kind, actor_id, actor_label, action, entity, entity_id, changes, request_id, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
    [
      actor.workspaceId, actor.kind, actor.id, actor.label, entry.action, entry.entity,
      entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      entry.changes ? JSON.stringify(entry.changes) : null, actor.requestId ?? null, actor.ip ?? null,
    ],
  )
}
