import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Actor } from '../../domain/actor.ts'
import { openImportSource, type SourceOptions } from '../../io/import-source.ts'
import type { Db } from '../../store/db.ts'
import { fileColumnNamer } from './column-mapping.ts'
import { importChunks, importRows, type ImportSummary } from './import-rows.ts'
import { RejectsFile } from './rejects-file.ts'
import type { RowError } from './row-error.ts'
import type { ImportChunk, RowOrigin } from './valid-batch.ts'
import { parseInWorker } from './worker-chunks.ts'

export interface ImportFileOptions extends SourceOptions {
  entity: EntityName
  actor: Actor
  /** What the audit row calls the file (default: its name); given, input errors call it that too (not its path). */
  source?: string
  skipInvalid?: boolean
  onProgress?: (rowsRead: number, bytesFraction: number) => void
  /**
   * Parse and validate on a worker thread, in parallel with the writes. Default: for files of 4 MiB and
   * more, where it pays for the worker's start-up (about a quarter of a second).
   */
  parseInWorker?: boolean
  /** Rows per write (default 5000). */
  batchSize?: number
  /** Told of every rejected row (all of them, not only the errors kept in the summary). */
  onReject?: (origin: RowOrigin, errors: RowError[]) => void
}

export interface ImportFileSummary extends ImportSummary {
  file: string
  format: 'csv' | 'jsonl'
  ignoredColumns: string[]
  rejectsFile?: string
}

const WORKER_MIN_BYTES = 4 * 2 ** 20

/** Imports one CSV or JSON Lines file (streamed); see importRows for the transaction rules. */
export async function importFile(db: Db, file: string, opts: ImportFileOptions): Promise<ImportFileSummary> {
  const rejects = opts.skipInvalid ? new RejectsFile(`${file}.rejects.csv`) : undefined
  // Errors name the columns as the file does: a mapped field is reported under its source column.
  const named = fileColumnNamer(opts.map)
  const onReject = (origin: RowOrigin, errors: RowError[]): void => {
    const errs = errors.map(named)
    rejects?.write(origin, errs)
    opts.onReject?.(origin, errs)
  }
  const importOpts = {
    entity: opts.entity,
    actor: opts.actor,
    source: opts.source ?? basename(file),
    ...(opts.skipInvalid !== undefined && { skipInvalid: opts.skipInvalid }),
    ...(opts.batchSize !== undefined && { batchSize: opts.batchSize }),
    ...((rejects || opts.onReject) && { onReject }),
  }
  // An upload is read from a temp file: its errors must name the file the person sent.
  const shownName = opts.name ?? opts.source
  const nameOpt = shownName === undefined ? {} : { name: shownName }
  const useWorker = opts.parseInWorker ?? fileSize(file) >= WORKER_MIN_BYTES
  let summary: ImportSummary
  let format: 'csv' | 'jsonl'
  let ignoredColumns: string[]
  if (useWorker) {
    const { entity, actor: _actor, source: _source, skipInvalid, onProgress, parseInWorker: _, batchSize, onReject: _onReject, ...source } = opts
    const parsed = parseInWorker({ file, entity, source: { ...source, ...nameOpt }, keepRaw: rejects !== undefined, batchSize: batchSize ?? 5000, maxAhead: 4 })
    let bytes = 0
    let total = 0
    void parsed.meta.then((m) => (total = m.totalBytes), () => undefined)
    try {
      summary = await importChunks(db, countChunkBytes(parsed.chunks, (n) => (bytes += n)), {
        ...importOpts,
        onProgress: (read) => onProgress?.(read, total > 0 ? Math.min(1, bytes / total) : 1),
      })
      ;({ format, ignoredColumns } = await parsed.meta)
    } finally {
      // Also when the database failed before the chunks were read: a waiting worker would keep the process alive.
      await parsed.stop()
    }
  } else {
    const source = openImportSource(file, Object.keys(entitySchemas[opts.entity].shape), { ...opts, ...nameOpt })
    let approxBytes = 0
    summary = await importRows(db, countBytes(source.rows, (n) => (approxBytes += n)), {
      ...importOpts,
      onProgress: (read) => opts.onProgress?.(read, source.totalBytes > 0 ? Math.min(1, approxBytes / source.totalBytes) : 1),
    })
    ;({ format, ignoredColumns } = source)
  }
  await rejects?.close()
  return {
    ...summary,
    errors: summary.errors.map(named),
    file,
    format,
    ignoredColumns,
    ...(rejects && rejects.count > 0 && { rejectsFile: rejects.path }),
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0 // missing files are reported by the source, with the usual message
  }
}

async function* countChunkBytes(chunks: AsyncIterable<ImportChunk>, add: (n: number) => void): AsyncGenerator<ImportChunk> {
  for await (const chunk of chunks) {
    add(chunk.bytes)
    yield chunk
  }
}

/** Approximates bytes consumed from the raw cells, for the progress bar. */
async function* countBytes<T extends { raw: Record<string, string> }>(batches: AsyncIterable<T[]>, add: (n: number) => void): AsyncGenerator<T[]> {
  for await (const batch of batches) {
    let n = 0
    for (const row of batch) for (const v of Object.values(row.raw)) n += v.length + 1
    add(n)
    yield batch
  }
}
