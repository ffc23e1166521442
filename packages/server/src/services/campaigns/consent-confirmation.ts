import { systemActor, requirePermission, type Actor } from '../../domain/actor.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Queue } from '../../adapters/queue/index.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { readCampaignSettings } from './campaign-settings.ts'
import type { Channels } from './channels.ts'
import { confirmationMessage } from './consent-confirmation-text.ts'
import { confirmedGrantSql, currentConsentSql, languageSql } from './plan-campaign.ts'
import { claimedWorkspace, rejectedToken } from './tracking/signed-token.ts'
import { signConfirmToken, verifyConfirmToken, type ConfirmPayload } from './tracking/confirm-token.ts'

/**
 * Double opt-in. A workspace that requires it (campaign settings `double_opt_in`) sends only to customers who
 * confirmed their grant: a confirmation message goes to every customer whose current grant is not confirmed
 * (at most once a week each); the customer confirms by the link's page (a button, so a link scanner cannot
 * confirm for them) or, for SMS, by replying YES / 是. Confirming appends a granted row with confirmed_at to
 * the consent ledger, with its source, in one transaction with an audit row.
 */
export type ConsentChannel = 'email' | 'sms'

const RESEND_AFTER_DAYS = 7
const CONCURRENCY = 5

export interface ConfirmationStatus {
  channel: ConsentChannel
  purpose: string
  required: boolean
  /** Current grants not confirmed, with an address, not suppressed. */
  unconfirmed: number
  /** Of those, asked in the last 7 days (not asked again yet). */
  requested_recently: number
  /** Current grants that are confirmed. */
  confirmed: number
}

const addressSql = (ch: ConsentChannel) => (ch === 'email' ? "nullif(trim(cu.email), '')" : "nullif(trim(cu.phone), '')")

/** Customers with a current, unconfirmed grant and somewhere to ask them; `asked` says if they were asked recently. */
function unconfirmedSql(ch: ConsentChannel): string {
  return `SELECT cu.id, ${addressSql(ch)} AS address, ${languageSql('cu')} AS lang,
            EXISTS (SELECT 1 FROM consent_confirmations q WHERE q.workspace_id = $1 AND q.customer_id = cu.id AND q.channel = $2 AND q.purpose = $3
                      AND q.requested_at > $4::timestamptz - interval '${RESEND_AFTER_DAYS} days') AS asked
            FROM customers cu
           WHERE cu.workspace_id = $1 AND ${addressSql(ch)} IS NOT NULL
             AND ${currentConsentSql('$1', 'cu.id', '$2', '$3')} = 'granted'
             AND NOT ${confirmedGrantSql('$1', 'cu.id', '$2', '$3')}
             AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.workspace_id = $1 AND s.channel = $2 AND s.address = lower(${addressSql(ch)}))`
}

export async function confirmationStatus(db: Db, actor: Actor, ch: ConsentChannel, purpose: string, now = new Date()): Promise<ConfirmationStatus> {
  requirePermission(actor, 'customers:read')
  const ws = await readCampaignSettings(db, actor.workspaceId)
  const [r] = await db.query<{ unconfirmed: string; asked: string; confirmed: string }>(
    `SELECT (SELECT count(*) FROM (${unconfirmedSql(ch)}) u) AS unconfirmed, (SELECT count(*) FROM (${unconfirmedSql(ch)}) u WHERE u.asked) AS asked,
            (SELECT count(*) FROM customers cu WHERE cu.workspace_id = $1 AND ${currentConsentSql('$1', 'cu.id', '$2', '$3')} = 'granted'
                AND ${confirmedGrantSql('$1', 'cu.id', '$2', '$3')}) AS confirmed`,
    [actor.workspaceId, ch, purpose, now.toISOString()])
  return { channel: ch, purpose, required: ws.double_opt_in[ch], unconfirmed: Number(r?.unconfirmed ?? 0), requested_recently: Number(r?.asked ?? 0), confirmed: Number(r?.confirmed ?? 0) }
}

/**
 * Queues the confirmation requests (a person's decision: it sends a message to every unconfirmed customer).
 * Refused when the channel cannot send, before anything is queued.
 */
