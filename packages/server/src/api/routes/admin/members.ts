import { z } from 'zod'
import { ROLES } from '../../../domain/permissions.ts'
import { createUser, listUsers, setRole } from '../../../services/auth/users.ts'
import { LOCALES } from '../../../services/auth/users.ts'
import type { Db } from '../../../store/db.ts'
import { errors, idParams, workspaceHeader } from '../../schemas.ts'
import type { ZodApp } from '../crud.ts'

const memberOut = z.object({ id: z.number().int(), email: z.string(), name: z.string(), locale: z.enum(LOCALES), role: z.enum(ROLES), created_at: z.string() })

/** /api/v1/members: the people of the workspace and their roles (members:write). */
export function memberRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['admin']
    app.get('/', {
      config: { access: 'members:write' },
      schema: { tags, summary: 'List members', headers: workspaceHeader, response: { 200: z.object({ data: z.array(memberOut) }), ...errors(401, 403) } },
    }, async (req) => ({ data: await listUsers(db, req.actor) }))

    app.post('/', {
      config: { access: 'members:write' },
      schema: {
        tags, summary: 'Add a member (creates the account when the e-mail is new; a generated password is returned once)', headers: workspaceHeader,
        body: z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(200), role: z.enum(ROLES), locale: z.enum(LOCALES).optional(), password: z.string().min(1).max(200).optional() }),
        response: { 201: memberOut.extend({ password: z.string().optional() }), ...errors(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      const { user, password } = await createUser(db, req.actor, req.body)
      reply.code(201)
      return { ...user, ...(password && { password }) }
    })

    app.patch('/:id', {
      config: { access: 'members:write' },
      schema: {
        tags, summary: "Change a member's role", headers: workspaceHeader, params: idParams, body: z.object({ role: z.enum(ROLES) }),
        response: { 200: memberOut, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req) => setRole(db, req.actor, req.params.id, req.body.role))
  }
}
