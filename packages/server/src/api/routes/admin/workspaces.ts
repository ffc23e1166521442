import { z } from 'zod'
import { RapportError } from '../../../errors/rapport-error.ts'
import { createWorkspace, listWorkspaces } from '../../../services/workspaces/workspaces.ts'
import { setWorkspaceTimeZone } from '../../../services/workspaces/workspace-time-zone.ts'
import type { Db } from '../../../store/db.ts'
import { errors, workspaceHeader } from '../../schemas.ts'
import type { ZodApp } from '../crud.ts'

const workspaceOut = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), created_at: z.string(), role: z.string().nullable() })

/** /api/v1/workspaces: the caller's workspaces; a signed-in person can create one and becomes its owner. */
export function workspaceRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['admin']
    app.get('/', {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Your workspaces', headers: workspaceHeader, response: { 200: z.object({ data: z.array(workspaceOut) }), ...errors(401) } },
    }, async (req) => ({ data: await listWorkspaces(db, req.actor) }))

    app.post('/', {
      config: { access: 'signed-in' },
      schema: {
        tags, summary: 'Create a workspace (you become its owner)', headers: workspaceHeader,
        body: z.object({ slug: z.string().min(1).max(40), name: z.string().trim().min(1).max(200).optional() }),
        response: { 201: workspaceOut, ...errors(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      if (req.actor.kind !== 'user') throw new RapportError('forbidden', 'only a signed-in person can create a workspace (an API key belongs to one)')
      const ws = await createWorkspace(db, req.actor, req.body)
      reply.code(201)
      return { ...ws, role: 'owner' }
    })

    app.patch('/current/time-zone', {
      config: { access: 'settings:write' },
      schema: {
        tags, summary: 'Set the time zone calendar conditions are read in (segments, growth per day)', headers: workspaceHeader,
        body: z.strictObject({ time_zone: z.string().min(1).max(64).describe('IANA name, e.g. Asia/Shanghai') }),
        response: { 200: z.object({ time_zone: z.string() }), ...errors(400, 401, 403) },
      },
    }, async (req) => setWorkspaceTimeZone(db, req.actor, req.body.time_zone))
  }
}
