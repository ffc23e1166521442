import { ENTITIES } from '../../domain/entities.ts'
import { generateDemo, type DemoOptions } from '../../demo/generate.ts'
import type { Db } from '../../store/db.ts'
import type { SourceRow } from '../../io/import-source.ts'
import { importRows, type ImportSummary } from '../import/import-rows.ts'

export interface LoadDemoOptions extends DemoOptions {
  workspaceId: number
  /** Delete the workspace's records first. */
  reset?: boolean
  onEntity?: (summary: ImportSummary) => void
}

/**
 * Generates the seeded demo dataset and loads it through the import path (validation, reference resolution,
 * upsert), entity by entity in reference order. Loading the same seed again changes nothing.
 */
export async function loadDemo(db: Db, opts: LoadDemoOptions): Promise<ImportSummary[]> {
  const data = generateDemo(opts)
  if (opts.reset) await clearWorkspace(db, opts.workspaceId)
  const out: ImportSummary[] = []
  for (const entity of ENTITIES) {
    const records = data[entity] as unknown as Array<Record<string, unknown>>
    const summary = await importRows(db, asRows(records), { entity, workspaceId: opts.workspaceId })
    if (!summary.committed) {
      const e = summary.errors[0]
      throw new Error(`demo ${entity} row ${e?.line}: ${e?.column ?? ''} ${e?.reason ?? ''} (a bug in the generator)`)
    }
    opts.onEntity?.(summary)
    out.push(summary)
  }
  return out
}

/** Removes every record of a workspace (customers cascade to their orders, events, reviews, tickets, consents). */
export async function clearWorkspace(db: Db, workspaceId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM customers WHERE workspace_id = $1', [workspaceId])
    await tx.query('DELETE FROM products WHERE workspace_id = $1', [workspaceId])
  })
}

function* asRows(records: Array<Record<string, unknown>>): Generator<SourceRow> {
  for (let i = 0; i < records.length; i++) {
    // A copy, since coercion edits records in place and the caller's data should stay as generated.
    yield { line: i + 1, record: { ...(records[i] as Record<string, unknown>) }, raw: {} }
  }
}
