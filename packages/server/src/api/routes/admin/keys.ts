import { z } from 'zod'
import { ROLES } from '../../../domain/permissions.ts'
import { createApiKey, listApiKeys, revokeApiKey } from '../../../services/auth/api-keys.ts'
import type { Db } from '../../../store/db.ts'
import { errors, idParams, workspaceHeader } from '../../schemas.ts'
import type { ZodApp } from '../crud.ts'

const keyOut = z.object({
  id: z.number().int(), name: z.string(), prefix: z.string(), role: z.enum(ROLES), created_by: z.string(), created_at: z.string(),
  expires_at: z.string().nullable(), revoked_at: z.string().nullable(), last_used_at: z.string().nullable(),
})

/** /api/v1/keys: API keys of the workspace (settings:write). */
export function keyRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['admin']
    app.get('/', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'List API keys', headers: workspaceHeader, response: { 200: z.object({ data: z.array(keyOut) }), ...errors(401, 403) } },
    }, async (req) => ({ data: await listApiKeys(db, req.actor) }))

    app.post('/', {
      config: { access: 'settings:write' },
      schema: {
        tags, summary: 'Create an API key (the key is shown only in this response)', headers: workspaceHeader,
        body: z.object({ name: z.string().trim().min(1).max(100).default('api key'), role: z.enum(ROLES), expires_in_days: z.number().int().min(1).max(3650).optional() }),
        response: { 201: keyOut.extend({ key: z.string() }), ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      const { key, apiKey } = await createApiKey(db, req.actor, { name: req.body.name, role: req.body.role, expiresInDays: req.body.expires_in_days })
      reply.code(201)
      return { ...apiKey, key }
    })

    app.delete('/:id', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Revoke an API key', headers: workspaceHeader, params: idParams, response: { 200: keyOut, ...errors(400, 401, 403, 404) } },
    }, async (req) => revokeApiKey(db, req.actor, req.params.id))
  }
}
