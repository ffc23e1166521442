import { requirePermission, type Actor } from '../../domain/actor.ts'
import { ATTRIBUTION_DAYS, drawCampaignHistory, HISTORY_HOLDOUT_PCT, type CampaignHistory, type HistoryCampaign } from '../../demo/campaign-history.ts'
import { generateDemo, type DemoOptions } from '../../demo/generate.ts'
import { streamRng } from '../../demo/sampling.ts'
import { parseAsOf } from '../../demo/time.ts'
import type { SourceRow } from '../../io/import-source.ts'
import { arrayLiteral } from '../../store/array-literal.ts'
import type { Db } from '../../store/db.ts'
import { importRows } from '../import/import-rows.ts'
import { DEMO_SENDER } from './demo-campaigns.ts'

export interface DemoHistorySummary {
  campaigns: number
  /** Ledger rows written by this call (0 when the history was already there). */
  recipients: number
  plantedOrders: number
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())

/** A finished campaign's variant: the ledger keeps the template the send used. */
const NEWSLETTER_VARIANT = {
  name: 'A', weight: 1,
  template: {
    en: { subject: 'This fortnight at the shop', html: '<p>Hello {{ customer.first_name | default: "there" }}, see what is new.</p>', text: 'Hello {{ customer.first_name | default: "there" }}, see what is new.' },
    zh: { subject: '本期新品推荐', html: '<p>{{ customer.name | default: "您好" }}，看看本期新品。</p>', text: '{{ customer.name | default: "您好" }}，看看本期新品。' },
  },
}

/**
 * Writes the demo's past campaigns (demo/campaign-history.ts: newsletters with a holdout whose effect differs by
 * customer type) into a workspace that has the demo loaded with the same options: first the orders they caused,
 * through the import path like the demo's other orders, then each campaign (status done) and its send ledger.
 * Deterministic given the demo options; a second call finds the campaigns by name and the orders by id and
 * changes nothing, and one after `rapport demo --reset` (which deletes the customers and so their ledger rows)
 * fills the ledgers again. Cost: one demo generation (about 1.5 s for 5,000 customers) and the imports.
 */
export async function loadDemoCampaignHistory(db: Db, actor: Actor, opts: DemoOptions = {}): Promise<DemoHistorySummary> {
  requirePermission(actor, 'campaigns:send')
  const history = demoCampaignHistory(opts)
  for (const [entity, records] of [['orders', history.orders], ['order_items', history.items]] as const) {
    const summary = await importRows(db, asRows(records as unknown as Array<Record<string, unknown>>), { entity, actor, source: 'demo' })
    if (!summary.committed) {
      const e = summary.errors[0]
      throw new Error(`demo campaign history ${entity} row ${e?.line}: ${e?.column ?? ''} ${e?.reason ?? ''} (a bug in the generator)`)
    }
  }
  let recipients = 0
  for (const c of history.campaigns) recipients += await writeCampaign(db, actor, c)
  // Statistics for the ledger, as a campaign's start gathers them: without any (PGlite never autovacuums) the
  // results queries are planned as if the table were empty and turn quadratic.
  await db.query('ANALYZE campaign_recipients')
  return { campaigns: history.campaigns.length, recipients, plantedOrders: history.orders.length }
}

/** The history the demo with these options gets (also what a test compares the model with). */
export function demoCampaignHistory(opts: DemoOptions = {}): CampaignHistory {
  const data = generateDemo(opts)
  return drawCampaignHistory(streamRng(opts.seed ?? 1, 'campaign-history'), data, parseAsOf(opts.asOf ?? '2026-11-01'))
}

async function writeCampaign(db: Db, actor: Actor, c: HistoryCampaign): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO campaigns (workspace_id, name, channel, purpose, status, from_address, variants, holdout_pct, settings, planned_at, finished_at, created_by, created_at, updated_at)
       VALUES ($1, $2, 'email', 'marketing', 'done', $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9, $7, $8)
       ON CONFLICT (workspace_id, name) DO UPDATE SET updated_at = campaigns.updated_at RETURNING id`,
      [actor.workspaceId, c.name, DEMO_SENDER, JSON.stringify([NEWSLETTER_VARIANT]), HISTORY_HOLDOUT_PCT,
        JSON.stringify({ attribution_days: ATTRIBUTION_DAYS }), iso(c.plannedMs), iso(c.finishedMs), actor.label],
    )
    if (!row) throw new Error(`campaign ${c.name} was neither inserted nor found`)
    const rs = c.recipients
    const treated = (r: (typeof rs)[number]) => r.grp === 'treated'
    const inserted = await tx.query(
      `INSERT INTO campaign_recipients (workspace_id, campaign_id, customer_id, address, lang, grp, variant, state, skip_reason, attempts, sent_at, delivered_at, opened_at, clicked_at)
       SELECT $1, $2, k.id, u.address, u.lang, u.grp, u.variant, u.state, u.skip_reason, u.attempts, u.sent_at, u.sent_at, u.opened_at, u.clicked_at
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[])
           AS u(external_id, address, lang, grp, variant, state, skip_reason, attempts, sent_at, opened_at, clicked_at)
         JOIN customers k ON k.workspace_id = $1 AND k.external_id = u.external_id
       ON CONFLICT (workspace_id, campaign_id, customer_id) DO NOTHING
       RETURNING 1`,
      [actor.workspaceId, row.id,
        arrayLiteral(rs.map((r) => r.customer)), arrayLiteral(rs.map((r) => r.address)), arrayLiteral(rs.map((r) => r.lang)),
        arrayLiteral(rs.map((r) => r.grp)), arrayLiteral(rs.map((r) => (treated(r) ? 'A' : null))),
        arrayLiteral(rs.map((r) => (treated(r) ? 'sent' : 'skipped'))), arrayLiteral(rs.map((r) => (treated(r) ? null : 'holdout'))),
        arrayLiteral(rs.map((r) => (treated(r) ? 1 : 0))), arrayLiteral(rs.map((r) => iso(r.sentMs))),
        arrayLiteral(rs.map((r) => iso(r.openedMs))), arrayLiteral(rs.map((r) => iso(r.clickedMs)))],
    )
    // Message ids as the sender gives them (send-ledger.ts messageIdOf), now that the rows have ids.
    await tx.query(
      `UPDATE campaign_recipients SET message_id = '<rapport.w' || workspace_id || '.c' || campaign_id || '.r' || id || '@rapport.invalid>'
        WHERE workspace_id = $1 AND campaign_id = $2 AND grp = 'treated' AND message_id IS NULL`,
      [actor.workspaceId, row.id],
    )
    return inserted.length
  })
}

function* asRows(records: Array<Record<string, unknown>>): Generator<SourceRow> {
  for (let i = 0; i < records.length; i++) yield { line: i + 1, record: { ...(records[i] as Record<string, unknown>) }, raw: {} }
}
