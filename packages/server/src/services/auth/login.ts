import { z } from 'zod'
import type { Actor } from '../../domain/actor.ts'
import { permissionsOf, type Role } from '../../domain/permissions.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { decoyHash, randomToken, sha256, verifyPassword } from './secrets.ts'

export interface LoginPolicy {
  sessionHours: number
  maxFailures: number
  lockMinutes: number
  /** Sign-in attempts one client address may make per minute (on top of the per-e-mail lockout). */
  attemptsPerMinute?: number
}

export interface LoginInput {
  email: string
  password: string
  /** Workspace slug to start in; default: the one the user last switched to, else their first by slug. */
  workspace?: string | undefined
  ip?: string | undefined
  requestId?: string | undefined
}

export interface NewSession {
  token: string
  csrfToken: string
  expiresAt: Date
  actor: Actor
}

/** The one message for a wrong e-mail, a wrong password and a locked account: it reveals nothing. */
export const LOGIN_FAILED = 'the e-mail address or the password is wrong, or sign-in is locked after too many failures; try again later'

const emailKey = (email: string): string => email.trim().toLowerCase()

/**
 * Checks an e-mail and password and opens a session. Failures count per e-mail address (known or not);
 * after `maxFailures` in a row the address is locked for `lockMinutes`, even for the right password.
 * Every failure is audited in each workspace the account belongs to; an unknown address has no workspace,
 * so it is only counted.
 */
export async function login(db: Db, policy: LoginPolicy, input: LoginInput): Promise<NewSession> {
  const key = emailKey(input.email)
  const [user] = await db.query<{ id: number; email: string; password_hash: string }>('SELECT id, email, password_hash FROM users WHERE lower(email) = $1', [key])
  const [throttle] = await db.query<{ locked: boolean }>('SELECT locked_until > now() AS locked FROM login_throttle WHERE email_key = $1', [key])
  // Verify even when the account is unknown or locked, so the answer takes the same time either way.
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password)
  if (!user || !ok || throttle?.locked) {
    await recordFailure(db, policy, key, user ? Number(user.id) : undefined, input)
    throw new RapportError('unauthenticated', LOGIN_FAILED)
  }
  const userId = Number(user.id)
  const [member] = await db.query<{ workspace_id: number; role: Role; slug: string }>(
    `SELECT m.workspace_id, m.role, w.slug FROM memberships m JOIN workspaces w ON w.id = m.workspace_id JOIN users u ON u.id = m.user_id
      WHERE m.user_id = $1 AND ($2::text IS NULL OR w.slug = $2)
      ORDER BY (m.workspace_id = u.last_workspace_id) IS TRUE DESC, w.slug LIMIT 1`,
    [userId, input.workspace ?? null],
  )
  if (!member) {
    throw input.workspace
      ? new RapportError('forbidden', `you are not a member of workspace "${input.workspace}"`)
      : new RapportError('forbidden', 'your account is not a member of any workspace; ask an owner to add you')
  }
  const token = randomToken(32)
  const csrfToken = randomToken(24)
  const expiresAt = new Date(Date.now() + policy.sessionHours * 3600_000)
  const actor: Actor = {
    kind: 'user', id: userId, label: user.email, workspaceId: Number(member.workspace_id), role: member.role,
    permissions: permissionsOf(member.role), requestId: input.requestId, ip: input.ip,
  }
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO sessions (token_hash, user_id, workspace_id, csrf_token, expires_at, ip) VALUES ($1, $2, $3, $4, $5, $6)', [
      sha256(token), userId, actor.workspaceId, csrfToken, expiresAt, input.ip ?? null,
    ])
    await tx.query('DELETE FROM login_throttle WHERE email_key = $1', [key])
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()', [userId])
    await recordAudit(tx, actor, { action: 'login', entity: 'sessions', entityId: userId })
  })
  return { token, csrfToken, expiresAt, actor }
}

async function recordFailure(db: Db, policy: LoginPolicy, key: string, userId: number | undefined, input: LoginInput): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.query(
      `INSERT INTO login_throttle AS t (email_key, failures, last_failure_at) VALUES ($1, 1, now())
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN 1 ELSE t.failures + 1 END,
         locked_until = CASE
           WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN NULL
           WHEN t.failures + 1 >= $2 THEN greatest(coalesce(t.locked_until, now()), now() + make_interval(secs => $3))
           ELSE t.locked_until END,
         last_failure_at = now()`,
      [key, policy.maxFailures, policy.lockMinutes * 60],
    )
    if (userId === undefined) return
    const workspaces = await tx.query<{ workspace_id: number }>('SELECT workspace_id FROM memberships WHERE user_id = $1', [userId])
    for (const w of workspaces) {
      const anonymous: Actor = { kind: 'system', id: null, label: 'anonymous', workspaceId: Number(w.workspace_id), role: 'viewer', permissions: new Set(), requestId: input.requestId, ip: input.ip }
      await recordAudit(tx, { ...anonymous }, { action: 'login_failed', entity: 'sessions', entityId: userId })
    }
  })
}

export const loginBody = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(200),
  workspace: z.string().min(1).max(40).optional(),
})
