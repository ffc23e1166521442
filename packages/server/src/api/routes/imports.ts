import { Readable } from 'node:stream'
import { z } from 'zod'
import type { Queue } from '../../adapters/queue/index.ts'
import { ENTITIES } from '../../domain/entities.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import { parseColumnMapping } from '../../services/import/column-mapping.ts'
import { startImport } from '../../services/jobs/jobs.ts'
import { MAX_UPLOAD_BYTES, sizeText, type UploadLimits } from '../../services/jobs/upload-store.ts'
import type { Db } from '../../store/db.ts'
import { boolParam, errors, safeText, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'
import { jobOut } from './jobs.ts'

export { MAX_UPLOAD_BYTES }

const FORMATS: Record<string, 'csv' | 'jsonl'> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/octet-stream': 'csv',
}

/**
 * POST /api/v1/imports/:entity: the body is the file (CSV, or JSON Lines with `application/x-ndjson`),
 * stored as it arrives (never whole in memory; upload-store.ts); the answer is 202 with the import job,
 * whose progress and result GET /api/v1/jobs/:id shows. Uploads left incomplete by a process that stopped
 * are deleted when `rapport serve` starts its jobs (startServerQueue → removeAbandonedUploads).
 */
export function importRoutes(db: Db, queue: Queue, limits: Partial<UploadLimits> = {}) {
  const maxBytes = limits.maxBytes ?? MAX_UPLOAD_BYTES
  return async (app: ZodApp): Promise<void> => {
    // The body is handed over as the request stream; startImport reads it, chunk by chunk.
    for (const type of Object.keys(FORMATS)) app.addContentTypeParser(type, (_req, payload, done) => done(null, payload))
    app.post('/:entity', {
      config: { access: 'import' },
      schema: {
        tags: ['jobs'], summary: 'Upload a file and import it as a job',
        description:
          `Body: the file itself, as text/csv (or text/tab-separated-values) or application/x-ndjson, up to ${sizeText(maxBytes)} (larger: 413 payload_too_large), ` +
          'streamed to the server and stored as it arrives; the job is queued only once the whole body arrived, so a dropped connection leaves nothing. ' +
          'Validated and written exactly like `rapport import`: all or nothing unless skip_invalid=true. ' +
          '`columns` renames source columns (CSV header names, JSON Lines keys) to fields; unmapped columns keep their names. ' +
          'Row errors (the job\'s result.errors and GET /api/v1/jobs/:id/rejects) name the column as written in the file.',
        headers: workspaceHeader,
        params: z.strictObject({ entity: z.enum(ENTITIES) }),
        querystring: z.strictObject({
          file_name: safeText(200).optional().describe('Name shown in errors (file:line: column: reason); default upload.csv'),
          skip_invalid: boolParam.default(false),
          columns: safeText(20_000).optional().describe('JSON object mapping file column names to field names, e.g. {"E-mail":"email","Town":"city"} (URL-encoded)'),
        }),
        response: { 202: jobOut, ...errors(400, 401, 403, 413, 415) },
      },
    }, async (req, reply) => {
      const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      const format = FORMATS[type]
      if (!format) {
        throw new RapportError('unsupported_media_type', `send the file as the body with content-type ${Object.keys(FORMATS).join(', ')}`)
      }
      // No body at all (Content-Length: 0) reaches no parser: it is an empty file.
      const body = req.body instanceof Readable ? req.body : Readable.from([])
      const columns = req.query.columns === undefined ? undefined : parseColumnMapping(req.params.entity, req.query.columns, 'query.columns')
      const declared = Number(req.headers['content-length'])
      try {
        const job = await startImport(db, queue, req.actor, {
          entity: req.params.entity, body, fileName: req.query.file_name ?? (format === 'jsonl' ? 'upload.jsonl' : 'upload.csv'),
          format, skipInvalid: req.query.skip_invalid, columns, limits, ...(Number.isFinite(declared) && { declaredBytes: declared }),
        })
        reply.code(202)
        return job
      } catch (err) {
        // The rest of a refused body is not read: close the connection after the answer instead of draining it.
        if (!body.readableEnded) reply.header('connection', 'close')
        throw err
      }
    })
  }
}
