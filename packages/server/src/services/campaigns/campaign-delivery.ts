import type { Db } from '../../store/db.ts'
import type { CampaignRow } from './campaign-row.ts'
import type { Delivery, SendOne } from './campaign-sender.ts'
import type { Channels } from './channels.ts'
import type { ClaimedRecipient } from './send-ledger.ts'
import { mergeAhead } from './merge-ahead.ts'
import type { MergeContext } from './templates/merge-fields.ts'
import { compileTemplate, renderMessage, type CompiledTemplate, type RenderedMessage } from './templates/render-template.ts'
import { listUnsubscribeHeaders } from './tracking/list-unsubscribe.ts'
import { openPixel, rewriteLinks } from './tracking/tracked-links.ts'
import { signToken } from './tracking/tracking-token.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import { readCampaignSettings } from './campaign-settings.ts'

/** What a workspace signs and names its messages with, and when it may text. */
export interface WorkspaceIdentity {
  id: number
  name: string
  trackingSecret: string
  smsHours?: SmsHours
}

export interface SmsHours { start: number; end: number; timeZone: string }

export async function workspaceIdentity(db: Db, workspaceId: number): Promise<WorkspaceIdentity> {
  const [w] = await db.query<{ name: string; tracking_secret: string; time_zone: string }>('SELECT name, tracking_secret, time_zone FROM workspaces WHERE id = $1', [workspaceId])
  if (!w) throw new RapportError('not_found', `workspace ${workspaceId}`)
  const { sms_hours: h } = await readCampaignSettings(db, workspaceId)
  return { id: workspaceId, name: w.name, trackingSecret: w.tracking_secret, smsHours: { start: h.start, end: h.end, timeZone: w.time_zone } }
}

/**
 * Null inside the sending hours [start, end) of the time zone, else the next start. Customers carry no time
 * zone of their own in Rapport's data, so the workspace's is used (one market per workspace).
 */
export function outsideHours(now: Date, h: SmsHours): Date | null {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: h.timeZone, hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(now)
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0)
  const minutesNow = get('hour') * 60 + get('minute') + get('second') / 60
  if (minutesNow >= h.start * 60 && minutesNow < h.end * 60) return null
  const wait = minutesNow < h.start * 60 ? h.start * 60 - minutesNow : 24 * 60 - minutesNow + h.start * 60
  return new Date(now.getTime() + Math.ceil(wait * 60_000))
}

/** The public tracking URLs of one ledger row. */
export function trackingUrls(publicUrl: string, ws: WorkspaceIdentity, campaignId: number, recipientId: number) {
  const base = { w: ws.id, c: campaignId, r: recipientId }
  return {
    open: `${publicUrl}/t/o/${signToken(ws.trackingSecret, { k: 'open', ...base })}`,
    unsubscribe: `${publicUrl}/t/u/${signToken(ws.trackingSecret, { k: 'unsub', ...base })}`,
    click: (url: string) => `${publicUrl}/t/c/${signToken(ws.trackingSecret, { k: 'click', ...base, u: url })}`,
  }
}

export interface PersonalisedMessage extends RenderedMessage {
  headers: Record<string, string>
}

/**
 * One recipient's message as it goes out: rendered in their language, every web link in the HTML through a
 * signed click redirect, an open pixel, the unsubscribe link in the merge fields and in the List-Unsubscribe
 * headers (RFC 2369/8058), and headers naming the workspace, campaign and ledger row (the catcher files caught
 * mail by them; a bounce report carries them back).
 */
export function personalise(compiled: CompiledTemplate, r: Pick<ClaimedRecipient, 'id' | 'lang'>, ctx: MergeContext, o: { publicUrl: string; ws: WorkspaceIdentity; campaignId: number; channel: 'email' | 'sms' }): PersonalisedMessage {
  const urls = trackingUrls(o.publicUrl, o.ws, o.campaignId, r.id)
  const rendered = renderMessage(compiled, r.lang, { ...ctx, unsubscribe_url: urls.unsubscribe })
  if (o.channel === 'sms') return { ...rendered, headers: {} }
  let html = rendered.html
  if (html !== null) {
    html = rewriteLinks(html, urls.click, { skipPrefix: `${o.publicUrl}/t/` })
    const pixel = openPixel(urls.open)
    html = /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${pixel}</body>`) : html + pixel
  }
  return {
    ...rendered,
    html,
    headers: {
      ...listUnsubscribeHeaders(urls.unsubscribe),
      'X-Rapport-Workspace': String(o.ws.id),
      'X-Rapport-Campaign': String(o.campaignId),
      'X-Rapport-Recipient': String(r.id),
    },
  }
}

/**
 * How the sender delivers a campaign's batches: the merge data read ahead of the claims (merge-ahead.ts), each
 * variant's template parsed once, then one message per recipient through the campaign's channel.
 */
export function campaignDelivery(db: Db, c: CampaignRow, channels: Channels, ws: WorkspaceIdentity): Delivery {
  const compiled = new Map(c.variants.map((v) => [v.name, compileTemplate(v.template)]))
  const opts = { publicUrl: channels.publicUrl, ws, campaignId: c.id, channel: c.channel }
  const mergeContexts = mergeAhead(db, c.workspace_id, c.id, { baseUrl: channels.publicUrl, workspaceName: ws.name })
  return {
    ...(c.channel === 'sms' && ws.smsHours && { holdUntil: (now: Date) => outsideHours(now, ws.smsHours as SmsHours) }),
    async prepare(batch: ClaimedRecipient[]): Promise<SendOne> {
      const contexts = await mergeContexts(batch)
      return async (r, messageId) => {
        const ctx = contexts.get(r.customer_id)
        const template = compiled.get(r.variant)
        if (!ctx || !template) throw Object.assign(new Error(ctx ? `variant ${r.variant} is not in the campaign` : `customer ${r.customer_id} is gone`), { kind: 'permanent' })
        const m = personalise(template, r, ctx, opts)
        if (c.channel === 'sms') {
          if (!channels.sms) throw Object.assign(new Error('no SMS gateway is configured (RAPPORT_SMS_URL)'), { kind: 'temporary' })
          const sent = await channels.sms.gateway.send({ to: r.address, text: m.text, reference: messageId })
          return { providerId: sent.providerId }
        }
        if (!channels.email) throw Object.assign(new Error('no SMTP server is configured (RAPPORT_SMTP_URLS)'), { kind: 'temporary' })
        const sent = await channels.email.mailer.send({
          from: c.from_address ?? '', to: r.address, subject: m.subject ?? '', html: m.html ?? undefined, text: m.text, messageId, headers: m.headers,
        })
        return { providerId: sent.response.slice(0, 200) }
      }
    },
  }
}
