import { z } from 'zod'
import type { Queue } from '../../adapters/queue/index.ts'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { campaignInput, campaignSendSettings, type CampaignSendSettings, type campaignVariant, type CampaignInput } from './campaign-input.ts'
import { CAMPAIGN_COLUMNS, loadCampaign, parseCampaignRow, type CampaignRow } from './campaign-row.ts'
import { readCampaignSettings } from './campaign-settings.ts'
import type { Channels } from './channels.ts'
import { planCounts, planRecipients, type PlanCounts } from './plan-campaign.ts'
import { requeueUncertain } from './send-ledger.ts'
import { validateTemplate } from './templates/validate-template.ts'

/** A campaign as the API shows it: its definition, and once started its frozen audience and send progress. */
export interface CampaignView extends Omit<CampaignRow, 'workspace_id'> {
  plan: PlanCounts | null
  progress: Record<'planned' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'held', number> | null
}

export const campaignPatch = z.strictObject({
  name: campaignInput.shape.name.optional(),
  segment_id: campaignInput.shape.segment_id.optional(),
  from_address: z.email().nullable().optional(),
  variants: campaignInput.shape.variants.optional(),
  holdout_pct: z.number().min(0).max(50).optional(),
  settings: campaignSendSettings.partial().optional(),
})
export type CampaignPatch = z.input<typeof campaignPatch>

async function progressOf(db: Db, workspaceId: number, id: number): Promise<CampaignView['progress']> {
  const rows = await db.query<{ state: string; n: string }>(
    `SELECT state, count(*) AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND grp = 'treated' GROUP BY state`, [workspaceId, id])
  const out = { planned: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, held: 0 }
  for (const r of rows) if (r.state in out) out[r.state as keyof typeof out] = Number(r.n)
  return out
}

async function view(db: Db, c: CampaignRow): Promise<CampaignView> {
  const { workspace_id: ws, ...rest } = c
  const started = c.planned_at !== null
  return { ...rest, plan: started ? await planCounts(db, ws, c.id) : null, progress: started ? await progressOf(db, ws, c.id) : null }
}

