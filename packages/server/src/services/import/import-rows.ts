import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { coerceRecord } from '../../domain/coerce.ts'
import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import type { SourceRow } from '../../io/import-source.ts'
import { deriveKey } from './derive-key.ts'
import { zodRowErrors, type RowError } from './row-error.ts'
import { BatchWriter } from './batch-writer.ts'

export interface ImportOptions {
  entity: EntityName
  workspaceId: number
  /** Import the good rows and report the bad ones, instead of writing nothing when any row is bad. */
  skipInvalid?: boolean
  batchSize?: number
  /** How many row errors to keep in the summary (all are counted). */
  maxErrorsKept?: number
  onProgress?: (rowsRead: number) => void
  onReject?: (row: SourceRow, errors: RowError[]) => void
}

export interface ImportSummary {
  entity: EntityName
  read: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  /** True when the transaction committed (always, with skipInvalid; only when no row was bad, without). */
  committed: boolean
  errors: RowError[]
  errorCount: number
  seconds: number
  rowsPerSecond: number
}

class Rollback extends Error {}

/**
 * Imports a stream of rows in one transaction: each row is coerced and validated (zod), references are
 * resolved by external id, and good rows are upserted in batches. Without `skipInvalid`, one bad row means
 * the whole transaction rolls back and nothing is written, but every bad row is still reported.
 */
export async function importRows(
  db: Db,
  rows: AsyncIterable<SourceRow | SourceRow[]> | Iterable<SourceRow>,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const t0 = performance.now()
  const schema = entitySchemas[opts.entity]
  const spec = entityTables[opts.entity]
  const maxKept = opts.maxErrorsKept ?? 1000
  const fields = Object.keys(schema.shape)
  const errors: RowError[] = []
  const summary: ImportSummary = {
    entity: opts.entity, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0,
    committed: false, errors, errorCount: 0, seconds: 0, rowsPerSecond: 0,
  }
  const reject = (row: SourceRow, errs: RowError[]): void => {
    summary.rejected++
    summary.errorCount += errs.length
    for (const e of errs) if (errors.length < maxKept) errors.push(e)
    opts.onReject?.(row, errs)
  }
  try {
    await db.transaction(async (tx) => {
      const writer = new BatchWriter(tx, spec, opts.workspaceId, reject)
      const batchSize = opts.batchSize ?? 5000
      // One write is kept in flight while the next batch is parsed and validated: on PostgreSQL the server
      // works on the previous batch meanwhile.
      let inFlight: Promise<void> = Promise.resolve()
      const flush = async (): Promise<void> => {
        const pending = writer.take()
        await inFlight
        inFlight = writer.write(pending).then((c) => {
          summary.inserted += c.inserted
          summary.updated += c.updated
        })
        // Surface a failed write now rather than at the end; the handled copy avoids an unhandled rejection.
        inFlight.catch(() => undefined)
      }
      for await (const item of rows) {
        for (const row of Array.isArray(item) ? item : [item]) {
          summary.read++
          const { record } = row
          if (typeof record.__parseError === 'string') {
            reject(row, [{ line: row.line, reason: `invalid JSON: ${record.__parseError}` }])
            continue
          }
          const coerceErrors = coerceRecord(record)
          const parsed = schema.safeParse(record)
          if (coerceErrors.length > 0 || !parsed.success) {
            const errs: RowError[] = coerceErrors.map((e) => ({ line: row.line, column: e.field, reason: e.reason }))
            if (!parsed.success) {
              for (const e of zodRowErrors(row.line, record, parsed.error)) if (!errs.some((x) => x.column === e.column)) errs.push(e)
            }
            reject(row, errs)
            continue
          }
          const data = parsed.data as Record<string, unknown>
          if (spec.derivedKey && data.external_id === undefined) data.external_id = deriveKey(fields, data)
          writer.add(row, data)
          if (writer.size >= batchSize) await flush()
        }
        opts.onProgress?.(summary.read)
      }
      await flush()
      await inFlight
      if (summary.rejected > 0 && !opts.skipInvalid) throw new Rollback()
    })
    summary.committed = true
  } catch (err) {
    if (!(err instanceof Rollback)) throw err
    summary.inserted = 0
    summary.updated = 0
  }
  opts.onProgress?.(summary.read)
  summary.unchanged = summary.committed ? summary.read - summary.rejected - summary.inserted - summary.updated : 0
  summary.seconds = (performance.now() - t0) / 1000
  summary.rowsPerSecond = summary.seconds > 0 ? summary.read / summary.seconds : 0
  return summary
}
