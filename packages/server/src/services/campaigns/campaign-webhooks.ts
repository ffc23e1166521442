import { z } from 'zod'
import { systemActor } from '../../domain/actor.ts'
import { invalid, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { revokeConsent, suppress } from './campaign-tracking.ts'
import { confirmBySmsReply, isConfirmReply } from './consent-confirmation.ts'
import { verifyWebhookSignature } from './tracking/webhook-signature.ts'

const emailEvent = z.strictObject({
  type: z.enum(['delivered', 'bounce', 'complaint']),
  message_id: z.string().max(500).optional().describe('The Message-ID Rapport sent (<rapport.w….c….r…@…>)'),
  address: z.string().max(320).optional().describe('The recipient address, when the report has no Message-ID'),
  hard: z.boolean().default(true).describe('bounce only: a permanent failure (suppressed); a soft bounce is only counted'),
})
const smsEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['delivered', 'failed']), provider_id: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('reply'), from: z.string().min(3).max(40), text: z.string().max(2000) }),
])
export const emailWebhookBody = z.strictObject({ events: z.array(emailEvent).min(1).max(1000) })
export const smsWebhookBody = z.strictObject({ events: z.array(smsEvent).min(1).max(1000) })

/** SMS replies that mean "stop sending me this": English keywords and the Chinese carriers' 退订 / TD. */
const STOP_WORDS = new Set(['stop', 'unsubscribe', 'cancel', 'end', 'quit', 'stopall', 'td', 'n', '退订', '退订短信', '取消订阅'])
export const isStopReply = (text: string): boolean => STOP_WORDS.has(text.trim().toLowerCase().replace(/[\s。.!！]+$/u, ''))

const MESSAGE_ID = /^<?rapport\.w(\d+)\.c(\d+)\.r(\d+)@/

/** Checks the signature with the workspace's webhook secret, then parses the body; 401 on a bad signature. */
async function authenticated<T>(db: Db, workspaceId: number, raw: Buffer, signature: string | undefined, schema: z.ZodType<T>): Promise<T> {
  const [w] = await db.query<{ webhook_secret: string }>('SELECT webhook_secret FROM workspaces WHERE id = $1', [workspaceId])
  if (!w) throw new RapportError('unauthenticated', 'the webhook signature is not valid: unknown workspace')
  verifyWebhookSignature(w.webhook_secret, raw, signature)
  let json: unknown
  try {
    json = JSON.parse(raw.toString('utf8'))
  } catch {
    throw invalid([{ path: 'body', message: 'not JSON' }])
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })))
  return parsed.data
}

/**
 * Bounce and complaint reports from the mail provider: a hard bounce or a complaint suppresses the address
 * (a complaint also revokes the marketing consent); deliveries and bounces are counted on the ledger row.
 */
