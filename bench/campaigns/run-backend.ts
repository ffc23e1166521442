/**
 * One database's run: build the shop, plan the campaign, then raw nodemailer, Rapport's sender, and (by
 * default) raw nodemailer again (the raw rate is taken on both sides of the sender, since the 2 cores are
 * shared and load drifts), all to the same loopback SMTP server.
 */
import { loadavg } from 'node:os'
import { channelsFromConfig } from '../../packages/server/src/services/campaigns/channels.ts'
import { workspaceIdentity } from '../../packages/server/src/services/campaigns/campaign-delivery.ts'
import { SENDER } from '../../packages/server/src/services/campaigns/campaign-fixture.ts'
import type { PlanCounts } from '../../packages/server/src/services/campaigns/plan-campaign.ts'
import type { Db } from '../../packages/server/src/store/db.ts'
import { migrate } from '../../packages/server/src/store/migrate.ts'
import { buildCampaignShop, type CampaignShop } from './campaign-data.ts'
import { benchCampaign } from './campaign-template.ts'
import { planBenchCampaign, sendBenchCampaign, type SendRun } from './measure-campaign.ts'
import { measureRawNodemailer, type RawRun } from './raw-nodemailer.ts'
import { sampleMessage } from './sample-message.ts'
import type { SmtpSink } from './sink-client.ts'

export const PUBLIC_URL = 'https://rapport.bench.example'

export interface BackendOptions {
  /** Raw nodemailer rounds (each: stock sockets, then TCP_NODELAY sockets): 1 (before the sender) or 2 (before and after). */
  rawRuns: number
  /**
   * ANALYZE campaign_recipients between planning and sending. Rapport does not (yet): the planning INSERT leaves
   * the ledger without statistics until autovacuum gets to it (never on PGlite, nor on a server with autovacuum
   * off), and the sender's claim is then planned as a scan of every open row (see the results file).
   */
  analyze: boolean
  profileFile?: string | undefined
}

export interface BackendRun {
  backend: 'PostgreSQL' | 'PGlite'
  server: string
  shop: CampaignShop
  planSeconds: number
  plan: PlanCounts
  send: SendRun
  raw: RawRun[]
  load: string[]
  /** Seconds the bench's ANALYZE took, when asked for. */
  analyzeSeconds: number | null
}

export async function runBackend(db: Db, backend: BackendRun['backend'], customers: number, sink: SmtpSink, log: (s: string) => void, o: BackendOptions): Promise<BackendRun> {
  const load: string[] = []
  const markLoad = (when: string) => load.push(`${when}: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`)
  await migrate(db)
  log(`${backend}: building ${customers.toLocaleString('en')} customers`)
  const shop = await buildCampaignShop(db, 'bench-campaigns', customers)
  log(`${backend}: built in ${shop.seconds.toFixed(1)} s; planning`)
  const channels = channelsFromConfig({ smtpServers: [{ host: '127.0.0.1', port: sink.port }], sms: undefined, publicUrl: PUBLIC_URL })
  try {
    markLoad('before planning')
    const planned = await planBenchCampaign(db, shop, channels)
    log(`  planned in ${planned.planSeconds.toFixed(2)} s: ${planned.plan.treated} treated, ${planned.plan.holdout} holdout, excluded ${JSON.stringify(planned.plan.excluded)}`)
    let analyzeSeconds: number | null = null
    if (o.analyze) {
      const t0 = performance.now()
      await db.exec('ANALYZE campaign_recipients')
      analyzeSeconds = (performance.now() - t0) / 1000
      log(`  ANALYZE campaign_recipients (--analyze): ${analyzeSeconds.toFixed(2)} s`)
    }
    const message = sampleMessage(benchCampaign(shop.segment), await workspaceIdentity(db, shop.ws), PUBLIC_URL, planned.id)
    const n = planned.plan.treated
    const inFlight = 20
    const raw: RawRun[] = []
    const measureRaw = async (round: number) => {
      for (const sockets of ['stock', 'nodelay'] as const) {
        markLoad(`before raw ${sockets} ${round}`)
        const r = await measureRawNodemailer(sink, message, SENDER, n, inFlight, `${backend}-${sockets}-${round}`, sockets)
        raw.push(r)
        log(`  raw nodemailer (${sockets} sockets): ${n} in ${r.seconds.toFixed(1)} s, cpu ${r.clientCpuSeconds.toFixed(1)} / ${r.serverCpuSeconds.toFixed(1)} s`)
      }
    }
    // A short warm-up: connections opened and code compiled before anything is timed.
    await measureRawNodemailer(sink, message, SENDER, 1_000, inFlight, `${backend}-warm`, 'nodelay')
    await measureRaw(1)
    markLoad('before the sender')
    const send = await sendBenchCampaign(db, shop, planned, channels, sink, log, o.profileFile)
    log(`  sender: ${send.sent} sent in ${send.sendSeconds.toFixed(1)} s (${send.outcome}); ${JSON.stringify(send.breakdown)}; cpu ${send.clientCpuSeconds.toFixed(1)} / ${send.serverCpuSeconds.toFixed(1)} s; raw again`)
    markLoad('after the sender')
    if (o.rawRuns > 1) {
      await measureRaw(2)
      markLoad('after raw 2')
    }
    const [v] = await db.query<{ v: string }>('SELECT version() AS v')
    return { backend, server: String(v?.v ?? '').replace(/ on .*/, ''), shop, planSeconds: planned.planSeconds, plan: planned.plan, send, raw, load, analyzeSeconds }
  } finally {
    await channels.email?.mailer.close()
  }
}
