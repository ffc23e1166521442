import { Readable } from 'node:stream'
import { z } from 'zod'
import { JOB_STATES, type Queue } from '../../adapters/queue/index.ts'
import { cancelJob, getJob, jobRejects, listJobs } from '../../services/jobs/jobs.ts'
import { MAX_REJECTS_BYTES } from '../../services/jobs/job-rejects.ts'
import type { Db } from '../../store/db.ts'
import { errors, limitParam, safeText, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

export const jobOut = z.object({
  id: z.string(), kind: z.string(), state: z.enum(JOB_STATES), progress: z.number().describe('0 to 1'), message: z.string().nullable(),
  error: z.string().nullable(), attempts: z.number().int(), actor: z.string(), created_at: z.string(), started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  result: z.unknown().describe(
    'What the job returned, or null. An import job (completed, or failed because rows were not valid and nothing was written) has ' +
      '{ entity, file, format, read, inserted, updated, unchanged, rejected, committed, errorCount, ignoredColumns, seconds, rowsPerSecond, ' +
      'errors: [{ line, column, reason }] } with the first 1000 errors in file order, `column` as written in the file (null for a whole-row error); ' +
      'all of them are at GET /api/v1/jobs/:id/rejects. A job failed for another reason has result null and the reason in `error`.',
  ),
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

    app.get('/:id/rejects', {
      config: { access: 'jobs:read' },
      schema: {
        tags, summary: 'The rejected rows of an import job, as CSV',
        description:
          'text/csv with the header `line,column,reason` and one row per error (a row with two bad columns has two), in file order; `column` is ' +
          'as written in the file, empty for a whole-row error. Every error of the import, not only the 1000 in the job\'s result, up to ' +
          `${MAX_REJECTS_BYTES / 2 ** 20} MiB of CSV; past that a last row says how many were left out. Just the header when the import rejected nothing ` +
          '(or has not finished). A job that is not an import is not found.',
        headers: workspaceHeader, params: jobId,
        response: { 200: z.string().describe('line,column,reason CSV'), ...errors(400, 401, 403, 404) },
      },
    }, async (req, reply) => {
      // Found (and allowed) before any byte is sent, so a refusal is a proper error answer.
      const chunks = await jobRejects(db, queue, req.actor, req.params.id)
      const name = `job-${req.params.id}-rejects.csv`
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(Readable.from(chunks) as unknown as string)
    })

    app.post('/:id/cancel', {
      config: { access: 'jobs:cancel' },
      schema: { tags, summary: 'Cancel a queued or running job', headers: workspaceHeader, params: jobId, response: { 200: jobOut, ...errors(400, 401, 403, 404, 409) } },
    }, async (req) => cancelJob(db, queue, req.actor, req.params.id))
  }
}
