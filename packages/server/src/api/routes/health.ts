import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import { errorBody } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

/** GET /health: 200 when the database answers `SELECT 1`, else 503 `unavailable`. */
export function registerHealth(app: ZodApp, db: Db): void {
  app.get('/health', {
    config: { access: 'public' },
    schema: {
      tags: ['health'], summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }), 503: errorBody },
    },
  }, async (req) => {
    try {
      await db.query('SELECT 1')
    } catch (err) {
      req.log.error({ err }, 'health check: database query failed')
      throw new RapportError('unavailable', 'the database is not answering')
    }
    return { status: 'ok' as const, database: db.kind }
  })
}
