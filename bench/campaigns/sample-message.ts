import { personalise, type PersonalisedMessage, type WorkspaceIdentity } from '../../packages/server/src/services/campaigns/campaign-delivery.ts'
import type { CampaignInput } from '../../packages/server/src/services/campaigns/campaign-input.ts'
import { sampleMergeContext } from '../../packages/server/src/services/campaigns/templates/merge-context.ts'
import { compileTemplate } from '../../packages/server/src/services/campaigns/templates/render-template.ts'
import { must } from '../lib/must.ts'

/** The campaign's message rendered once for the sample recipient, tracking and headers included: the raw baseline's payload. */
export function sampleMessage(input: CampaignInput, ws: WorkspaceIdentity, publicUrl: string, campaignId: number): PersonalisedMessage {
  const variant = must(input.variants[0], 'the campaign\'s first variant')
  return personalise(compileTemplate(variant.template), { id: 1, lang: 'en' }, sampleMergeContext(ws.name), { publicUrl, ws, campaignId, channel: 'email' })
}