export async function queueConsentConfirmations(db: Db, queue: Queue, channels: Channels, actor: Actor, ch: ConsentChannel, purpose: string): Promise<{ job_id: string; status: ConfirmationStatus }> {
  requirePermission(actor, 'campaigns:send')
  if (ch === 'email' && !channels.email) throw new RapportError('precondition_failed', 'no SMTP server is configured (RAPPORT_SMTP_URLS): confirmation e-mails cannot be sent')
  if (ch === 'sms' && !channels.sms) throw new RapportError('precondition_failed', 'no SMS gateway is configured (RAPPORT_SMS_URL): confirmation SMS cannot be sent')
  if (ch === 'email' && (await readCampaignSettings(db, actor.workspaceId)).verified_senders.length === 0) {
    throw new RapportError('precondition_failed', 'the workspace has no verified sender address: add one in the campaign settings first')
  }
  const status = await confirmationStatus(db, actor, ch, purpose)
  const jobId = await queue.enqueue('consents.confirm', { channel: ch, purpose }, { workspaceId: actor.workspaceId, actorLabel: actor.label, retryLimit: 2, retryDelaySeconds: 30 })
  await recordAudit(db, actor, { action: 'request_confirmation', entity: 'consents', changes: { channel: ch, purpose, job_id: jobId, unconfirmed: status.unconfirmed } })
  return { job_id: jobId, status }
}

export interface ConfirmationSendResult {
  asked: number
  failed: number
  /** Asked in the last 7 days already: not asked again. */
  skipped_recent: number
  last_error: string | null
}

/**
 * Sends the confirmation requests (a job: `consents.confirm`). The channel must be configured and, for e-mail,
 * a verified sender set up; each request is recorded once sent, so a retried job does not ask twice in a week.
 */
