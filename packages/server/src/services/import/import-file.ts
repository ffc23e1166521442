import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { openImportSource, type SourceOptions } from '../../io/import-source.ts'
import type { Db } from '../../store/db.ts'
import { importRows, type ImportSummary } from './import-rows.ts'
import { RejectsFile } from './rejects-file.ts'

export interface ImportFileOptions extends SourceOptions {
  entity: EntityName
  workspaceId: number
  skipInvalid?: boolean
  onProgress?: (rowsRead: number, bytesFraction: number) => void
}

export interface ImportFileSummary extends ImportSummary {
  file: string
  format: 'csv' | 'jsonl'
  ignoredColumns: string[]
  rejectsFile?: string
}

/** Imports one CSV or JSON Lines file (streamed); see importRows for the transaction rules. */
export async function importFile(db: Db, file: string, opts: ImportFileOptions): Promise<ImportFileSummary> {
  const fields = Object.keys(entitySchemas[opts.entity].shape)
  const source = openImportSource(file, fields, opts)
  const rejects = opts.skipInvalid ? new RejectsFile(`${file}.rejects.csv`) : undefined
  let approxBytes = 0
  const summary = await importRows(db, countBytes(source.rows, (n) => (approxBytes += n)), {
    entity: opts.entity,
    workspaceId: opts.workspaceId,
    ...(opts.skipInvalid !== undefined && { skipInvalid: opts.skipInvalid }),
    onProgress: (read) => opts.onProgress?.(read, source.totalBytes > 0 ? Math.min(1, approxBytes / source.totalBytes) : 1),
    ...(rejects && { onReject: (row, errs) => rejects.write(row, errs) }),
  })
  await rejects?.close()
  return {
    ...summary,
    file,
    format: source.format,
    ignoredColumns: source.ignoredColumns,
    ...(rejects && rejects.count > 0 && { rejectsFile: rejects.path }),
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
