import { requirePermission, type Actor } from '../../domain/actor.ts'
import type { EntityName } from '../../domain/entities.ts'
import { retryDeadlocks } from '../transaction.ts'
import type { SourceRow } from '../../io/import-source.ts'
import { importRows, type ImportSummary } from '../import/import-rows.ts'
import type { RowError } from '../import/row-error.ts'
import type { Db } from '../../store/db.ts'
import { invalid, type FieldIssue } from '../../errors/rapport-error.ts'

export interface BatchResult {
  received: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  errors: FieldIssue[]
}

/** Request items as import rows: `line` is the 1-based position in the array, as the import reports it. */
export async function* itemRows(items: readonly Record<string, unknown>[]): AsyncGenerator<SourceRow> {
  for (let i = 0; i < items.length; i++) yield { line: i + 1, record: { ...items[i] }, raw: {} }
}

/** An import row error as a field issue on the request: line 3, column email → `items.2.email`. */
export function rowIssue(e: RowError, prefix = 'items'): FieldIssue {
  return { path: [prefix, e.line - 1, ...(e.column ? [e.column] : [])].join('.'), message: e.reason }
}

export function summaryResult(s: ImportSummary): BatchResult {
  return {
    received: s.read,
    inserted: s.inserted,
    updated: s.updated,
    unchanged: s.unchanged,
    rejected: s.rejected,
    errors: s.errors.map((e) => rowIssue(e)),
  }
}

/**
 * Ingests a batch through the import path (same validation, reference resolution and upsert by natural
 * key as `rapport import`). Transactional unless skipInvalid: one bad item writes nothing and the answer is
 * a 400 listing every bad item; with skipInvalid the good items are written and the bad ones reported.
 */
export async function ingestBatch(db: Db, actor: Actor, entity: EntityName, items: Record<string, unknown>[], skipInvalid: boolean): Promise<BatchResult> {
  requirePermission(actor, 'customers:write')
  // A deadlock victim is rolled back whole, so running the batch again is safe (bounded, then 503).
  const summary = await retryDeadlocks(() => importRows(db, itemRows(items), { entity, actor, source: `api:${entity}/batch`, skipInvalid, maxErrorsKept: 1000 }))
  if (!summary.committed) {
    throw invalid(summary.errors.map((e) => rowIssue(e)), `${summary.rejected} of ${summary.read} items are not valid; nothing was written`)
  }
  return summaryResult(summary)
}
