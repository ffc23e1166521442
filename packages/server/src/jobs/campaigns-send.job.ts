import { z } from 'zod'
import type { JobHandler } from '../adapters/queue/index.ts'
import { InputError } from '../errors/rapport-error.ts'
import { campaignDelivery, workspaceIdentity } from '../services/campaigns/campaign-delivery.ts'
import { loadCampaign } from '../services/campaigns/campaign-row.ts'
import { runCampaignSender } from '../services/campaigns/campaign-sender.ts'
import { winnerDueAt } from '../services/campaigns/pick-winner.ts'
import { currentChannels } from '../services/campaigns/channels.ts'

const payloadSchema = z.strictObject({ campaign_id: z.number().int().positive() })

/**
 * `campaigns.send`: works a started campaign's send ledger until it is done, paused or cancelled. Safe to run
 * twice at once or after a crash (the ledger's claims; rows a dead sender left become uncertain, never resent).
 */
export const campaignsSendJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`campaigns.send payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const id = parsed.data.campaign_id
  const campaign = await loadCampaign(ctx.db, job.workspaceId, id)
  if (campaign.status !== 'sending') return { outcome: campaign.status, note: `campaign ${id} is ${campaign.status}: nothing to send` }
  const delivery = campaignDelivery(ctx.db, campaign, currentChannels(), await workspaceIdentity(ctx.db, job.workspaceId))
  const outcome = await runCampaignSender(ctx.db, job.workspaceId, id, delivery, {
    signal: ctx.signal,
    // SMS outside the sending hours: come back when they open (the recipients stay planned).
    onDeferred: async (until) => {
      await ctx.enqueue('campaigns.send', { campaign_id: id }, { workspaceId: job.workspaceId, actorLabel: job.actorLabel, startAfter: until, retryLimit: 3, retryDelaySeconds: 5 })
      await ctx.progress(1, `outside the SMS sending hours: continues at ${until.toISOString()}`)
    },
    onProgress: (done, total) => ctx.progress(total === 0 ? 1 : done / total, `${done} of ${total} recipients handled`),
  })
  if (outcome === 'waiting_for_winner') {
    // The test sample is out: the winner is picked when its wait is over (now, if it already is).
    const test = campaign.settings.winner_test
    const at = test && campaign.planned_at ? winnerDueAt(campaign.planned_at, test.wait_hours) : new Date()
    await ctx.enqueue('campaigns.pick-winner', { campaign_id: id }, { workspaceId: job.workspaceId, actorLabel: job.actorLabel, startAfter: at, retryLimit: 3, retryDelaySeconds: 5 })
  }
  await ctx.progress(1, `campaign ${id}: ${outcome}`)
  return { outcome }
}