export async function listCampaigns(db: Db, actor: Actor, opts: { limit: number; cursor?: number | undefined; status?: string | undefined }): Promise<{ data: CampaignView[]; next_cursor: string | null }> {
  requirePermission(actor, 'customers:read')
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE workspace_id = $1 AND ($2::bigint IS NULL OR id < $2) AND ($3::text IS NULL OR status = $3)
      ORDER BY id DESC LIMIT $4`, [actor.workspaceId, opts.cursor ?? null, opts.status ?? null, opts.limit + 1])
  const more = rows.length > opts.limit
  if (more) rows.pop()
  const data: CampaignView[] = []
  for (const r of rows) data.push(await view(db, parseCampaignRow(r)))
  const last = data[data.length - 1]
  return { data, next_cursor: more && last ? String(last.id) : null }
}

export async function getCampaign(db: Db, actor: Actor, id: number): Promise<CampaignView> {
  requirePermission(actor, 'customers:read')
  return view(db, await loadCampaign(db, actor.workspaceId, id))
}

/** Checks what the schema cannot: every variant's template for the channel, and that the segment exists. */
async function checkDefinition(db: Db, actor: Actor, c: { channel: 'email' | 'sms'; segment_id: number; variants: Array<z.output<typeof campaignVariant>>; from_address?: string | null | undefined; settings: CampaignSendSettings }, prefix: string): Promise<void> {
  c.variants.forEach((v, i) => validateTemplate(v.template, c.channel, `${prefix}variants.${i}.template`))
  if (c.settings.winner_test && c.variants.length < 2) throw invalid([{ path: `${prefix}settings.winner_test`, message: 'a winner test needs at least two variants' }])
  if (c.channel === 'sms' && c.from_address) throw invalid([{ path: `${prefix}from_address`, message: 'an SMS has no from address (the gateway\'s sender id is used)' }])
  const [seg] = await db.query('SELECT 1 FROM segments WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, c.segment_id])
  if (!seg) throw invalid([{ path: `${prefix}segment_id`, message: `segment ${c.segment_id} does not exist in this workspace` }])
}

const uniqueName = (err: unknown, name: string): never => {
  if ((err as { code?: unknown }).code === '23505') throw invalid([{ path: 'body.name', message: `a campaign named "${name}" already exists` }], `a campaign named "${name}" already exists`)
  throw err
}

export async function createCampaign(db: Db, actor: Actor, body: CampaignInput): Promise<CampaignView> {
  requirePermission(actor, 'campaigns:send')
  const input = campaignInput.parse(body)
  await checkDefinition(db, actor, input, 'body.')
  const id = await db.transaction(async (tx) => {
    const [r] = await tx.query<{ id: number }>(
      `INSERT INTO campaigns (workspace_id, name, channel, segment_id, from_address, variants, holdout_pct, settings, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9) RETURNING id`,
      [actor.workspaceId, input.name, input.channel, input.segment_id, input.from_address ?? null, JSON.stringify(input.variants), input.holdout_pct,
        JSON.stringify(input.settings), actor.label]).catch((e: unknown) => uniqueName(e, input.name))
    const newId = Number(r?.id)
    await recordAudit(tx, actor, { action: 'create', entity: 'campaigns', entityId: newId, changes: { name: input.name, channel: input.channel, segment_id: input.segment_id } })
    return newId
  })
  return getCampaign(db, actor, id)
}

const draftOnly = (c: CampaignRow, what: string): void => {
  if (c.status !== 'draft') throw new RapportError('conflict', `campaign ${c.id} is ${c.status}: only a draft can be ${what}`)
}

export async function updateCampaign(db: Db, actor: Actor, id: number, body: CampaignPatch): Promise<CampaignView> {
  requirePermission(actor, 'campaigns:send')
  const patch = campaignPatch.parse(body)
  await db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor.workspaceId, id, { forUpdate: true })
    draftOnly(c, 'changed')
    const next = {
      channel: c.channel, segment_id: patch.segment_id ?? c.segment_id ?? 0, variants: patch.variants ?? c.variants,
      from_address: patch.from_address === undefined ? c.from_address : patch.from_address,
      settings: campaignSendSettings.parse({ ...c.settings, ...patch.settings }),
    }
    await checkDefinition(tx, actor, next, 'body.')
    await tx.query(
      `UPDATE campaigns SET name = coalesce($3, name), segment_id = $4, from_address = $5, variants = $6::jsonb, holdout_pct = coalesce($7, holdout_pct),
         settings = $8::jsonb, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
      [actor.workspaceId, id, patch.name ?? null, next.segment_id, next.from_address, JSON.stringify(next.variants), patch.holdout_pct ?? null,
        JSON.stringify({ ...c.settings, ...patch.settings })]).catch((e: unknown) => uniqueName(e, patch.name ?? ''))
    await recordAudit(tx, actor, { action: 'update', entity: 'campaigns', entityId: id, changes: { ...patch, ...(patch.variants && { variants: patch.variants.map((v) => v.name) }) } })
  })
  return getCampaign(db, actor, id)
}

export async function deleteCampaign(db: Db, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'campaigns:send')
  await db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor.workspaceId, id, { forUpdate: true })
    if (c.status === 'sending') throw new RapportError('conflict', `campaign ${id} is sending: pause or cancel it first`)
    await tx.query('DELETE FROM campaigns WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, id])
    await recordAudit(tx, actor, { action: 'delete', entity: 'campaigns', entityId: id })
  })
}