export async function handleEmailWebhook(db: Db, workspaceId: number, raw: Buffer, signature: string | undefined): Promise<{ matched: number; suppressed: number }> {
  const body = await authenticated(db, workspaceId, raw, signature, emailWebhookBody)
  let matched = 0
  let suppressed = 0
  await db.transaction(async (tx) => {
    for (const e of body.events) {
      const m = e.message_id ? MESSAGE_ID.exec(e.message_id.trim()) : null
      const rows = await tx.query<{ id: string; campaign_id: string; customer_id: string; address: string | null; purpose: string }>(
        `SELECT r.id, r.campaign_id, r.customer_id, r.address, c.purpose FROM campaign_recipients r JOIN campaigns c ON c.workspace_id = r.workspace_id AND c.id = r.campaign_id
          WHERE r.workspace_id = $1 AND c.channel = 'email' AND (($2::bigint IS NOT NULL AND r.id = $2 AND r.campaign_id = $3) OR ($2::bigint IS NULL AND lower(r.address) = lower($4)))
          ORDER BY r.id DESC LIMIT 1`,
        [workspaceId, m && Number(m[1]) === workspaceId ? m[3] : null, m ? m[2] : null, e.address ?? null])
      const r = rows[0]
      if (!r) continue
      matched++
      const column = e.type === 'delivered' ? 'delivered_at' : 'bounced_at'
      if (e.type !== 'complaint') await tx.query(`UPDATE campaign_recipients SET ${column} = coalesce(${column}, now()) WHERE workspace_id = $1 AND id = $2`, [workspaceId, r.id])
      await tx.query('INSERT INTO campaign_events (workspace_id, campaign_id, recipient_id, kind) VALUES ($1, $2, $3, $4)', [workspaceId, r.campaign_id, r.id, e.type])
      if ((e.type === 'bounce' && e.hard) || e.type === 'complaint') {
        if (r.address) await suppress(tx, workspaceId, 'email', r.address, e.type === 'bounce' ? 'hard_bounce' : 'complaint', `webhook (campaign ${r.campaign_id})`)
        if (e.type === 'complaint') await revokeConsent(tx, workspaceId, Number(r.customer_id), 'email', r.purpose, `complaint:campaign:${r.campaign_id}`, `complaint-c${r.campaign_id}-r${r.id}`)
        suppressed++
      }
    }
    if (suppressed > 0) await recordAudit(tx, systemActor(workspaceId), { action: 'suppress', entity: 'suppressions', changes: { source: 'email webhook', count: suppressed } })
  })
  return { matched, suppressed }
}

/**
 * SMS delivery reports (by the gateway's message id) and replies: "STOP" / "退订" revokes SMS consent and
 * suppresses the number; "YES" / "是" confirms a pending double opt-in request.
 */
export async function handleSmsWebhook(db: Db, workspaceId: number, raw: Buffer, signature: string | undefined): Promise<{ matched: number; revoked: number; confirmed: number }> {
  const body = await authenticated(db, workspaceId, raw, signature, smsWebhookBody)
  let matched = 0
  let revoked = 0
  let confirmed = 0
  await db.transaction(async (tx) => {
    for (const e of body.events) {
      if (e.type === 'reply') {
        if (isConfirmReply(e.text)) {
          const n = await confirmBySmsReply(tx, workspaceId, e.from)
          matched += n
          confirmed += n
          continue
        }
        if (!isStopReply(e.text)) continue
        const customers = await tx.query<{ id: string }>(`SELECT id FROM customers WHERE workspace_id = $1 AND regexp_replace(phone, '[^0-9+]', '', 'g') = regexp_replace($2, '[^0-9+]', '', 'g')`, [workspaceId, e.from])
        for (const c of customers) await revokeConsent(tx, workspaceId, Number(c.id), 'sms', 'marketing', 'sms reply', `sms-stop-${c.id}-${Date.now()}`)
        await suppress(tx, workspaceId, 'sms', e.from, 'unsubscribe', 'sms reply')
        matched += customers.length
        revoked += customers.length
        continue
      }
      const column = e.type === 'delivered' ? 'delivered_at' : 'bounced_at'
      const rows = await tx.query<{ id: string; campaign_id: string }>(
        `UPDATE campaign_recipients SET ${column} = coalesce(${column}, now()) WHERE workspace_id = $1 AND provider_id = $2 RETURNING id, campaign_id`, [workspaceId, e.provider_id])
      for (const r of rows) await tx.query('INSERT INTO campaign_events (workspace_id, campaign_id, recipient_id, kind) VALUES ($1, $2, $3, $4)', [workspaceId, r.campaign_id, r.id, e.type === 'delivered' ? 'delivered' : 'bounce'])
      matched += rows.length
    }
    if (revoked > 0) await recordAudit(tx, systemActor(workspaceId), { action: 'unsubscribe', entity: 'consents', changes: { source: 'sms reply', count: revoked } })
  })
  return { matched, revoked, confirmed }
}
