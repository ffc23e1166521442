import { systemActor } from '../../domain/actor.ts'
import { ROLES } from '../../domain/permissions.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { generatePassword, hashPassword } from './secrets.ts'

export const DEFAULT_ADMIN_EMAIL = 'admin@rapport.local'

export interface FirstOwner {
  email: string
  /** Set when the password was generated here (print it once); undefined when it came from the environment. */
  generatedPassword: string | undefined
}

/**
 * On a database with no accounts, creates the owner: `email` and `password` from RAPPORT_ADMIN_EMAIL /
 * RAPPORT_ADMIN_PASSWORD, or admin@rapport.local with a generated password. The owner belongs to every
 * existing workspace, and signs in to `landIn` (the demo workspace on a first start). Returns undefined when accounts already exist (nothing is changed then).
 */
export async function ensureFirstOwner(db: Db, opts: { email?: string | undefined; password?: string | undefined; landIn?: number | undefined }): Promise<FirstOwner | undefined> {
  const [any] = await db.query('SELECT 1 FROM users LIMIT 1')
  if (any) return undefined
  const email = opts.email ?? DEFAULT_ADMIN_EMAIL
  const generated = opts.password === undefined ? generatePassword() : undefined
  const hash = await hashPassword(opts.password ?? (generated as string))
  const created = await inTransaction(db, async (tx) => {
    // Under an advisory lock, so two processes starting on an empty PostgreSQL create one owner.
    if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(727278)')
    const [again] = await tx.query('SELECT 1 FROM users LIMIT 1')
    if (again) return false
    const [user] = await tx.query<{ id: number }>("INSERT INTO users (email, name, password_hash, last_workspace_id) VALUES ($1, 'Owner', $2, $3) RETURNING id", [email, hash, opts.landIn ?? null])
    const workspaces = await tx.query<{ id: number }>('SELECT id FROM workspaces ORDER BY id')
    for (const w of workspaces) {
      await tx.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [w.id, user?.id])
      await recordAudit(tx, systemActor(Number(w.id)), { action: 'create', entity: 'users', entityId: user?.id, changes: { role: { after: 'owner' }, email: { after: '[redacted]' } } })
    }
    return true
  })
  return created ? { email, generatedPassword: generated } : undefined
}

/**
 * One account per role in the demo workspace (`<role>@demo.rapport.local`), sharing one generated password,
 * so each role's view of the product can be tried. Existing accounts are left alone.
 */
export async function ensureDemoUsers(db: Db, workspaceId: number): Promise<{ emails: string[]; password: string } | undefined> {
  const password = generatePassword()
  const hash = await hashPassword(password)
  const emails: string[] = []
  await inTransaction(db, async (tx) => {
    for (const role of ROLES) {
      const email = `${role}@demo.rapport.local`
      const [user] = await tx.query<{ id: number }>(
        `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
        [email, `Demo ${role}`, hash],
      )
      if (!user) continue
      await tx.query('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [workspaceId, user.id, role])
      await recordAudit(tx, systemActor(workspaceId), { action: 'create', entity: 'users', entityId: user.id, changes: { role: { after: role } } })
      emails.push(email)
    }
  })
  return emails.length > 0 ? { emails, password } : undefined
}
