import { z } from 'zod'
import { listAudit } from '../../../services/audit/list-audit.ts'
import type { Db } from '../../../store/db.ts'
import { errors, limitParam, pageOf, safeText, timeParam, workspaceHeader } from '../../schemas.ts'
import type { ZodApp } from '../crud.ts'

const auditOut = z.object({
  id: z.number().int(), at: z.string(), actor_kind: z.string(), actor_label: z.string(), action: z.string(), entity: z.string(),
  entity_id: z.string().nullable(), changes: z.unknown(), request_id: z.string().nullable(), ip: z.string().nullable(),
})

/** GET /api/v1/audit: who changed what, newest first (audit:read). */
export function auditRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    app.get('/', {
      config: { access: 'audit:read' },
      schema: {
        tags: ['admin'], summary: 'The audit log', headers: workspaceHeader,
        querystring: z.strictObject({
          actor: safeText(320).optional().describe('Actor label: an e-mail, key:<prefix>, cli, system'),
          action: safeText(60).optional(), entity: safeText(60).optional(), entity_id: safeText(100).optional(),
          from: timeParam.optional(), to: timeParam.optional(),
          limit: limitParam, cursor: safeText(2000).optional(),
        }),
        response: { 200: pageOf(auditOut), ...errors(400, 401, 403) },
      },
    }, async (req) => listAudit(db, req.actor, req.query))
  }
}
