/**
 * The two timed steps of a campaign through Rapport's own code: planning (startCampaign: segment, consent,
 * suppressions, frequency cap, holdout and variant split frozen into the ledger) and sending (runCampaignSender
 * with the campaign's default settings through the channels `rapport serve` would build for one SMTP server).
 * Then checks what the sink received against the ledger: every treated recipient exactly once.
 */
import { campaignDelivery, workspaceIdentity } from '../../packages/server/src/services/campaigns/campaign-delivery.ts'
import { loadCampaign } from '../../packages/server/src/services/campaigns/campaign-row.ts'
import { runCampaignSender } from '../../packages/server/src/services/campaigns/campaign-sender.ts'
import { createCampaign, startCampaign } from '../../packages/server/src/services/campaigns/campaigns-service.ts'
import type { Channels } from '../../packages/server/src/services/campaigns/channels.ts'
import type { PlanCounts } from '../../packages/server/src/services/campaigns/plan-campaign.ts'
import type { Db } from '../../packages/server/src/store/db.ts'
import { must } from '../lib/must.ts'
import type { CampaignShop } from './campaign-data.ts'
import { benchCampaign } from './campaign-template.ts'
import { profiled } from './cpu-profile.ts'
import { breakdownProbe, type SenderBreakdown } from './sender-breakdown.ts'
import type { SmtpSink } from './sink-client.ts'

export interface SendRun {
  outcome: string
  sendSeconds: number
  sent: number
  /** Ledger rows of the treated group by state after the send. */
  states: Record<string, number>
  /** Messages the sink received with this campaign's Message-IDs, and how many distinct IDs. */
  received: number
  receivedDistinct: number
  /** Treated rows whose Message-ID never arrived, and received IDs that no treated row carries. */
  missing: number
  unexpected: number
  concurrency: number
  ratePerSecond: number
  /** CPU seconds of this process (sender, rendering, database client) and of the SMTP server process during the send. */
  clientCpuSeconds: number
  serverCpuSeconds: number
  breakdown: SenderBreakdown
}

export interface PlannedCampaign {
  id: number
  planSeconds: number
  plan: PlanCounts
}

export async function planBenchCampaign(db: Db, shop: CampaignShop, channels: Channels): Promise<PlannedCampaign> {
  const draft = await createCampaign(db, shop.actor, benchCampaign(shop.segment))
  const t0 = performance.now()
  const started = await startCampaign(db, null, channels, shop.actor, draft.id)
  return { id: draft.id, planSeconds: (performance.now() - t0) / 1000, plan: must(started.plan, 'plan of the started campaign') }
}

export async function sendBenchCampaign(db: Db, shop: CampaignShop, planned: PlannedCampaign, channels: Channels, sink: SmtpSink, log: (s: string) => void, profileFile?: string): Promise<SendRun> {
  const campaign = await loadCampaign(db, shop.ws, planned.id)
  const probe = breakdownProbe(db)
  const delivery = probe.wrap(campaignDelivery(probe.db, campaign, channels, await workspaceIdentity(db, shop.ws)))
  let lastLog = performance.now()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const outcome = await profiled(profileFile, () => runCampaignSender(probe.db, shop.ws, planned.id, delivery, {
    onProgress: (done, total) => {
      if (performance.now() - lastLog < 10_000) return
      lastLog = performance.now()
      log(`  sent ${done} of ${total} (${(done / ((lastLog - t0) / 1000)).toFixed(0)}/s)`)
    },
  }))
  const sendSeconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)

  const stateRows = await db.query<{ state: string; n: number }>(
    `SELECT state, count(*)::int AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND grp = 'treated' GROUP BY state`, [shop.ws, planned.id])
  const states = Object.fromEntries(stateRows.map((r) => [r.state, Number(r.n)]))
  const ledger = await db.query<{ message_id: string | null }>(
    `SELECT message_id FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND grp = 'treated'`, [shop.ws, planned.id])
  const got = await sink.take(`<rapport.w${shop.ws}.c${planned.id}.`)
  const receivedIds = new Set(got.ids)
  const expected = new Set(ledger.map((r) => r.message_id).filter((m): m is string => m !== null))
  let missing = ledger.length - expected.size
  for (const id of expected) if (!receivedIds.has(id)) missing++
  let unexpected = 0
  for (const id of receivedIds) if (!expected.has(id)) unexpected++
  return {
    outcome, sendSeconds, sent: states.sent ?? 0, states,
    received: got.total, receivedDistinct: receivedIds.size, missing, unexpected,
    concurrency: campaign.settings.concurrency, ratePerSecond: campaign.settings.rate_per_second,
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6, serverCpuSeconds: got.serverCpuSeconds, breakdown: probe.result(),
  }
}
