import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { personalise, workspaceIdentity } from './campaign-delivery.ts'
import { loadCampaign } from './campaign-row.ts'
import type { Channels } from './channels.ts'
import { languageSql } from './plan-campaign.ts'
import { loadMergeContexts, sampleMergeContext } from './templates/merge-context.ts'
import { compileTemplate } from './templates/render-template.ts'
import type { TemplateLanguage } from './templates/template-input.ts'

export const previewInput = z.strictObject({
  customer_id: z.number().int().positive().optional().describe('Render for this customer (their language, data and recommendations); omitted: an example recipient'),
  variant: z.string().max(20).optional().describe('Default: the first variant'),
  lang: z.enum(['en', 'zh']).optional().describe('Default: the customer\'s language'),
})

export interface MessagePreview {
  variant: string
  lang: TemplateLanguage
  customer_id: number | null
  subject: string | null
  html: string | null
  text: string
  headers: Record<string, string>
}

/**
 * A campaign's message as one customer would get it (tracking links included, so what is previewed is what is
 * sent), or as the example recipient gets it. Shows a customer's data: needs pii:read.
 */
export async function previewCampaignMessage(db: Db, channels: Channels, actor: Actor, id: number, body: z.input<typeof previewInput>): Promise<MessagePreview> {
  requirePermission(actor, 'customers:read')
  const input = previewInput.parse(body)
  if (input.customer_id !== undefined) requirePermission(actor, 'pii:read')
  const c = await loadCampaign(db, actor.workspaceId, id)
  const variant = input.variant === undefined ? c.variants[0] : c.variants.find((v) => v.name === input.variant)
  if (!variant) throw invalid([{ path: 'body.variant', message: `the campaign has no variant "${input.variant}" (it has ${c.variants.map((v) => v.name).join(', ')})` }])
  const ws = await workspaceIdentity(db, actor.workspaceId)
  let ctx = sampleMergeContext(ws.name)
  let lang: TemplateLanguage = input.lang ?? 'en'
  if (input.customer_id !== undefined) {
    const contexts = await loadMergeContexts(db, actor.workspaceId, [input.customer_id], { baseUrl: channels.publicUrl, workspaceName: ws.name })
    const found = contexts.get(input.customer_id)
    if (!found) throw notFound(`customer ${input.customer_id}`)
    ctx = found
    if (input.lang === undefined) {
      const [r] = await db.query<{ lang: TemplateLanguage }>(`SELECT ${languageSql('cu')} AS lang FROM customers cu WHERE cu.workspace_id = $1 AND cu.id = $2`, [actor.workspaceId, input.customer_id])
      lang = r?.lang ?? 'en'
    }
  }
  // Recipient 0 does not exist: a preview's tracking links resolve to nothing.
  const [row] = input.customer_id === undefined ? [] : await db.query<{ id: string }>('SELECT id FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND customer_id = $3', [actor.workspaceId, id, input.customer_id])
  const m = personalise(compileTemplate(variant.template), { id: row ? Number(row.id) : 1, lang }, ctx, { publicUrl: channels.publicUrl, ws, campaignId: id, channel: c.channel })
  return { variant: variant.name, lang, customer_id: input.customer_id ?? null, subject: m.subject, html: m.html, text: m.text, headers: m.headers }
}

export const testSendInput = previewInput.extend({
  to: z.string().trim().min(3).max(320).optional().describe('E-mail address (or phone number for SMS) to send the test to; default: your own e-mail address'),
})

/** Sends one test message ("[Test]" in the subject) to a given address; it is not in the ledger or the results. */
export async function testSendCampaign(db: Db, channels: Channels, actor: Actor, id: number, body: z.input<typeof testSendInput>): Promise<{ to: string; provider_response: string }> {
  requirePermission(actor, 'campaigns:send')
  const input = testSendInput.parse(body)
  const c = await loadCampaign(db, actor.workspaceId, id)
  const to = input.to ?? (actor.kind === 'user' && c.channel === 'email' ? actor.label : undefined)
  if (to === undefined) throw invalid([{ path: 'body.to', message: 'say where to send the test' }])
  if (c.channel === 'email' && !z.email().safeParse(to).success) throw invalid([{ path: 'body.to', message: 'not an e-mail address' }])
  const m = await previewCampaignMessage(db, channels, actor, id, { customer_id: input.customer_id, variant: input.variant, lang: input.lang })
  const messageId = `<rapport.test.${randomUUID()}@rapport.invalid>`
  let response: string
  if (c.channel === 'sms') {
    if (!channels.sms) throw new RapportError('precondition_failed', 'no SMS gateway is configured: set RAPPORT_SMS_URL')
    response = (await channels.sms.gateway.send({ to, text: `[Test] ${m.text}`, reference: messageId })).providerId
  } else {
    if (!channels.email) throw new RapportError('precondition_failed', 'no SMTP server is configured: set RAPPORT_SMTP_URLS')
    const sent = await channels.email.mailer.send({
      from: c.from_address ?? 'test@rapport.invalid', to, subject: `[Test] ${m.subject ?? ''}`, html: m.html ?? undefined, text: m.text, messageId, headers: m.headers,
    }).catch((e: unknown) => {
      throw new RapportError('unavailable', `the test message was not accepted: ${(e as Error).message}`)
    })
    response = sent.response
  }
  await recordAudit(db, actor, { action: 'test_send', entity: 'campaigns', entityId: id, changes: { variant: m.variant } })
  return { to, provider_response: response }
}
