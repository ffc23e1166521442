import { forbidden } from '../errors/rapport-error.ts'
import { permissionsOf, type Permission, type Role } from './permissions.ts'

/**
 * Who is asking, in which workspace, with which permissions. Every service call takes one: the API builds it
 * from a session or an API key, the CLI and the demo loader act as the system actor `cli` / `system`, and a
 * job carries the actor that enqueued it. The audit log records `label`.
 */
export interface Actor {
  kind: 'user' | 'api_key' | 'system'
  /** users.id or api_keys.id; null for the system actor. */
  id: number | null
  /** What the audit log shows: an e-mail, `key:<prefix>`, `cli`, `system`, `job:<kind>`. */
  label: string
  workspaceId: number
  role: Role
  permissions: ReadonlySet<Permission>
  /** Request id and client address, when the call came over HTTP. */
  requestId?: string | undefined
  ip?: string | undefined
}

/** The local operator: the CLI, the demo loader and start-up act with every permission. */
export function systemActor(workspaceId: number, label: 'cli' | 'system' | `job:${string}` = 'system'): Actor {
  return { kind: 'system', id: null, label, workspaceId, role: 'owner', permissions: permissionsOf('owner') }
}

/** Throws forbidden (naming the permission) unless the actor has it. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw forbidden(permission)
}

export const can = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission)