/** Why a campaign cannot go out on this server now, or null: checked before anything is written. */
async function cannotStart(db: Db, c: CampaignRow, channels: Channels): Promise<string | null> {
  if (c.segment_id === null) return 'its segment was deleted: choose another'
  if (c.channel === 'email' && !channels.email) return 'no SMTP server is configured: set RAPPORT_SMTP_URLS (or run rapport serve with its built-in catcher)'
  if (c.channel === 'sms' && !channels.sms) return 'no SMS gateway is configured: set RAPPORT_SMS_URL'
  if (c.settings.targeting.mode !== 'everyone') {
    const [u] = await db.query(`SELECT 1 FROM customer_scores WHERE workspace_id = $1 AND kind = 'uplift' LIMIT 1`, [c.workspace_id])
    if (!u) return 'it targets by predicted uplift, and no uplift model has scored this workspace yet (train one from finished campaigns with a holdout)'
  }
  if (c.channel === 'email') {
    if (!c.from_address) return 'it has no from address'
    const ws = await readCampaignSettings(db, c.workspace_id)
    const from = c.from_address.toLowerCase()
    if (!ws.verified_senders.some((s) => s.toLowerCase() === from)) {
      return `the from address ${c.from_address} is not a verified sender of this workspace (verified: ${ws.verified_senders.join(', ') || 'none'}; add it under campaign settings)`
    }
  }
  return null
}

class Rollback extends Error {
  constructor(readonly counts: PlanCounts) {
    super('rollback')
  }
}

/**
 * The audience as it would be frozen now, counted by group and exclusion reason, without keeping anything:
 * the real planning query runs in a transaction that is rolled back (so the count is exactly what a start
 * would plan). For the editor's live count.
 */
export async function estimateAudience(db: Db, actor: Actor, id: number, now = new Date()): Promise<PlanCounts> {
  requirePermission(actor, 'customers:read')
  const c = await loadCampaign(db, actor.workspaceId, id)
  if (c.planned_at !== null) return planCounts(db, actor.workspaceId, id)
  if (c.segment_id === null) throw new RapportError('precondition_failed', 'the campaign\'s segment was deleted: choose another')
  const ws = await readCampaignSettings(db, actor.workspaceId)
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await planRecipients(tx, c, ws, now))
    })
  } catch (e) {
    if (e instanceof Rollback) return e.counts
    throw e
  }
  throw new Error('unreachable')
}

/**
 * Starts a draft: refuses (before writing anything) when its channel is not configured, its sender is not
 * verified, or the audience after exclusions is empty; otherwise freezes the audience into the ledger and
 * marks it sending, in one transaction, and queues the send job (without a queue — the CLI — the caller sends).
 */
export async function startCampaign(db: Db, queue: Queue | null, channels: Channels, actor: Actor, id: number, now = new Date()): Promise<CampaignView> {
  requirePermission(actor, 'campaigns:send')
  const c = await loadCampaign(db, actor.workspaceId, id)
  draftOnly(c, 'started')
  const why = await cannotStart(db, c, channels)
  if (why) throw new RapportError('precondition_failed', `campaign ${id} cannot start: ${why}`)
  const ws = await readCampaignSettings(db, actor.workspaceId)
  await db.transaction(async (tx) => {
    const locked = await loadCampaign(tx, actor.workspaceId, id, { forUpdate: true })
    draftOnly(locked, 'started')
    const counts = await planRecipients(tx, locked, ws, now)
    if (counts.treated === 0) {
      const reasons = Object.entries(counts.excluded).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`).join(', ')
      throw new RapportError('precondition_failed', `campaign ${id} cannot start: nobody is left to send to (audience ${counts.audience}, holdout ${counts.holdout}${reasons ? `, excluded: ${reasons}` : ''})`)
    }
    await tx.query(`UPDATE campaigns SET status = 'sending', planned_at = $3, pause_reason = NULL, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [actor.workspaceId, id, now.toISOString()])
    await recordAudit(tx, actor, { action: 'start', entity: 'campaigns', entityId: id, changes: { audience: counts.audience, treated: counts.treated, holdout: counts.holdout, excluded: counts.excluded } })
  })
  // The ledger just grew by the whole audience: without fresh statistics (PGlite never gathers them, autovacuum
  // may be late) every claim and every record of results walks all open rows (bench/results/campaigns.md).
  await db.query('ANALYZE campaign_recipients')
  if (queue) await queueSend(db, queue, actor, id)
  return getCampaign(db, actor, id)
}

