import { requirePermission, type Actor } from '../../domain/actor.ts'
import { ENTITIES } from '../../domain/entities.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { generateDemoWithTruth, type DemoOptions } from '../../demo/generate.ts'
import type { Db } from '../../store/db.ts'
import type { SourceRow } from '../../io/import-source.ts'
import { importRows, type ImportSummary } from '../import/import-rows.ts'
import { createKbArticle } from '../knowledge/kb-articles-service.ts'
import { DEMO_KB_ARTICLES } from './demo-kb-articles.ts'
import { loadDemoCannedResponses } from './demo-canned-responses.ts'

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
  const { data, truth } = generateDemoWithTruth(opts)
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
  await labelDemoIntents(db, opts.actor.workspaceId, truth.ticketIntent)
  await solveDemoHistory(db, opts.actor.workspaceId)
  await loadDemoKb(db, opts.actor)
  await loadDemoCannedResponses(db, opts.actor)
  return out
}

/**
 * The demo's finished tickets get a resolution time, as a desk's history would have: between 2 and 71 hours after
 * they were opened, the same for the same ticket (a hash of its key). Imported tickets carry none (their solved time
 * is unknown, migration 0016), which would leave the desk's reports without a history to show.
 */
async function solveDemoHistory(db: Db, workspaceId: number): Promise<void> {
  await db.query(
    `UPDATE conversations c SET solved_at = t.opened_at + make_interval(hours => 2 + (abs(hashtext(t.external_id)) % 70))
       FROM tickets t
      WHERE c.workspace_id = $1 AND t.workspace_id = $1 AND c.ticket_id = t.id AND t.status IN ('solved', 'closed') AND c.solved_at IS NULL`,
    [workspaceId],
  )
}

/**
 * The demo shop's help centre: published articles in English and Chinese with the other ways customers ask them,
 * for agents' suggested replies and the chat assistant. Articles already there (by external id) are left alone.
 */
async function loadDemoKb(db: Db, actor: Actor): Promise<void> {
  const have = new Set((await db.query<{ external_id: string }>(`SELECT external_id FROM kb_articles WHERE workspace_id = $1 AND external_id IS NOT NULL`, [actor.workspaceId])).map((r) => r.external_id))
  for (const a of DEMO_KB_ARTICLES) {
    if (!have.has(a.external_id)) await createKbArticle(db, actor, { ...a, questions: [...a.questions], status: 'published' })
  }
}

/**
 * The demo's finished tickets carry their generator's intent as an agent's label: the history the ticket intent
 * model trains on, as a real desk's would be. Open tickets stay unlabelled for the triage.
 */
async function labelDemoIntents(db: Db, workspaceId: number, intents: Record<string, string>): Promise<void> {
  const keys = Object.keys(intents)
  await db.query(
    `UPDATE conversations c SET intent = l.intent, intent_source = 'agent', intent_confidence = 1
       FROM unnest($2::text[], $3::text[]) AS l(external_id, intent)
       JOIN tickets t ON t.workspace_id = $1 AND t.external_id = l.external_id
      WHERE c.workspace_id = $1 AND c.ticket_id = t.id AND t.status IN ('solved', 'closed') AND c.intent_source IS NULL`,
    [workspaceId, keys, keys.map((k) => intents[k] ?? '')],
  )
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
