import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { JobFailure, type JobHandler } from '../adapters/queue/index.ts'
import { systemActor } from '../domain/actor.ts'
import type { EntityName } from '../domain/entities.ts'
import { InputError, UsageError } from '../errors/rapport-error.ts'
import type { ColumnMapping } from '../services/import/column-mapping.ts'
import { importFile, type ImportFileSummary } from '../services/import/import-file.ts'
import { formatRowError } from '../services/import/row-error.ts'
import { RejectsCsv, storeRejects } from '../services/jobs/job-rejects.ts'
import { deleteUpload, writeUploadToFile } from '../services/jobs/upload-store.ts'
import { queueRescoreAfterImport } from '../services/intelligence/rescore-after-import.ts'

interface ImportPayload {
  uploadId: string
  entity: EntityName
  fileName: string
  format: 'csv' | 'jsonl' | null
  skipInvalid: boolean
  /** File column → field (absent in jobs queued before column mapping existed). */
  columns?: ColumnMapping | undefined
}

/** Row errors kept in the job's result; GET /api/v1/jobs/:id/rejects has all of them. */
export const RESULT_ERRORS = 1000

/** What an import job stores as its result, completed or refused. */
export interface ImportJobResult {
  entity: EntityName
  file: string
  format: 'csv' | 'jsonl'
  read: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  committed: boolean
  errorCount: number
  ignoredColumns: string[]
  seconds: number
  rowsPerSecond: number
  /** The first RESULT_ERRORS errors, in file order; `column` as the file names it. */
  errors: Array<{ line: number; column: string | null; reason: string }>
}

/** Refusal of the file, carried out of the import's transaction so that it rolls back. */
class Refused extends Error {
  constructor(readonly result: ImportJobResult) {
    super('refused')
  }
}

/**
 * An import started from the API: copies the upload to a local file (upload-store.ts), imports it in one
 * transaction with the same rules as `rapport import` (all or nothing unless skipInvalid), reports
 * progress, and deletes the upload in that same transaction, so a killed job never imports a file twice
 * nor loses it half-way. A refused file (nothing written) fails the job with a message locating the first
 * bad rows and, as data, the result with the first RESULT_ERRORS errors; then its upload is deleted, as it
 * is when the whole file is refused (an input error: a bad header, not UTF-8). Every
 * error is kept as the job's rejects (see job-rejects.ts). The audit row names the person or key that started it.
 */
export const importJob: JobHandler = async (job, ctx) => {
  const p = job.payload as unknown as ImportPayload
  const actor = { ...systemActor(job.workspaceId), label: job.actorLabel }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'))
  try {
    const rejects = new RejectsCsv(join(dir, 'rejects.csv'))
    try {
      const done = await ctx.transaction(async (tx) => {
        const ext = extname(p.fileName) || (p.format === 'jsonl' ? '.jsonl' : '.csv')
        const file = join(dir, `upload${ext}`)
        const size = await writeUploadToFile(tx, job.workspaceId, p.uploadId, file)
        if (size === undefined) throw new InputError(`the uploaded file of this import is gone (upload ${p.uploadId})`)
        const summary = await importFile(tx, file, {
          entity: p.entity, actor, source: p.fileName, skipInvalid: p.skipInvalid, ...(p.format && { format: p.format }), parseInWorker: false,
          ...(p.columns && { map: p.columns }),
          onReject: (_origin, errors) => rejects.write(errors),
          onProgress: (read, fraction) => void ctx.progress(fraction, `${read.toLocaleString('en')} rows read`),
        })
        const result = resultOf(summary, p.fileName)
        if (!summary.committed) throw new Refused(result)
        if (rejects.count > 0) await storeRejects(tx, job.workspaceId, job.id, rejects.close())
        await deleteUpload(tx, job.workspaceId, p.uploadId)
        return result
      })
      // The import has committed: a failure to queue the rescore must not fail it (the nightly refresh rescores anyway).
      await queueRescoreAfterImport(ctx, job, p.entity, done.inserted + done.updated).catch(() => undefined)
      return done
    } catch (err) {
      if (err instanceof InputError || err instanceof UsageError) {
        // The file itself is refused (a column named twice, not UTF-8 …): like a refused file, its upload goes.
        await ctx.transaction((tx) => deleteUpload(tx, job.workspaceId, p.uploadId))
        throw err
      }
      if (!(err instanceof Refused)) throw err
      const r = err.result
      await ctx.transaction(async (tx) => {
        await storeRejects(tx, job.workspaceId, job.id, rejects.close())
        // Nobody can run this import again: the file is fixed and uploaded anew.
        await deleteUpload(tx, job.workspaceId, p.uploadId)
      })
      const shown = r.errors.slice(0, 5).map((e) => formatRowError(p.fileName, { line: e.line, column: e.column ?? undefined, reason: e.reason })).join('; ')
      throw new JobFailure(`${r.rejected} of ${r.read} rows are not valid, so nothing was written: ${shown}${r.errorCount > 5 ? '; …' : ''}`, r)
    } finally {
      rejects.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function resultOf(s: ImportFileSummary, fileName: string): ImportJobResult {
  return {
    entity: s.entity, file: fileName, format: s.format, read: s.read, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged,
    rejected: s.rejected, committed: s.committed, errorCount: s.errorCount, ignoredColumns: s.ignoredColumns, seconds: s.seconds,
    rowsPerSecond: s.rowsPerSecond,
    errors: s.errors.slice(0, RESULT_ERRORS).map((e) => ({ line: e.line, column: e.column ?? null, reason: e.reason })),
  }
}