export async function queueSend(db: Db, queue: Queue, actor: Actor, id: number): Promise<string> {
  const jobId = await queue.enqueue('campaigns.send', { campaign_id: id }, { workspaceId: actor.workspaceId, actorLabel: actor.label, retryLimit: 3, retryDelaySeconds: 5 })
  await db.query('UPDATE campaigns SET send_job_id = $3 WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, id, jobId])
  return jobId
}

async function setStatus(db: Db, actor: Actor, id: number, from: readonly string[], to: string, action: string, extra?: (tx: Db) => Promise<Record<string, unknown>>): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor.workspaceId, id, { forUpdate: true })
    if (!from.includes(c.status)) throw new RapportError('conflict', `campaign ${id} is ${c.status}: it can be ${action}d only when ${from.join(' or ')}`)
    await tx.query(`UPDATE campaigns SET status = $3, pause_reason = CASE WHEN $3 = 'paused' THEN $4 ELSE NULL END, updated_at = now(),
                      finished_at = CASE WHEN $3 IN ('cancelled', 'done') THEN now() ELSE finished_at END WHERE workspace_id = $1 AND id = $2`,
      [actor.workspaceId, id, to, `paused by ${actor.label}`])
    const changes = extra ? await extra(tx) : {}
    await recordAudit(tx, actor, { action, entity: 'campaigns', entityId: id, changes: { status: to, ...changes } })
  })
}

/** Pauses a send: messages in flight finish, nothing new is claimed. */
export async function pauseCampaignByUser(db: Db, actor: Actor, id: number): Promise<CampaignView> {
  requirePermission(actor, 'campaigns:send')
  await setStatus(db, actor, id, ['sending'], 'paused', 'pause')
  return getCampaign(db, actor, id)
}

/** Resumes a paused send (a person's pause or an automatic one) and queues its sender again. */
export async function resumeCampaign(db: Db, queue: Queue | null, channels: Channels, actor: Actor, id: number): Promise<CampaignView> {
  requirePermission(actor, 'campaigns:send')
  const c = await loadCampaign(db, actor.workspaceId, id)
  const why = await cannotStart(db, c, channels)
  if (why && c.status === 'paused') throw new RapportError('precondition_failed', `campaign ${id} cannot resume: ${why}`)
  await setStatus(db, actor, id, ['paused'], 'sending', 'resume')
  if (queue) await queueSend(db, queue, actor, id)
  return getCampaign(db, actor, id)
}

/** Cancels a send: recipients not yet sent are skipped (reason cancelled); the results count what went out. */
export async function cancelCampaign(db: Db, actor: Actor, id: number): Promise<CampaignView> {
  requirePermission(actor, 'campaigns:send')
  await setStatus(db, actor, id, ['draft', 'sending', 'paused'], 'cancelled', 'cancel', async (tx) => {
    const rows = await tx.query(`UPDATE campaign_recipients SET state = 'skipped', skip_reason = 'cancelled' WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'planned' RETURNING id`, [actor.workspaceId, id])
    return { skipped: rows.length }
  })
  return getCampaign(db, actor, id)
}

/**
 * "Resend uncertain": the rows a crash left uncertain go back to planned, by a person's decision (each of
 * them may have been sent already and may now receive the message twice), and the sender is queued.
 */
export async function resendUncertain(db: Db, queue: Queue | null, actor: Actor, id: number): Promise<{ requeued: number; campaign: CampaignView }> {
  requirePermission(actor, 'campaigns:send')
  let requeued = 0
  await db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor.workspaceId, id, { forUpdate: true })
    if (c.status === 'draft' || c.status === 'cancelled') throw new RapportError('conflict', `campaign ${id} is ${c.status}: there is nothing to resend`)
    requeued = await requeueUncertain(tx, actor.workspaceId, id)
    if (requeued > 0 && c.status === 'done') {
      await tx.query(`UPDATE campaigns SET status = 'sending', finished_at = NULL, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [actor.workspaceId, id])
    }
    await recordAudit(tx, actor, { action: 'resend_uncertain', entity: 'campaigns', entityId: id, changes: { requeued } })
  })
  const c = await getCampaign(db, actor, id)
  if (queue && requeued > 0 && c.status === 'sending') await queueSend(db, queue, actor, id)
  return { requeued, campaign: c }
}

export const campaignNotFound = (id: number) => notFound(`campaign ${id}`)
