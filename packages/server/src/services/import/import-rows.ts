import { requirePermission, type Actor } from '../../domain/actor.ts'
import { type EntityName } from '../../domain/entities.ts'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import type { SourceRow } from '../../io/import-source.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { RowError } from './row-error.ts'
import { BatchWriter } from './batch-writer.ts'
import { WritePipeline } from './write-pipeline.ts'
import { ChunkCollector, type ImportChunk, type RowOrigin } from './valid-batch.ts'

export interface ImportOptions {
  entity: EntityName
  /** Who imports, into which workspace (needs the import permission); the import's audit row names them. */
  actor: Actor
  /** What the audit row calls the source: a file name, `api:events/batch`, `demo`. */
  source?: string
  /** Import the good rows and report the bad ones, instead of writing nothing when any row is bad. */
  skipInvalid?: boolean
  batchSize?: number
  /** How many row errors to keep in the summary (all are counted). */
  maxErrorsKept?: number
  onProgress?: (rowsRead: number) => void
  onReject?: (origin: RowOrigin, errors: RowError[]) => void
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
  return importChunks(db, validatedChunks(rows, opts), opts)
}

/** Validates rows on this thread and groups them into chunks of about `batchSize` valid rows. */
async function* validatedChunks(
  rows: AsyncIterable<SourceRow | SourceRow[]> | Iterable<SourceRow>,
  opts: ImportOptions,
): AsyncGenerator<ImportChunk> {
  const collector = new ChunkCollector(opts.entity, opts.onReject !== undefined, opts.batchSize ?? 5000)
  let sinceYield = 0
  for await (const item of rows) {
    for (const row of Array.isArray(item) ? item : [item]) {
      const chunk = collector.push(row)
      if (chunk) yield chunk
      // Replies to the writes in flight are only handled when the event loop gets a turn, and validating
      // rows from a buffered source never gives it one (async iteration runs on microtasks): without this,
      // a batch's upsert went out only after the whole next batch was validated, and the server sat idle.
      if (++sinceYield >= 500) {
        sinceYield = 0
        await yieldToEventLoop()
      }
    }
  }
  yield collector.finish()
}

/**
 * Writes chunks of validated rows in one transaction (see importRows for the rules). The chunks may come
 * from this thread or from the parse worker.
 */
export async function importChunks(db: Db, chunks: AsyncIterable<ImportChunk>, opts: ImportOptions): Promise<ImportSummary> {
  requirePermission(opts.actor, 'import')
  const workspaceId = opts.actor.workspaceId
  const t0 = performance.now()
  const spec = entityTables[opts.entity]
  const maxKept = opts.maxErrorsKept ?? 1000
  const errors: RowError[] = []
  const summary: ImportSummary = {
    entity: opts.entity, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0,
    committed: false, errors, errorCount: 0, seconds: 0, rowsPerSecond: 0,
  }
  const reject = (origin: RowOrigin, errs: RowError[]): void => {
    summary.rejected++
    summary.errorCount += errs.length
    for (const e of errs) if (errors.length < maxKept) errors.push(e)
    opts.onReject?.(origin, errs)
  }
  try {
    await db.transaction(async (tx) => {
      // Two imports into one table of one workspace take turns: rows of overlapping files in different
      // orders would otherwise lock each other's keys and deadlock (PostgreSQL; PGlite runs one at a time).
      if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [workspaceId, spec.table])
      const writer = new BatchWriter(tx, spec, workspaceId, reject)
      const pipeline = new WritePipeline(writer, (c) => {
        summary.inserted += c.inserted
        summary.updated += c.updated
      })
      for await (const chunk of chunks) {
        summary.read += chunk.read
        for (const r of chunk.rejects) reject(r.origin, r.errors)
        if (chunk.batch) await pipeline.push(chunk.batch)
        opts.onProgress?.(summary.read)
      }
      await pipeline.drain()
      if (summary.rejected > 0 && !opts.skipInvalid) throw new Rollback()
      // One audit row per import (not per row: a million audit rows would cost as much as the import), in
      // the import's transaction, so a rolled-back import leaves none.
      await recordAudit(tx, opts.actor, {
        action: 'import', entity: spec.table,
        changes: { source: opts.source ?? null, read: summary.read, inserted: summary.inserted, updated: summary.updated, rejected: summary.rejected },
      })
    })
    summary.committed = true
  } catch (err) {
    if (!(err instanceof Rollback)) throw err
    summary.inserted = 0
    summary.updated = 0
  }
  // Rows are rejected while parsing and, for unknown references, while writing: report them in file order.
  errors.sort((a, b) => a.line - b.line)
  opts.onProgress?.(summary.read)
  summary.unchanged = summary.committed ? summary.read - summary.rejected - summary.inserted - summary.updated : 0
  summary.seconds = (performance.now() - t0) / 1000
  summary.rowsPerSecond = summary.seconds > 0 ? summary.read / summary.seconds : 0
  return summary
}
