import type { Actor } from '../../domain/actor.ts'
import { InputError, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { hashPassword, verifyPassword } from './secrets.ts'
import { forgetCredentials } from './credential-cache.ts'
import { LOCALES, passwordRule, type Locale } from './users.ts'

export interface Me {
  id: number
  email: string
  name: string
  locale: Locale
}

function mustBeUser(actor: Actor): number {
  if (actor.kind !== 'user' || actor.id === null) throw new RapportError('forbidden', 'only a signed-in person has an account to change (API keys do not)')
  return actor.id
}

export async function getMe(db: Db, actor: Actor): Promise<Me | null> {
  if (actor.kind !== 'user') return null
  const [row] = await db.query<Me>('SELECT id, email, name, locale FROM users WHERE id = $1', [actor.id])
  return row ? { ...row, id: Number(row.id) } : null
}

/** Changes the caller's own name or language (the dashboard keeps the language per user). */
export async function updateMe(db: Db, actor: Actor, patch: { name?: string | undefined; locale?: string | undefined }): Promise<Me> {
  const id = mustBeUser(actor)
  if (patch.locale !== undefined && !(LOCALES as readonly string[]).includes(patch.locale)) {
    throw new InputError(`locale "${patch.locale}" is not one of ${LOCALES.join(', ')}`, [{ path: 'body.locale', message: `must be one of ${LOCALES.join(', ')}` }])
  }
  return inTransaction(db, async (tx) => {
    const [before] = await tx.query<Me>('SELECT id, email, name, locale FROM users WHERE id = $1 FOR UPDATE', [id])
    const [row] = await tx.query<Me>(
      'UPDATE users SET name = coalesce($2, name), locale = coalesce($3, locale), updated_at = now() WHERE id = $1 RETURNING id, email, name, locale',
      [id, patch.name?.trim() || null, patch.locale ?? null],
    )
    if (!row || !before) throw new RapportError('not_found', 'your account no longer exists')
    await recordAudit(tx, actor, {
      action: 'update', entity: 'users', entityId: id,
      changes: { ...(patch.name !== undefined && { name: { before: '[redacted]', after: '[redacted]' } }), ...(patch.locale !== undefined && { locale: { before: before.locale, after: row.locale } }) },
    })
    return { ...row, id: Number(row.id) }
  })
}

/** Changes the caller's password after checking the current one; ends their other sessions. */
export async function changePassword(db: Db, actor: Actor, current: string, next: string, keepSession?: string): Promise<void> {
  const id = mustBeUser(actor)
  const parsed = passwordRule.safeParse(next)
  if (!parsed.success) throw new InputError(`new_password: ${parsed.error.issues[0]?.message}`, [{ path: 'body.new_password', message: parsed.error.issues[0]?.message ?? 'invalid' }])
  const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id])
  if (!row || !(await verifyPassword(row.password_hash, current))) {
    throw new RapportError('validation_failed', 'the current password is wrong', { details: [{ path: 'body.current_password', message: 'is wrong' }] })
  }
  const hash = await hashPassword(next)
  await inTransaction(db, async (tx) => {
    await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1', [id, hash])
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [id, keepSession ?? null])
    await recordAudit(tx, actor, { action: 'password_change', entity: 'users', entityId: id })
  }).finally(forgetCredentials)
}
