import { z } from 'zod'
import { JOB_STATES, type Queue } from '../../adapters/queue/index.ts'
import { cancelJob, getJob, listJobs } from '../../services/jobs/jobs.ts'
import type { Db } from '../../store/db.ts'
import { errors, limitParam, safeText, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

export const jobOut = z.object({
  id: z.string(), kind: z.string(), state: z.enum(JOB_STATES), progress: z.number().describe('0 to 1'), message: z.string().nullable(),
  error: z.string().nullable(), attempts: z.number().int(), actor: z.string(), created_at: z.string(), started_at: z.string().nullable(),
  finished_at: z.string().nullable(), result: z.unknown(),
})

const jobId = z.strictObject({ id: z.uuid().describe('Job id') })

/** /api/v1/jobs: background work of the workspace — imports, training, sends — with progress and errors. */
export function jobRoutes(db: Db, queue: Queue) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['jobs']
    app.get('/', {
      config: { access: 'jobs:read' },
      schema: {
        tags, summary: 'List jobs, newest first', headers: workspaceHeader,
        querystring: z.strictObject({ state: z.enum(JOB_STATES).optional(), kind: safeText(60).optional(), limit: limitParam, cursor: safeText(2000).optional() }),
        response: { 200: z.object({ data: z.array(jobOut), next_cursor: z.string().nullable() }), ...errors(400, 401, 403) },
      },
    }, async (req) => {
      const page = await listJobs(queue, req.actor, req.query)
      return { data: page.items, next_cursor: page.nextCursor ?? null }
    })

    app.get('/:id', {
      config: { access: 'jobs:read' },
      schema: { tags, summary: 'A job: state, progress, timings, error, result', headers: workspaceHeader, params: jobId, response: { 200: jobOut, ...errors(400, 401, 403, 404) } },
    }, async (req) => getJob(queue, req.actor, req.params.id))

    app.post('/:id/cancel', {
      config: { access: 'jobs:cancel' },
      schema: { tags, summary: 'Cancel a queued or running job', headers: workspaceHeader, params: jobId, response: { 200: jobOut, ...errors(400, 401, 403, 404, 409) } },
    }, async (req) => cancelJob(db, queue, req.actor, req.params.id))
  }
}
