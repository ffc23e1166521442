import { z } from 'zod'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { isRole, ROLES, type Role } from '../../domain/permissions.ts'
import { InputError, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { generatePassword, hashPassword } from './secrets.ts'
import { forgetCredentials } from './credential-cache.ts'

export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]

export const passwordRule = z.string().min(10, 'a password has at least 10 characters').max(200, 'a password has at most 200 characters')

const newUser = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  locale: z.enum(LOCALES).default('en'),
  password: passwordRule.optional(),
  role: z.enum(ROLES),
})

export interface UserRow {
  id: number
  email: string
  name: string
  locale: Locale
  role: Role
  created_at: string
}

const USER_COLUMNS = `u.id, u.email, u.name, u.locale, m.role, to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input)
  if (!r.success) {
    const details = r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || 'value', message: i.message }))
    throw new InputError(`${details[0]?.path}: ${details[0]?.message}`, details)
  }
  return r.data
}

/**
 * Adds a person to the actor's workspace with a role: creates the account when the e-mail is new (with the
 * given password, or a generated one that is returned once), or adds the existing account as a member.
 */
export async function createUser(db: Db, actor: Actor, input: z.input<typeof newUser>): Promise<{ user: UserRow; password?: string }> {
  requirePermission(actor, 'members:write')
  const data = parseOrThrow(newUser, input)
  if (data.role === 'owner' && actor.role !== 'owner') throw new RapportError('forbidden', 'only an owner can make someone an owner')
  const generated = data.password === undefined ? generatePassword() : undefined
  const passwordHash = await hashPassword(data.password ?? (generated as string))
  return inTransaction(db, async (tx) => {
    const [existing] = await tx.query<{ id: number }>('SELECT id FROM users WHERE lower(email) = lower($1)', [data.email])
    let userId: number
    let created = false
    if (existing) {
      userId = Number(existing.id)
    } else {
      const [row] = await tx.query<{ id: number }>(
        'INSERT INTO users (email, name, locale, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
        [data.email, data.name, data.locale, passwordHash],
      )
      userId = Number(row?.id)
      created = true
    }
    const added = await tx.query('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id', [actor.workspaceId, userId, data.role])
    if (added.length === 0) throw new RapportError('conflict', `${data.email} is already a member of this workspace`)
    await recordAudit(tx, actor, { action: created ? 'create' : 'add_member', entity: 'users', entityId: userId, changes: { email: { after: '[redacted]' }, role: { after: data.role } } })
    const user = await mustGetMember(tx, actor.workspaceId, userId)
    return { user, ...(created && generated ? { password: generated } : {}) }
  })
}

export async function listUsers(db: Db, actor: Actor): Promise<UserRow[]> {
  requirePermission(actor, 'members:write')
  const rows = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.workspace_id = $1 ORDER BY lower(u.email)`, [actor.workspaceId])
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}

async function mustGetMember(db: Db, workspaceId: number, userId: number): Promise<UserRow> {
  const [row] = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.workspace_id = $1 AND u.id = $2`, [workspaceId, userId])
  if (!row) throw notFound(`user ${userId}`)
  return { ...row, id: Number(row.id) }
}

/** The member of the actor's workspace with this e-mail (case-insensitive). */
export async function memberByEmail(db: Db, actor: Actor, email: string): Promise<UserRow> {
  const [row] = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.workspace_id = $1 AND lower(u.email) = lower($2)`, [actor.workspaceId, email])
  if (!row) throw notFound(`a member with e-mail ${email}`)
  return { ...row, id: Number(row.id) }
}

/** Changes a member's role; the last owner of a workspace cannot be demoted. */
export async function setRole(db: Db, actor: Actor, userId: number, role: string): Promise<UserRow> {
  requirePermission(actor, 'members:write')
  if (!isRole(role)) throw new InputError(`role "${role}" is not one of ${ROLES.join(', ')}`, [{ path: 'role', message: `must be one of ${ROLES.join(', ')}` }])
  return inTransaction(db, async (tx) => {
    const before = await mustGetMember(tx, actor.workspaceId, userId)
    if ((before.role === 'owner' || role === 'owner') && actor.role !== 'owner') throw new RapportError('forbidden', 'only an owner can grant or remove the owner role')
    if (before.role === 'owner' && role !== 'owner') {
      const [n] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = $1 AND role = 'owner'`, [actor.workspaceId])
      if (Number(n?.n) <= 1) throw new RapportError('conflict', 'this is the workspace\'s last owner: make someone else owner first')
    }
    await tx.query('UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [actor.workspaceId, userId, role])
    await recordAudit(tx, actor, { action: 'role_change', entity: 'users', entityId: userId, changes: { role: { before: before.role, after: role } } })
    return { ...before, role }
  }).finally(forgetCredentials)
}

/**
 * Sets a new password for a member (the CLI's reset; by e-mail once the mailer exists) and ends their
 * sessions. Returns the password when it was generated.
 */
export async function resetPassword(db: Db, actor: Actor, userId: number, password?: string): Promise<{ password?: string }> {
  requirePermission(actor, 'members:write')
  const chosen = password === undefined ? generatePassword() : parseOrThrow(passwordRule, password)
  const passwordHash = await hashPassword(chosen)
  await inTransaction(db, async (tx) => {
    const target = await mustGetMember(tx, actor.workspaceId, userId)
    if (target.role === 'owner' && actor.role !== 'owner') throw new RapportError('forbidden', "only an owner can reset an owner's password")
    await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1', [userId, passwordHash])
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId])
    await tx.query('DELETE FROM login_throttle WHERE email_key = lower($1)', [target.email])
    await recordAudit(tx, actor, { action: 'password_reset', entity: 'users', entityId: userId })
  }).finally(forgetCredentials)
  return password === undefined ? { password: chosen } : {}
}
