import { systemActor, type Actor } from '../../domain/actor.ts'
import { permissionsOf, type Role } from '../../domain/permissions.ts'
import type { Db } from '../../store/db.ts'
import { createWorkspace } from '../workspaces/workspaces.ts'

/** A workspace with one customer and people in the given roles (users and memberships written directly). */
export async function deskWorkspace(db: Db, slug: string, roles: readonly Role[]): Promise<{ ws: number; customer: number; people: Actor[] }> {
  const ws = (await createWorkspace(db, systemActor(0, 'cli'), { slug })).id
  const [c] = await db.query<{ id: string }>(`INSERT INTO customers (workspace_id, external_id, name, email) VALUES ($1, 'C1', 'Li Lei', 'li@example.com') RETURNING id`, [ws])
  const people: Actor[] = []
  for (const [i, role] of roles.entries()) {
    const email = `${slug}-${i}-${role}@example.com`
    const [u] = await db.query<{ id: string }>(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [email, `${role} ${i}`])
    await db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)`, [ws, u?.id, role])
    people.push({ kind: 'user', id: Number(u?.id), label: email, workspaceId: ws, role, permissions: permissionsOf(role) })
  }
  return { ws, customer: Number(c?.id), people }
}

/** Inserts a ticket as an import would (the trigger opens its conversation); returns its id. */
export async function insertTicket(db: Db, ws: number, customer: number, t: { key: string; subject: string; body: string; status?: string; openedAt?: string; priority?: string; channel?: string }): Promise<number> {
  const [r] = await db.query<{ id: string }>(
    `INSERT INTO tickets (workspace_id, external_id, customer_id, channel, subject, body, status, priority, opened_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [ws, t.key, customer, t.channel ?? 'email', t.subject, t.body, t.status ?? 'new', t.priority ?? 'normal', t.openedAt ?? new Date().toISOString()],
  )
  return Number(r?.id)
}
