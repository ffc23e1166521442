import type { Db } from '../store/db.ts'
import { InputError } from '../errors/rapport-error.ts'

/** Internal id of a workspace by slug; creates it when asked (the CLI's --workspace on import/demo). */
export async function resolveWorkspace(db: Db, slug = 'default', create = false): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM workspaces WHERE slug = $1', [slug])
  if (row) return Number(row.id)
  if (!create) throw new InputError(`unknown workspace "${slug}"`)
  const [made] = await db.query<{ id: number }>(
    'INSERT INTO workspaces (slug, name) VALUES ($1, $1) ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id',
    [slug],
  )
  return Number(made?.id)
}
