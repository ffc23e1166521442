import type { Db } from '../../store/db.ts'

/** The customer with this e-mail address (the oldest, if several), or a new one keyed `email:<address>`. */
export async function customerByEmail(tx: Db, workspaceId: number, address: string, name: string): Promise<number> {
  const [c] = await tx.query<{ id: string }>(`SELECT id FROM customers WHERE workspace_id = $1 AND lower(email) = $2 ORDER BY id LIMIT 1`, [workspaceId, address])
  if (c) return Number(c.id)
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO customers (workspace_id, external_id, name, email) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workspace_id, external_id) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
    [workspaceId, `email:${address}`, name.trim().slice(0, 200) || null, address])
  return Number(created?.id)
}
