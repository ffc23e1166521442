import type { Actor } from '../../domain/actor.ts'
import { isRole, permissionsOf } from '../../domain/permissions.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { sha256 } from './secrets.ts'
import { credentialCache, forgetCredentials } from './credential-cache.ts'

type SessionLookup = { user_id: number; email: string; csrf_token: string; workspace_id: number; role: string | null; expires_at: Date | string }
const verifiedSessions = credentialCache<SessionLookup>()

export interface SessionActor {
  actor: Actor
  csrfToken: string
  tokenHash: string
}

/**
 * The actor of a session cookie, or undefined when the session is unknown or expired. The session's user
 * acts in the workspace named by `wantedSlug` when they are a member of it, otherwise in the session's
 * current one; a slug they are not a member of is refused like an unknown record (not_found), so the answer
 * says nothing about whether that workspace exists.
 */
export async function actorForSession(db: Db, token: string, wantedSlug: string | undefined, meta: { requestId?: string; ip?: string } = {}): Promise<SessionActor | undefined> {
  if (token.length < 20 || token.length > 100) return undefined
  const tokenHash = sha256(token)
  const cacheKey = `${tokenHash}\u0000${wantedSlug ?? ''}`
  let row = verifiedSessions.get(cacheKey)
  if (row && new Date(row.expires_at).getTime() <= Date.now()) row = undefined
  if (!row) {
    ;[row] = await db.query<SessionLookup>(
      `SELECT s.user_id, u.email, s.csrf_token, coalesce(w.id, s.workspace_id) AS workspace_id, m.role, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         LEFT JOIN workspaces w ON w.slug = $2
         LEFT JOIN memberships m ON m.user_id = s.user_id AND m.workspace_id = coalesce(w.id, s.workspace_id)
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash, wantedSlug ?? null],
    )
    if (row?.role) verifiedSessions.set(cacheKey, row)
  }
  if (!row) return undefined
  if (!row.role || !isRole(row.role)) {
    if (wantedSlug !== undefined) throw new RapportError('not_found', `workspace "${wantedSlug}" not found`)
    return undefined
  }
  const actor: Actor = {
    kind: 'user', id: Number(row.user_id), label: row.email, workspaceId: Number(row.workspace_id), role: row.role,
    permissions: permissionsOf(row.role), requestId: meta.requestId, ip: meta.ip,
  }
  return { actor, csrfToken: row.csrf_token, tokenHash }
}

/** Ends a session. */
export async function logout(db: Db, actor: Actor, tokenHash: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])
    await recordAudit(tx, actor, { action: 'logout', entity: 'sessions', entityId: actor.id })
  }).finally(forgetCredentials)
}

/** Makes the session, and the user's next sign-ins, act in the actor's workspace by default. */
export async function switchWorkspace(db: Db, actor: Actor, tokenHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE sessions SET workspace_id = $2 WHERE token_hash = $1', [tokenHash, actor.workspaceId])
    await tx.query('UPDATE users SET last_workspace_id = $2 WHERE id = $1', [actor.id, actor.workspaceId])
  }).finally(forgetCredentials)
}
