import type { Db } from '../../store/db.ts'

/** A workspace's support address: mail to <slug>@<domain> reaches its desk. */
export const supportAddress = (slug: string, domain: string): string => `${slug}@${domain}`

/** The workspace an address reaches, or null (another domain, or no such workspace). */
export async function workspaceOfAddress(db: Db, address: string, domain: string): Promise<{ id: number; slug: string; name: string } | null> {
  const at = address.lastIndexOf('@')
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain) return null
  const [w] = await db.query<{ id: string; slug: string; name: string }>(`SELECT id, slug, name FROM workspaces WHERE slug = $1`, [address.slice(0, at).toLowerCase()])
  return w ? { id: Number(w.id), slug: w.slug, name: w.name } : null
}
