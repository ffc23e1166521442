import { z } from 'zod'
import type { Queue } from '../../adapters/queue/index.ts'
import { ENTITIES } from '../../domain/entities.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import { startImport } from '../../services/jobs/jobs.ts'
import type { Db } from '../../store/db.ts'
import { boolParam, errors, safeText, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'
import { jobOut } from './jobs.ts'

export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024

const FORMATS: Record<string, 'csv' | 'jsonl'> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/octet-stream': 'csv',
}

/**
 * POST /api/v1/imports/:entity: the body is the file (CSV, or JSON Lines with `application/x-ndjson`); the
 * answer is 202 with the import job, whose progress and result GET /api/v1/jobs/:id shows.
 */
export function importRoutes(db: Db, queue: Queue) {
  return async (app: ZodApp): Promise<void> => {
    for (const type of Object.keys(FORMATS)) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body))
    }
    app.post('/:entity', {
      config: { access: 'import' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['jobs'], summary: 'Upload a file and import it as a job',
        description: `Body: the file itself, as text/csv (or text/tab-separated-values) or application/x-ndjson, up to ${MAX_UPLOAD_BYTES / 2 ** 20} MiB. Validated and written exactly like \`rapport import\`: all or nothing unless skip_invalid=true.`,
        headers: workspaceHeader,
        params: z.strictObject({ entity: z.enum(ENTITIES) }),
        querystring: z.strictObject({
          file_name: safeText(200).optional().describe('Name shown in errors (file:line: column: reason); default upload.csv'),
          skip_invalid: boolParam.default(false),
        }),
        response: { 202: jobOut, ...errors(400, 401, 403, 413, 415) },
      },
    }, async (req, reply) => {
      const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      const format = FORMATS[type]
      if (!format || !Buffer.isBuffer(req.body)) {
        throw new RapportError('unsupported_media_type', `send the file as the body with content-type ${Object.keys(FORMATS).join(', ')}`)
      }
      const job = await startImport(db, queue, req.actor, {
        entity: req.params.entity, bytes: req.body as Buffer, fileName: req.query.file_name ?? (format === 'jsonl' ? 'upload.jsonl' : 'upload.csv'),
        format, skipInvalid: req.query.skip_invalid,
      })
      reply.code(202)
      return job
    })
  }
}
