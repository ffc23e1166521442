import type { FastifyInstance } from 'fastify'
import type { Db } from '../store/db.ts'
import { RapportError } from '../errors/rapport-error.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Internal id of the workspace named by the x-rapport-workspace header. */
    workspaceId: number
  }
}

export const WORKSPACE_HEADER = 'x-rapport-workspace'

/**
 * Resolves the tenant of every request under this plugin from the `x-rapport-workspace` header (a slug,
 * default `default`). Every query then filters on `request.workspaceId`; an unknown slug is a 404.
 */
export function useWorkspace(app: FastifyInstance, db: Db): void {
  app.decorateRequest('workspaceId', 0)
  app.addHook('onRequest', async (req) => {
    const raw = req.headers[WORKSPACE_HEADER]
    const slug = (Array.isArray(raw) ? raw[0] : raw) || 'default'
    const [row] = await db.query<{ id: number }>('SELECT id FROM workspaces WHERE slug = $1', [slug])
    if (!row) throw new RapportError('not_found', `workspace "${slug}" not found`)
    req.workspaceId = Number(row.id)
  })
}