export async function sendConsentConfirmations(
  db: Db, workspaceId: number, o: { channel: ConsentChannel; purpose: string; channels: Channels; now?: Date; progress?: (done: number, total: number) => Promise<void> },
): Promise<ConfirmationSendResult> {
  const now = o.now ?? new Date()
  const settings = await readCampaignSettings(db, workspaceId)
  const from = settings.verified_senders[0]
  if (o.channel === 'email' && !o.channels.email) throw new RapportError('precondition_failed', 'no SMTP server is configured (RAPPORT_SMTP_URLS): confirmation e-mails cannot be sent')
  if (o.channel === 'sms' && !o.channels.sms) throw new RapportError('precondition_failed', 'no SMS gateway is configured (RAPPORT_SMS_URL): confirmation SMS cannot be sent')
  if (o.channel === 'email' && !from) throw new RapportError('precondition_failed', 'the workspace has no verified sender address: add one in the campaign settings first')
  const [w] = await db.query<{ name: string; tracking_secret: string }>('SELECT name, tracking_secret FROM workspaces WHERE id = $1', [workspaceId])
  if (!w) throw new RapportError('not_found', `workspace ${workspaceId} does not exist`)
  const rows = await db.query<{ id: string; address: string; lang: 'en' | 'zh'; asked: boolean }>(`${unconfirmedSql(o.channel)} ORDER BY cu.id`, [workspaceId, o.channel, o.purpose, now.toISOString()])
  const todo = rows.filter((r) => !r.asked)
  const out: ConfirmationSendResult = { asked: 0, failed: 0, skipped_recent: rows.length - todo.length, last_error: null }
  const email = o.channels.email
  const sms = o.channels.sms
  let next = 0
  const worker = async () => {
    for (let r = todo[next++]; r !== undefined; r = todo[next++]) {
      const token = signConfirmToken(w.tracking_secret, { w: workspaceId, cu: Number(r.id), ch: o.channel, p: o.purpose })
      const m = confirmationMessage(r.lang, w.name, o.channel, `${o.channels.publicUrl}/t/k/${token}`)
      try {
        if (o.channel === 'email' && email && from) {
          await email.mailer.send({ from, to: r.address, subject: m.subject, text: m.text, html: m.html, messageId: `<rapport.confirm.w${workspaceId}.cu${r.id}.${now.getTime()}@rapport.local>`,
            // The catcher files mail by this header, so the Outbox shows confirmation requests too.
            headers: { 'X-Rapport-Workspace': String(workspaceId) } })
        } else if (sms) {
          await sms.gateway.send({ to: r.address, text: m.text, reference: `confirm-w${workspaceId}-cu${r.id}-${now.getTime()}` })
        }
      } catch (e) {
        out.failed++
        out.last_error = e instanceof Error ? e.message : String(e)
        continue
      }
      await db.query(
        `INSERT INTO consent_confirmations (workspace_id, customer_id, channel, purpose, address, requested_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (workspace_id, customer_id, channel, purpose) DO UPDATE SET address = EXCLUDED.address, requested_at = EXCLUDED.requested_at, confirmed_at = NULL`,
        [workspaceId, r.id, o.channel, o.purpose, r.address, now.toISOString()])
      out.asked++
      if (out.asked % 100 === 0) await o.progress?.(out.asked + out.failed, todo.length)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  await recordAudit(db, systemActor(workspaceId), { action: 'send_confirmations', entity: 'consents', changes: { channel: o.channel, purpose: o.purpose, asked: out.asked, failed: out.failed } })
  return out
}

export interface ConfirmTarget {
  payload: ConfirmPayload
  lang: 'en' | 'zh'
  workspaceName: string
  /** ask: the page offers the button; done: confirmed already; withdrawn: the customer revoked since (nothing to confirm). */
  state: 'ask' | 'done' | 'withdrawn'
}

async function verified(db: Db, token: string): Promise<{ p: ConfirmPayload; workspaceName: string }> {
  const w = claimedWorkspace(token)
  if (w === null) throw rejectedToken('bad signature')
  const [ws] = await db.query<{ tracking_secret: string; name: string }>('SELECT tracking_secret, name FROM workspaces WHERE id = $1', [w])
  if (!ws) throw rejectedToken('bad signature')
  return { p: verifyConfirmToken(ws.tracking_secret, token), workspaceName: ws.name }
}

async function targetOf(db: Db, p: ConfirmPayload, workspaceName: string): Promise<ConfirmTarget> {
  const [r] = await db.query<{ lang: 'en' | 'zh'; consent: string | null; confirmed: boolean }>(
    `SELECT ${languageSql('cu')} AS lang, ${currentConsentSql('$1', 'cu.id', '$3', '$4')} AS consent, ${confirmedGrantSql('$1', 'cu.id', '$3', '$4')} AS confirmed
       FROM customers cu WHERE cu.workspace_id = $1 AND cu.id = $2`, [p.w, p.cu, p.ch, p.p])
  if (!r) throw rejectedToken('the customer no longer exists')
  const state = r.consent !== 'granted' ? 'withdrawn' : r.confirmed ? 'done' : 'ask'
  return { payload: p, lang: r.lang, workspaceName, state }
}

/** What a confirmation link is for (the page asks before anything is recorded). */
export async function confirmationTarget(db: Db, token: string): Promise<ConfirmTarget> {
  const v = await verified(db, token)
  return targetOf(db, v.p, v.workspaceName)
}

/** The page's button: confirms the grant (doing it twice records nothing more). */
export async function confirmByLink(db: Db, token: string, now = new Date()): Promise<ConfirmTarget> {
  const v = await verified(db, token)
  return db.transaction(async (tx) => {
    const t = await targetOf(tx, v.p, v.workspaceName)
    if (t.state !== 'ask') return t
    await appendConfirmation(tx, v.p, 'double opt-in (link)', now)
    return { ...t, state: 'done' }
  })
}

/** An SMS reply confirming: every customer with this number who was asked (in the last 30 days) and has not confirmed. */
export async function confirmBySmsReply(tx: Db, workspaceId: number, from: string, now = new Date()): Promise<number> {
  const rows = await tx.query<{ customer_id: string; purpose: string }>(
    `SELECT q.customer_id, q.purpose FROM consent_confirmations q
      WHERE q.workspace_id = $1 AND q.channel = 'sms' AND q.confirmed_at IS NULL AND q.requested_at > $3::timestamptz - interval '30 days'
        AND regexp_replace(q.address, '[^0-9+]', '', 'g') = regexp_replace($2, '[^0-9+]', '', 'g')
        AND ${currentConsentSql('$1', 'q.customer_id', "'sms'", 'q.purpose')} = 'granted'`, [workspaceId, from, now.toISOString()])
  for (const r of rows) await appendConfirmation(tx, { w: workspaceId, cu: Number(r.customer_id), ch: 'sms', p: r.purpose }, 'double opt-in (sms reply)', now)
  return rows.length
}

/** SMS replies that mean "yes, I confirm". */
const YES_WORDS = new Set(['yes', 'y', 'ok', 'confirm', '是', '确认', '同意', '好'])
export const isConfirmReply = (text: string): boolean => YES_WORDS.has(text.trim().toLowerCase().replace(/[\s。.!！]+$/u, ''))

async function appendConfirmation(tx: Db, p: ConfirmPayload, source: string, now: Date): Promise<void> {
  const at = now.toISOString()
  await tx.query(
    `INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at, source, confirmed_at)
     VALUES ($1, $2, $3, $4, $5, 'granted', $6, $7, $6) ON CONFLICT (workspace_id, external_id) DO NOTHING`,
    [p.w, `doi-${p.cu}-${p.ch}-${p.p}-${now.getTime()}`, p.cu, p.ch, p.p, at, source])
  await tx.query('UPDATE consent_confirmations SET confirmed_at = $5 WHERE workspace_id = $1 AND customer_id = $2 AND channel = $3 AND purpose = $4', [p.w, p.cu, p.ch, p.p, at])
  await recordAudit(tx, systemActor(p.w), { action: 'confirm', entity: 'consents', entityId: p.cu, changes: { channel: p.ch, purpose: p.p, source } })
}
