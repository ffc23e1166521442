import type { CampaignPatch, NewCampaign } from '../api/campaign-types.ts'

/** A draft's change: everything but the channel, which is fixed once created; no sender is null (cleared). */
export function toPatch(b: NewCampaign): CampaignPatch {
  return { name: b.name, segment_id: b.segment_id, from_address: b.from_address ?? null, variants: b.variants, holdout_pct: b.holdout_pct, settings: b.settings }
}
