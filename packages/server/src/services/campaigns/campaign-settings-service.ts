import { z } from 'zod'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid, notFound } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { suppress } from './campaign-tracking.ts'
import { readCampaignSettings, workspaceCampaignSettings, type WorkspaceCampaignSettings } from './campaign-settings.ts'

export async function getCampaignSettings(db: Db, actor: Actor): Promise<WorkspaceCampaignSettings> {
  requirePermission(actor, 'customers:read')
  return readCampaignSettings(db, actor.workspaceId)
}

export const campaignSettingsPatch = z.strictObject({
  frequency_cap: workspaceCampaignSettings.shape.frequency_cap.unwrap().optional(),
  verified_senders: z.array(z.email()).max(50).optional(),
  sms_hours: z.strictObject({ start: z.number().int().min(0).max(23), end: z.number().int().min(1).max(24) }).refine((h) => h.start < h.end, 'start must be before end').optional(),
  global_control_pct: z.number().min(0).max(50).optional(),
  double_opt_in: z.strictObject({ email: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
})

const MONTH_MS = 30 * 86_400_000

/**
 * Changes the workspace's campaign rules. Changing the global control share re-draws the group (a new seed),
 * at most once a month, so long-run incrementality is measured on a stable group.
 */
export async function updateCampaignSettings(db: Db, actor: Actor, body: z.input<typeof campaignSettingsPatch>, now = new Date()): Promise<WorkspaceCampaignSettings> {
  requirePermission(actor, 'settings:write')
  const patch = campaignSettingsPatch.parse(body)
  return db.transaction(async (tx) => {
    const before = await readCampaignSettings(tx, actor.workspaceId)
    const next: WorkspaceCampaignSettings = { ...before, ...patch, double_opt_in: { ...before.double_opt_in, ...patch.double_opt_in } }
    if (patch.global_control_pct !== undefined && patch.global_control_pct !== before.global_control_pct) {
      const drawn = before.global_control_drawn_at ? new Date(before.global_control_drawn_at).getTime() : 0
      if (before.global_control_pct > 0 && now.getTime() - drawn < MONTH_MS) {
        throw invalid([{ path: 'body.global_control_pct', message: `the global control group was drawn on ${before.global_control_drawn_at?.slice(0, 10)}; it can be re-drawn 30 days after that` }])
      }
      next.global_control_seed = now.toISOString()
      next.global_control_drawn_at = now.toISOString()
    }
    await tx.query('UPDATE workspaces SET campaign_settings = $2::jsonb WHERE id = $1', [actor.workspaceId, JSON.stringify(next)])
    await recordAudit(tx, actor, { action: 'update', entity: 'campaign_settings', entityId: actor.workspaceId, changes: patch })
    return next
  })
}

/** The secret bounce/complaint and SMS webhooks are signed with (to configure the provider). */
export async function webhookSecret(db: Db, actor: Actor): Promise<{ secret: string; header: string; format: string }> {
  requirePermission(actor, 'settings:write')
  const [w] = await db.query<{ webhook_secret: string }>('SELECT webhook_secret FROM workspaces WHERE id = $1', [actor.workspaceId])
  return { secret: w?.webhook_secret ?? '', header: 'x-rapport-signature', format: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">' }
}

export interface Suppression { channel: 'email' | 'sms'; address: string; reason: string; source: string | null; created_at: string }

export async function listSuppressions(db: Db, actor: Actor, opts: { limit: number; q?: string | undefined; channel?: 'email' | 'sms' | undefined; cursor?: string | undefined }): Promise<{ data: Suppression[]; next_cursor: string | null }> {
  requirePermission(actor, 'pii:read')
  const rows = await db.query<Suppression>(
    `SELECT channel, address, reason, source, ${isoTime('created_at')} AS created_at FROM suppressions
      WHERE workspace_id = $1 AND ($2::text IS NULL OR channel = $2) AND ($3::text IS NULL OR strpos(address, lower($3)) > 0) AND ($4::text IS NULL OR channel || ':' || address > $4)
      ORDER BY channel, address LIMIT $5`, [actor.workspaceId, opts.channel ?? null, opts.q ?? null, opts.cursor ?? null, opts.limit + 1])
  const more = rows.length > opts.limit
  if (more) rows.pop()
  const last = rows[rows.length - 1]
  return { data: rows, next_cursor: more && last ? `${last.channel}:${last.address}` : null }
}

export const suppressionInput = z.strictObject({ channel: z.enum(['email', 'sms']), address: z.string().trim().min(3).max(320) })

export async function addSuppression(db: Db, actor: Actor, body: z.input<typeof suppressionInput>): Promise<void> {
  requirePermission(actor, 'campaigns:send')
  const s = suppressionInput.parse(body)
  if (s.channel === 'email' && !z.email().safeParse(s.address).success) throw invalid([{ path: 'body.address', message: 'not an e-mail address' }])
  await db.transaction(async (tx) => {
    await suppress(tx, actor.workspaceId, s.channel, s.address, 'manual', actor.label)
    await recordAudit(tx, actor, { action: 'create', entity: 'suppressions', changes: { channel: s.channel } })
  })
}

export async function removeSuppression(db: Db, actor: Actor, channel: 'email' | 'sms', address: string): Promise<void> {
  requirePermission(actor, 'campaigns:send')
  await db.transaction(async (tx) => {
    const rows = await tx.query('DELETE FROM suppressions WHERE workspace_id = $1 AND channel = $2 AND address = lower(trim($3)) RETURNING address', [actor.workspaceId, channel, address])
    if (rows.length === 0) throw notFound(`suppression of ${channel} address`)
    await recordAudit(tx, actor, { action: 'delete', entity: 'suppressions', changes: { channel } })
  })
}
