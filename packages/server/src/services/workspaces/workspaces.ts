import { z } from 'zod'
import { requirePermission, systemActor, type Actor } from '../../domain/actor.ts'
import { InputError, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'

export const workspaceSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a workspace slug has 2-40 lowercase letters, digits and hyphens, starting with a letter or digit')

export interface Workspace {
  id: number
  slug: string
  name: string
  created_at: string
}

/** Internal id of a workspace by slug; an unknown slug is bad input (workspaces are created explicitly). */
export async function workspaceIdOf(db: Db, slug: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM workspaces WHERE slug = $1', [slug])
  if (!row) throw new InputError(`unknown workspace "${slug}": create it first with "rapport workspaces create ${workspaceSlug.safeParse(slug).success ? slug : '<slug>'}"`)
  return Number(row.id)
}

/**
 * Creates a workspace. `actor` is the one creating it (the CLI's system actor, or a signed-in user who then
 * becomes its owner); the audit row is written in the new workspace's log.
 */
export async function createWorkspace(db: Db, actor: Omit<Actor, 'workspaceId'>, input: { slug: string; name?: string }): Promise<Workspace> {
  const slug = workspaceSlug.safeParse(input.slug)
  if (!slug.success) throw new InputError(`workspace "${input.slug}": ${slug.error.issues[0]?.message}`, [{ path: 'slug', message: slug.error.issues[0]?.message ?? 'invalid' }])
  return inTransaction(db, async (tx) => {
    const [made] = await tx.query<Workspace>(
      `INSERT INTO workspaces (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING
       RETURNING id, slug, name, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`,
      [slug.data, input.name?.trim() || slug.data],
    )
    if (!made) throw new RapportError('conflict', `a workspace "${slug.data}" already exists`)
    const ws = { ...made, id: Number(made.id) }
    if (actor.kind === 'user' && actor.id !== null) {
      await tx.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [ws.id, actor.id])
    }
    await recordAudit(tx, { ...actor, workspaceId: ws.id }, { action: 'create', entity: 'workspaces', entityId: ws.id, changes: { slug: { after: ws.slug }, name: { after: ws.name } } })
    return ws
  })
}

/** The id of the workspace with this slug, created by the system actor when missing (demo loading). */
export async function ensureWorkspace(db: Db, slug: string, onCreate?: (slug: string) => void): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM workspaces WHERE slug = $1', [slug])
  if (row) return Number(row.id)
  const ws = await createWorkspace(db, systemActor(0, 'cli'), { slug })
  onCreate?.(slug)
  return ws.id
}

/** Every workspace (for the local operator), or those the actor's user belongs to. */
export async function listWorkspaces(db: Db, actor: Actor): Promise<Array<Workspace & { role: string | null }>> {
  const rows =
    actor.kind === 'user'
      ? await db.query<Workspace & { role: string }>(
          `SELECT w.id, w.slug, w.name, to_char(w.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, m.role
             FROM workspaces w JOIN memberships m ON m.workspace_id = w.id WHERE m.user_id = $1 ORDER BY w.slug`,
          [actor.id],
        )
      : actor.kind === 'system'
        ? await db.query<Workspace & { role: null }>(
            `SELECT id, slug, name, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, NULL AS role FROM workspaces ORDER BY slug`,
          )
        : await db.query<Workspace & { role: string }>(
            `SELECT id, slug, name, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, $2::text AS role FROM workspaces WHERE id = $1`,
            [actor.workspaceId, actor.role],
          )
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}

/** Guard for settings changes of the actor's workspace. */
export const requireSettings = (actor: Actor): void => requirePermission(actor, 'settings:write')
