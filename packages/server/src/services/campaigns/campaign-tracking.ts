import { systemActor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { claimedWorkspace, rejectedToken } from './tracking/signed-token.ts'
import { safeRedirectTarget } from './tracking/tracked-links.ts'
import { verifyToken, type TrackingKind, type TrackingPayload } from './tracking/tracking-token.ts'

const rejected = () => rejectedToken('bad signature')

/**
 * Checks a tracking token against its workspace's secret. The workspace is read from the token's body before
 * the MAC is checked only to pick the key; nothing in it is trusted until verifyToken accepts it.
 */
async function verified(db: Db, token: string, kind: TrackingKind): Promise<TrackingPayload> {
  const w = claimedWorkspace(token)
  if (w === null) throw rejected()
  const [ws] = await db.query<{ tracking_secret: string }>('SELECT tracking_secret FROM workspaces WHERE id = $1', [w])
  if (!ws) throw rejected()
  return verifyToken(ws.tracking_secret, token, kind)
}

async function mark(db: Db, p: TrackingPayload, kind: 'open' | 'click', url: string | null): Promise<boolean> {
  // A click implies the message was opened (images are often blocked).
  const set = kind === 'open' ? 'opened_at = coalesce(opened_at, now())' : 'clicked_at = coalesce(clicked_at, now()), opened_at = coalesce(opened_at, now())'
  const rows = await db.query(`UPDATE campaign_recipients SET ${set} WHERE workspace_id = $1 AND campaign_id = $2 AND id = $3 RETURNING id`, [p.w, p.c, p.r])
  if (rows.length === 0) return false
  await db.query('INSERT INTO campaign_events (workspace_id, campaign_id, recipient_id, kind, url) VALUES ($1, $2, $3, $4, $5)', [p.w, p.c, p.r, kind, url])
  return true
}

/** An open pixel was fetched: the first open is kept on the ledger row, every one in the events. */
export async function recordOpen(db: Db, token: string): Promise<void> {
  await mark(db, await verified(db, token, 'open'), 'open', null)
}

/** A tracked link was followed: returns where to send the browser (absolute http(s) only; never another target). */
export async function recordClick(db: Db, token: string): Promise<string> {
  const p = await verified(db, token, 'click')
  const target = safeRedirectTarget(p.u ?? '')
  await mark(db, p, 'click', target)
  return target
}

export interface UnsubscribeTarget {
  workspaceId: number
  campaignId: number
  recipientId: number
  lang: 'en' | 'zh'
  channel: 'email' | 'sms'
  purpose: string
  workspaceName: string
  alreadyDone: boolean
}

/** What an unsubscribe link is for (the landing page asks before anything is changed). */
export async function unsubscribeTarget(db: Db, token: string): Promise<UnsubscribeTarget> {
  const p = await verified(db, token, 'unsub')
  const [r] = await db.query<{ lang: 'en' | 'zh'; channel: 'email' | 'sms'; purpose: string; name: string; done: boolean }>(
    `SELECT r.lang, c.channel, c.purpose, w.name, r.unsubscribed_at IS NOT NULL AS done FROM campaign_recipients r
       JOIN campaigns c ON c.workspace_id = r.workspace_id AND c.id = r.campaign_id JOIN workspaces w ON w.id = r.workspace_id
      WHERE r.workspace_id = $1 AND r.campaign_id = $2 AND r.id = $3`, [p.w, p.c, p.r])
  if (!r) throw rejected()
  return { workspaceId: p.w, campaignId: p.c, recipientId: p.r, lang: r.lang, channel: r.channel, purpose: r.purpose, workspaceName: r.name, alreadyDone: r.done }
}

/**
 * Unsubscribes the recipient of a link, in one transaction: a revocation in the consent ledger (source names
 * the campaign), the address on the suppression list, the ledger row and an event, and an audit row. Doing it
 * twice changes nothing more.
 */
export async function unsubscribe(db: Db, token: string, how: 'link' | 'one-click'): Promise<UnsubscribeTarget> {
  const t = await unsubscribeTarget(db, token)
  if (t.alreadyDone) return t
  await db.transaction(async (tx) => {
    const [r] = await tx.query<{ customer_id: string; address: string | null }>(
      `UPDATE campaign_recipients SET unsubscribed_at = now() WHERE workspace_id = $1 AND id = $2 AND unsubscribed_at IS NULL RETURNING customer_id, address`, [t.workspaceId, t.recipientId])
    if (!r) return
    await revokeConsent(tx, t.workspaceId, Number(r.customer_id), t.channel, t.purpose, `campaign:${t.campaignId}:${how}`, `unsub-c${t.campaignId}-r${t.recipientId}`)
    if (r.address) await suppress(tx, t.workspaceId, t.channel, r.address, 'unsubscribe', `campaign ${t.campaignId}`)
    await tx.query(`INSERT INTO campaign_events (workspace_id, campaign_id, recipient_id, kind) VALUES ($1, $2, $3, 'unsubscribe')`, [t.workspaceId, t.campaignId, t.recipientId])
    await recordAudit(tx, systemActor(t.workspaceId), { action: 'unsubscribe', entity: 'consents', entityId: Number(r.customer_id), changes: { channel: t.channel, purpose: t.purpose, source: `campaign ${t.campaignId} (${how})` } })
  })
  return { ...t, alreadyDone: true }
}

/** Appends a revocation to the consent ledger (the ledger is append-only: the latest row per channel and purpose is the state). */
export async function revokeConsent(tx: Db, workspaceId: number, customerId: number, channel: 'email' | 'sms', purpose: string, source: string, externalId: string): Promise<void> {
  await tx.query(
    `INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at, source) VALUES ($1, $2, $3, $4, $5, 'revoked', now(), $6)
     ON CONFLICT (workspace_id, external_id) DO NOTHING`, [workspaceId, externalId, customerId, channel, purpose, source])
}

export async function suppress(tx: Db, workspaceId: number, channel: 'email' | 'sms', address: string, reason: 'hard_bounce' | 'complaint' | 'unsubscribe' | 'manual', source: string): Promise<void> {
  await tx.query(
    `INSERT INTO suppressions (workspace_id, channel, address, reason, source) VALUES ($1, $2, lower(trim($3)), $4, $5) ON CONFLICT (workspace_id, channel, address) DO NOTHING`,
    [workspaceId, channel, address, reason, source])
}
