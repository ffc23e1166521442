import { z } from 'zod'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { isRole, permissionsOf, ROLES, type Role } from '../../domain/permissions.ts'
import { InputError, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { randomToken, sha256 } from './secrets.ts'
import { credentialCache, forgetCredentials } from './credential-cache.ts'

export interface ApiKeyRow {
  id: number
  name: string
  prefix: string
  role: Role
  created_by: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_used_at: string | null
}

const iso = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${c}`
const KEY_COLUMNS = `id, name, prefix, role, created_by, ${iso('created_at')}, ${iso('expires_at')}, ${iso('revoked_at')}, ${iso('last_used_at')}`

export const newKeyInput = z.object({
  name: z.string().trim().min(1).max(100).default('api key'),
  role: z.enum(ROLES),
  /** Days until it stops working; none: until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
})

/**
 * Creates an API key bound to the actor's workspace and a role. The key is returned once
 * (`rk_<prefix>_<secret>`); only its SHA-256 is stored, with the prefix to tell keys apart in lists.
 */
export async function createApiKey(db: Db, actor: Actor, input: z.input<typeof newKeyInput>): Promise<{ key: string; apiKey: ApiKeyRow }> {
  requirePermission(actor, 'settings:write')
  const parsed = newKeyInput.safeParse(input)
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    throw new InputError(`${i?.path.join('.') || 'key'}: ${i?.message}`, parsed.error.issues.map((x) => ({ path: x.path.join('.'), message: x.message })))
  }
  const { name, role, expiresInDays } = parsed.data
  if (role === 'owner' && actor.role !== 'owner') throw new RapportError('forbidden', 'only an owner can create an owner key')
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8)
  const key = `rk_${prefix}_${randomToken(24)}`
  const apiKey = await inTransaction(db, async (tx) => {
    const [row] = await tx.query<ApiKeyRow>(
      `INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(days => $7::int) END)
       RETURNING ${KEY_COLUMNS}`,
      [actor.workspaceId, name, prefix, sha256(key), role, actor.label, expiresInDays ?? null],
    )
    if (!row) throw new Error('insert returned no row')
    await recordAudit(tx, actor, { action: 'key_create', entity: 'api_keys', entityId: row.id, changes: { name: { after: name }, role: { after: role }, prefix: { after: prefix } } })
    return { ...row, id: Number(row.id) }
  })
  return { key, apiKey }
}

export async function listApiKeys(db: Db, actor: Actor): Promise<ApiKeyRow[]> {
  requirePermission(actor, 'settings:write')
  const rows = await db.query<ApiKeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE workspace_id = $1 ORDER BY id`, [actor.workspaceId])
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}

/** Revokes a key of the actor's workspace (by id or prefix); it stops working at once. */
export async function revokeApiKey(db: Db, actor: Actor, idOrPrefix: number | string): Promise<ApiKeyRow> {
  requirePermission(actor, 'settings:write')
  return inTransaction(db, async (tx) => {
    const byId = typeof idOrPrefix === 'number'
    const [row] = await tx.query<ApiKeyRow>(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE workspace_id = $1 AND ${byId ? 'id = $2::bigint' : 'prefix = $2'} RETURNING ${KEY_COLUMNS}`,
      [actor.workspaceId, idOrPrefix],
    )
    if (!row) throw notFound(`API key ${idOrPrefix}`)
    await recordAudit(tx, actor, { action: 'key_revoke', entity: 'api_keys', entityId: row.id })
    return { ...row, id: Number(row.id) }
  }).finally(forgetCredentials)
}

type KeyLookup = { id: number; workspace_id: number; role: string; prefix: string; slug: string; expires_at: Date | string | null }
const verifiedKeys = credentialCache<KeyLookup>()

/** When last_used_at was last written per key: at most one write a minute per key, not one per request. */
const lastTouched = new Map<string, number>()

/**
 * The actor an `Authorization: Bearer` key stands for, or undefined when the key is unknown, revoked or
 * expired. A key belongs to one workspace: asking for another one (by slug) is not_found.
 */
export async function actorForApiKey(db: Db, key: string, wantedSlug: string | undefined, meta: { requestId?: string; ip?: string } = {}): Promise<Actor | undefined> {
  if (!/^rk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{32}$/.test(key)) return undefined
  const hash = sha256(key)
  let row = verifiedKeys.get(hash)
  if (row?.expires_at != null && new Date(row.expires_at).getTime() <= Date.now()) row = undefined
  if (!row) {
    ;[row] = await db.query<KeyLookup>(
      `SELECT k.id, k.workspace_id, k.role, k.prefix, w.slug, k.expires_at FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
      [hash],
    )
    if (row) verifiedKeys.set(hash, row)
  }
  if (!row || !isRole(row.role)) return undefined
  // A key belongs to one workspace: naming another is answered as for a workspace that does not exist.
  if (wantedSlug !== undefined && wantedSlug !== row.slug) throw new RapportError('not_found', `workspace "${wantedSlug}" not found`)
  const now = Date.now()
  if ((lastTouched.get(hash) ?? 0) < now - 60_000) {
    lastTouched.set(hash, now)
    if (lastTouched.size > 10_000) lastTouched.clear()
    await db.query('UPDATE api_keys SET last_used_at = now() WHERE workspace_id = $1 AND id = $2', [row.workspace_id, row.id])
  }
  return {
    kind: 'api_key', id: Number(row.id), label: `key:${row.prefix}`, workspaceId: Number(row.workspace_id), role: row.role,
    permissions: permissionsOf(row.role), requestId: meta.requestId, ip: meta.ip,
  }
}
