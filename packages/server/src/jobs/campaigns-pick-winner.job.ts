import { z } from 'zod'
import type { JobHandler } from '../adapters/queue/index.ts'
import { InputError } from '../errors/rapport-error.ts'
import { loadCampaign } from '../services/campaigns/campaign-row.ts'
import { pickCampaignWinner } from '../services/campaigns/pick-winner.ts'

const payloadSchema = z.strictObject({ campaign_id: z.number().int().positive() })

/** `campaigns.pick-winner`: ends a campaign's variant test and queues the send of the winner to everyone held back. */
export const campaignsPickWinnerJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`campaigns.pick-winner payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const id = parsed.data.campaign_id
  const c = await loadCampaign(ctx.db, job.workspaceId, id)
  if (c.status === 'cancelled') return { outcome: 'cancelled' }
  const winner = await pickCampaignWinner(ctx.db, job.workspaceId, id)
  await ctx.enqueue('campaigns.send', { campaign_id: id }, { workspaceId: job.workspaceId, actorLabel: job.actorLabel, retryLimit: 3, retryDelaySeconds: 5 })
  await ctx.progress(1, `variant ${winner.winner} won (${winner.metric}, p = ${winner.p_value ?? '–'}); sending it to the rest`)
  return winner
}
