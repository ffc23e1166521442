import { z } from 'zod'
import type { Db } from '../../store/db.ts'

/**
 * Workspace-wide rules every campaign obeys (stored in workspaces.campaign_settings; a missing key takes its
 * default). The frequency cap counts marketing messages sent across all campaigns and channels.
 */
export const workspaceCampaignSettings = z.strictObject({
  frequency_cap: z.strictObject({
    messages: z.number().int().min(1).max(100).default(3),
    days: z.number().int().min(1).max(90).default(7),
  }).default({ messages: 3, days: 7 }),
  /** From addresses the workspace has verified; a campaign from any other address is refused before it starts. */
  verified_senders: z.array(z.email()).max(50).default([]),
  /** SMS go out only between these local hours (workspace time zone); outside them they wait. */
  sms_hours: z.strictObject({ start: z.number().int().min(0).max(23).default(9), end: z.number().int().min(1).max(24).default(21) })
    .refine((h) => h.start < h.end, 'start must be before end').default({ start: 9, end: 21 }),
  /**
   * Double opt-in per channel: when on, a grant counts only once the customer confirmed it (the link in a
   * confirmation e-mail, or a "YES" reply to a confirmation SMS: services/campaigns/consent-confirmation.ts).
   */
  double_opt_in: z.strictObject({ email: z.boolean().default(false), sms: z.boolean().default(false) }).default({ email: false, sms: false }),
  /** Share of customers (0–50 %) kept out of every campaign to measure long-run incrementality. */
  global_control_pct: z.number().min(0).max(50).default(0),
  /** Changes when the global control group is re-drawn (at most monthly, see redrawGlobalControl). */
  global_control_seed: z.string().max(40).default('initial'),
  global_control_drawn_at: z.string().nullable().default(null),
})
export type WorkspaceCampaignSettings = z.output<typeof workspaceCampaignSettings>

export async function readCampaignSettings(db: Db, workspaceId: number): Promise<WorkspaceCampaignSettings> {
  const [r] = await db.query<{ campaign_settings: unknown }>('SELECT campaign_settings FROM workspaces WHERE id = $1', [workspaceId])
  return workspaceCampaignSettings.parse(r?.campaign_settings ?? {})
}
