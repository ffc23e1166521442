import { requirePermission, type Actor } from '../../domain/actor.ts'
import { ENTITIES } from '../../domain/entities.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { generateDemo, type DemoOptions } from '../../demo/generate.ts'
import type { Db } from '../../store/db.ts'
import type { SourceRow } from '../../io/import-source.ts'
import { importRows, type ImportSummary } from '../import/import-rows.ts'

export interface LoadDemoOptions extends DemoOptions {
  /** Who loads it, into which workspace (the CLI or start-up: a system actor). */
  actor: Actor
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
  if (opts.reset) await clearWorkspace(db, opts.actor)
  const out: ImportSummary[] = []
  for (const entity of ENTITIES) {
    const records = data[entity] as unknown as Array<Record<string, unknown>>
    const summary = await importRows(db, asRows(records), { entity, actor: opts.actor, source: 'demo' })
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
export async function clearWorkspace(db: Db, actor: Actor): Promise<void> {
  requirePermission(actor, 'settings:write')
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM customers WHERE workspace_id = $1', [actor.workspaceId])
    await tx.query('DELETE FROM products WHERE workspace_id = $1', [actor.workspaceId])
    await recordAudit(tx, actor, { action: 'delete_all', entity: 'workspaces', entityId: actor.workspaceId, changes: { tables: { before: 'customers, products and everything that refers to them' } } })
  })
}

function* asRows(records: Array<Record<string, unknown>>): Generator<SourceRow> {
  for (let i = 0; i < records.length; i++) {
    // A copy, since coercion edits records in place and the caller's data should stay as generated.
    yield { line: i + 1, record: { ...(records[i] as Record<string, unknown>) }, raw: {} }
  }
}
