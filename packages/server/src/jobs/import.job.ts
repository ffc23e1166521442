import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import type { JobHandler } from '../adapters/queue/index.ts'
import { systemActor } from '../domain/actor.ts'
import type { EntityName } from '../domain/entities.ts'
import { InputError } from '../errors/rapport-error.ts'
import { importFile } from '../services/import/import-file.ts'
import { formatRowError } from '../services/import/row-error.ts'

interface ImportPayload {
  uploadId: string
  entity: EntityName
  fileName: string
  format: 'csv' | 'jsonl' | null
  skipInvalid: boolean
}

/**
 * An import started from the API: reads the uploaded file, imports it in one transaction with the same
 * rules as `rapport import` (all or nothing unless skipInvalid), reports progress, and deletes the upload
 * in that same transaction, so a killed job never imports a file twice nor loses it half-way. A refused
 * file fails the job with its bad rows located; its upload is kept.
 * The audit row names the person or key that started it.
 */
export const importJob: JobHandler = async (job, ctx) => {
  const p = job.payload as unknown as ImportPayload
  const actor = { ...systemActor(job.workspaceId), label: job.actorLabel }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'))
  try {
    return await ctx.transaction(async (tx) => {
      const [upload] = await tx.query<{ bytes: Uint8Array }>('SELECT bytes FROM uploads WHERE workspace_id = $1 AND id = $2', [job.workspaceId, p.uploadId])
      if (!upload) throw new InputError(`the uploaded file of this import is gone (upload ${p.uploadId})`)
      const ext = extname(p.fileName) || (p.format === 'jsonl' ? '.jsonl' : '.csv')
      const file = join(dir, `upload${ext}`)
      writeFileSync(file, upload.bytes)
      const summary = await importFile(tx, file, {
        entity: p.entity, actor, source: p.fileName, skipInvalid: p.skipInvalid, ...(p.format && { format: p.format }), parseInWorker: false,
        onProgress: (read, fraction) => void ctx.progress(fraction, `${read.toLocaleString('en')} rows read`),
      })
      const { errors, ...counts } = summary
      if (!summary.committed) {
        // Nothing was written: the job fails with the first bad rows located, as `rapport import` prints them.
        const shown = errors.slice(0, 5).map((e) => formatRowError(p.fileName, e)).join('; ')
        throw new InputError(`${summary.rejected} of ${summary.read} rows are not valid, so nothing was written: ${shown}${summary.errorCount > 5 ? '; …' : ''}`)
      }
      await tx.query('DELETE FROM uploads WHERE workspace_id = $1 AND id = $2', [job.workspaceId, p.uploadId])
      return { ...counts, file: p.fileName, errors: errors.slice(0, 100).map((e) => ({ line: e.line, column: e.column ?? null, reason: e.reason })) }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
