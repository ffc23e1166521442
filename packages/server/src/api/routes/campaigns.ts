import { z } from 'zod'
import type { Queue } from '../../adapters/queue/index.ts'
import { campaignInput, campaignSendSettings, campaignVariant } from '../../services/campaigns/campaign-input.ts'
import { previewCampaignMessage, previewInput, testSendCampaign, testSendInput } from '../../services/campaigns/campaign-preview.ts'
import {
  addSuppression, campaignSettingsPatch, getCampaignSettings, listSuppressions, removeSuppression, suppressionInput, updateCampaignSettings, webhookSecret,
} from '../../services/campaigns/campaign-settings-service.ts'
import { workspaceCampaignSettings } from '../../services/campaigns/campaign-settings.ts'
import { confirmationStatus, queueConsentConfirmations } from '../../services/campaigns/consent-confirmation.ts'
import {
  campaignPatch, cancelCampaign, createCampaign, deleteCampaign, estimateAudience, getCampaign, listCampaigns, pauseCampaignByUser, resendUncertain,
  resumeCampaign, startCampaign, updateCampaign,
} from '../../services/campaigns/campaigns-service.ts'
import { campaignResults } from '../../services/campaigns/campaign-results.ts'
import { campaignResultsCsv } from '../../services/campaigns/campaign-results-csv.ts'
import { CURVES_MIN_PER_GROUP, CURVES_REASONS } from '../../services/campaigns/campaign-results-curves.ts'
import { currentChannels } from '../../services/campaigns/channels.ts'
import { getCaughtMail, listCaughtMail } from '../../services/campaigns/outbox.ts'
import { EXCLUSION_REASONS } from '../../services/campaigns/plan-campaign.ts'
import { listMergeFields } from '../../services/campaigns/templates/merge-fields.ts'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { decimalId, errors, idParams, limitParam, pageOf, rowsAs, safeText, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

const planOut = z.object({
  audience: z.number().int().describe('Members of the segment when the audience was frozen'),
  treated: z.number().int(), holdout: z.number().int(),
  excluded: z.object(Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, z.number().int()])) as Record<(typeof EXCLUSION_REASONS)[number], z.ZodNumber>),
  variants: z.record(z.string(), z.number().int()),
  held: z.number().int().describe('Treated recipients waiting for the winner of a variant test'),
})

const campaignOut = z.object({
  id: z.number().int(),
  name: z.string(),
  channel: z.enum(['email', 'sms']),
  purpose: z.string(),
  status: z.enum(['draft', 'sending', 'paused', 'done', 'cancelled']),
  segment_id: z.number().int().nullable(),
  from_address: z.string().nullable(),
  variants: z.array(campaignVariant),
  holdout_pct: z.number(),
  settings: campaignSendSettings,
  pause_reason: z.string().nullable().describe('Why it is paused (a person, or the automatic error-rate pause with the last error)'),
  winner: z.object({
    winner: z.string(), metric: z.enum(['clicks', 'conversions']), rate: z.number(), runner_up: z.string().nullable(), runner_up_rate: z.number().nullable(),
    p_value: z.number().nullable(), significant: z.boolean(), picked_at: z.string(), variants: z.array(z.object({ name: z.string(), n: z.number().int(), conversions: z.number().int() })),
  }).nullable().describe('The outcome of "test, then send the winner"'),
  send_job_id: z.string().nullable(),
  planned_at: z.string().nullable().describe('When the audience was frozen and sending started'),
  finished_at: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  plan: planOut.nullable().describe('The frozen audience by group and exclusion reason; null for a draft'),
  progress: z.object({ planned: z.number().int(), sending: z.number().int(), sent: z.number().int(), failed: z.number().int(), uncertain: z.number().int(), held: z.number().int() }).nullable()
    .describe('Treated recipients by send state'),
})

const messageOut = z.object({
  variant: z.string(), lang: z.enum(['en', 'zh']), customer_id: z.number().int().nullable(),
  subject: z.string().nullable(), html: z.string().nullable(), text: z.string(), headers: z.record(z.string(), z.string()),
})

const groupOut = z.looseObject({
  recipients: z.number().int(), sent: z.number().int(), opened: z.number().int(), clicked: z.number().int(), conversions: z.number().int(), revenue: z.number(),
  conversion_rate: z.number().nullable(), revenue_per_recipient: z.number().nullable(),
}).describe('A group\'s counts (recipients, sent, failed, uncertain, delivered, bounced, opened, clicked, unsubscribed, conversions, revenue) and rates')
const liftOut = z.looseObject({
  conversion: z.looseObject({ diff: z.number().nullable(), ci_low: z.number().nullable(), ci_high: z.number().nullable(), p_value: z.number().nullable() }),
  revenue_per_recipient: z.looseObject({ diff: z.number().nullable(), ci_low: z.number().nullable(), ci_high: z.number().nullable(), p_value: z.number().nullable() }),
  incremental_conversions: z.object({ value: z.number().nullable(), ci_low: z.number().nullable(), ci_high: z.number().nullable() }),
  incremental_revenue: z.object({ value: z.number().nullable(), ci_low: z.number().nullable(), ci_high: z.number().nullable() }),
  note: z.string().nullable(),
}).describe('Treated minus holdout, with 95 % confidence intervals and p-values')
const breakdownOut = z.looseObject({ key: z.string(), recipients: z.number().int(), treated: groupOut, holdout: groupOut, lift: liftOut })
const curvesOut = z.object({
  recipients_scored: z.number().int(), treated_scored: z.number().int(), holdout_scored: z.number().int(),
  points: z.array(z.object({
    share: z.number().describe('Share of the scored recipients taken, highest predicted uplift first (0..1)'),
    qini: z.number().describe('Incremental conversions among them: treated conversions − holdout conversions × treated / holdout (a count)'),
    random: z.number().describe('The Qini of taking them at random'),
    uplift: z.number().nullable().describe('Treated minus holdout conversion rate among them'),
  })).describe('At most 101 points from share 0 to 1'),
  qini_auc: z.number().describe('Normalised Qini AUC: 0 random, 1 perfect, below 0 worse than random'),
}).nullable().describe('Qini and uplift curves of the predicted uplift the audience was frozen with, over treated and holdout recipients that have one')
const resultsOut = z.looseObject({
  campaign_id: z.number().int(), name: z.string(), status: z.string(), planned_at: z.string(), attribution_days: z.number().int(),
  window_end: z.string(), window_open: z.boolean().describe('Conversions are still being attributed'),
  treated: groupOut, holdout: groupOut, excluded: z.object({ total: z.number().int(), by_reason: z.record(z.string(), z.number().int()) }), lift: liftOut,
  variants: z.array(z.looseObject({ name: z.string(), treated: groupOut, lift: liftOut })),
  winner: z.looseObject({ winner: z.string(), p_value: z.number().nullable(), significant: z.boolean() }).nullable(),
  breakdown: z.object({ rfm: z.array(breakdownOut), persona: z.array(breakdownOut) }),
  curves: curvesOut,
  curves_reason: z.enum(CURVES_REASONS).nullable()
    .describe(`Why curves is null: no uplift model had scored the audience, no holdout, fewer than ${CURVES_MIN_PER_GROUP} scored in a group, or no conversion among them`),
})

const caughtOut = z.object({
  id: z.number().int(), campaign_id: z.number().int().nullable(), recipient_id: z.number().int().nullable(), message_id: z.string().nullable(),
  from: z.string(), to: z.string(), subject: z.string().nullable(), received_at: z.string(),
})
const caughtFullOut = caughtOut.extend({ html: z.string().nullable(), text: z.string().nullable(), headers: z.record(z.string(), z.string()) })
const suppressionOut = z.object({ channel: z.enum(['email', 'sms']), address: z.string(), reason: z.string(), source: z.string().nullable(), created_at: z.string() })

/** /api/v1/campaigns: e-mail and SMS campaigns — drafts, audience estimate, preview, start/pause/resume/cancel, results; the Outbox. */
export function campaignRoutes(db: Db, queue: Queue) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['campaigns']

    app.get('/', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Campaigns, newest first, with their audience and send progress', headers: workspaceHeader,
        querystring: z.strictObject({ limit: limitParam, cursor: decimalId.optional(), status: z.enum(['draft', 'sending', 'paused', 'done', 'cancelled']).optional() }),
        response: { 200: pageOf(campaignOut), ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(pageOf(campaignOut), await listCampaigns(db, req.actor, req.query)))

    app.post('/', {
      config: { access: 'campaigns:send' },
      schema: {
        tags, summary: 'Create a draft campaign (templates are checked: syntax errors and unknown merge fields with line and column)', headers: workspaceHeader,
        body: campaignInput, response: { 201: campaignOut, ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      reply.code(201)
      return rowsAs(campaignOut, await createCampaign(db, req.actor, req.body))
    })

    app.get('/merge-fields', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'The merge fields templates may use', headers: workspaceHeader, response: { 200: z.object({ data: z.array(z.object({ path: z.string(), description: z.string() })) }), ...errors(401, 403) } },
    }, async () => ({ data: listMergeFields() }))

    app.get('/settings', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'The workspace\'s campaign rules: frequency cap, verified senders, SMS hours, global control group', headers: workspaceHeader, response: { 200: workspaceCampaignSettings, ...errors(401, 403) } },
    }, async (req) => getCampaignSettings(db, req.actor))

    app.patch('/settings', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Change the campaign rules', headers: workspaceHeader, body: campaignSettingsPatch, response: { 200: workspaceCampaignSettings, ...errors(400, 401, 403) } },
    }, async (req) => updateCampaignSettings(db, req.actor, req.body))

    // A purpose is a word (marketing, newsletter, 会员…): letters, digits, _ and -.
    const purposeParam = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,59}$/u, 'a consent purpose is a word of letters, digits, _ or - (at most 60)').default('marketing')
    const confirmationQuery = z.strictObject({ channel: z.enum(['email', 'sms']).default('email'), purpose: purposeParam })
    const confirmationStatusOut = z.object({
      channel: z.enum(['email', 'sms']), purpose: z.string(), required: z.boolean().describe('The workspace requires double opt-in on this channel'),
      unconfirmed: z.number().int().describe('Current grants not confirmed (with an address, not suppressed)'),
      requested_recently: z.number().int().describe('Of those, asked in the last 7 days'), confirmed: z.number().int(),
    })
    app.get('/consent-confirmations', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'Double opt-in: how many current grants are confirmed, unconfirmed, asked recently', headers: workspaceHeader, querystring: confirmationQuery, response: { 200: confirmationStatusOut, ...errors(400, 401, 403) } },
    }, async (req) => confirmationStatus(db, req.actor, req.query.channel, req.query.purpose))

    app.post('/consent-confirmations', {
      config: { access: 'campaigns:send' },
      schema: {
        tags, summary: 'Double opt-in: send a confirmation request to every customer with an unconfirmed grant (at most once a week each); runs as a job',
        headers: workspaceHeader, body: confirmationQuery, response: { 202: z.object({ job_id: z.string(), status: confirmationStatusOut }), ...errors(400, 401, 403, 412) },
      },
    }, async (req, reply) => {
      reply.code(202)
      return queueConsentConfirmations(db, queue, currentChannels(), req.actor, req.body.channel, req.body.purpose)
    })

    app.get('/settings/webhook-secret', {
      config: { access: 'settings:write' },
      schema: {
        tags, summary: 'The secret that signs bounce, complaint and SMS webhooks (POST /t/webhooks/:workspace/email|sms)', headers: workspaceHeader,
        response: { 200: z.object({ secret: z.string(), header: z.string(), format: z.string() }), ...errors(401, 403) },
      },
    }, async (req) => webhookSecret(db, req.actor))

    app.get('/suppressions', {
      config: { access: 'pii:read' },
      schema: {
        tags, summary: 'Addresses never sent to: hard bounces, complaints, unsubscribes, added by hand', headers: workspaceHeader,
        querystring: z.strictObject({ limit: limitParam, q: safeText(320).optional(), channel: z.enum(['email', 'sms']).optional(), cursor: safeText(400).optional() }),
        response: { 200: pageOf(suppressionOut), ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(pageOf(suppressionOut), await listSuppressions(db, req.actor, req.query)))

    app.post('/suppressions', {
      config: { access: 'campaigns:send' },
      schema: { tags, summary: 'Suppress an address by hand', headers: workspaceHeader, body: suppressionInput, response: { 204: z.null(), ...errors(400, 401, 403) } },
    }, async (req, reply) => {
      await addSuppression(db, req.actor, req.body)
      return reply.code(204).send(null)
    })

    app.delete('/suppressions/:channel/:address', {
      config: { access: 'campaigns:send' },
      schema: {
        tags, summary: 'Lift a suppression', headers: workspaceHeader,
        params: z.strictObject({ channel: z.enum(['email', 'sms']), address: safeText(320) }), response: { 204: z.null(), ...errors(400, 401, 403, 404) },
      },
    }, async (req, reply) => {
      await removeSuppression(db, req.actor, req.params.channel, req.params.address)
      return reply.code(204).send(null)
    })

    app.get('/outbox', {
      config: { access: 'pii:read' },
      schema: {
        tags, summary: 'Mail caught by the built-in SMTP catcher (development and the demo), newest first', headers: workspaceHeader,
        querystring: z.strictObject({ limit: limitParam, cursor: decimalId.optional(), q: safeText(200).optional(), campaign_id: decimalId.optional() }),
        response: { 200: pageOf(caughtOut), ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(pageOf(caughtOut), await listCaughtMail(db, req.actor, req.query)))

    app.get('/outbox/:id', {
      config: { access: 'pii:read' },
      schema: { tags, summary: 'One caught message with its HTML, text and headers', headers: workspaceHeader, params: idParams, response: { 200: caughtFullOut, ...errors(400, 401, 403, 404) } },
    }, async (req) => rowsAs(caughtFullOut, await getCaughtMail(db, req.actor, req.params.id)))

    app.get('/:id', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'A campaign', headers: workspaceHeader, params: idParams, response: { 200: campaignOut, ...errors(400, 401, 403, 404) } },
    }, async (req) => rowsAs(campaignOut, await getCampaign(db, req.actor, req.params.id)))

    app.patch('/:id', {
      config: { access: 'campaigns:send' },
      schema: { tags, summary: 'Change a draft', headers: workspaceHeader, params: idParams, body: campaignPatch, response: { 200: campaignOut, ...errors(400, 401, 403, 404, 409) } },
    }, async (req) => rowsAs(campaignOut, await updateCampaign(db, req.actor, req.params.id, req.body)))

    app.delete('/:id', {
      config: { access: 'campaigns:send' },
      schema: { tags, summary: 'Delete a campaign that is not sending, with its ledger and results', headers: workspaceHeader, params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404, 409) } },
    }, async (req, reply) => {
      await deleteCampaign(db, req.actor, req.params.id)
      return reply.code(204).send(null)
    })

    app.get('/:id/audience', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'The audience a start would freeze now, by group and exclusion reason (nothing is kept); the frozen one once started', headers: workspaceHeader, params: idParams,
        response: { 200: planOut, ...errors(400, 401, 403, 404, 412) },
      },
    }, async (req) => rowsAs(planOut, await estimateAudience(db, req.actor, req.params.id)))

    app.get('/:id/results', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Results for treated and holdout and each variant; lift in conversion and revenue per recipient with 95 % intervals; by RFM segment and persona; Qini and uplift curves',
        headers: workspaceHeader, params: idParams, response: { 200: resultsOut, ...errors(400, 401, 403, 404, 412) },
      },
    }, async (req) => {
      requirePermission(req.actor, 'customers:read')
      return rowsAs(resultsOut, await campaignResults(db, req.actor.workspaceId, req.params.id))
    })

    app.get('/:id/results.csv', {
      config: { access: 'export' },
      schema: { tags, summary: 'The results as CSV', headers: workspaceHeader, params: idParams, response: { 200: z.string().describe('text/csv'), ...errors(400, 401, 403, 404, 412) } },
    }, async (req, reply) => {
      requirePermission(req.actor, 'export')
      const csv = campaignResultsCsv(await campaignResults(db, req.actor.workspaceId, req.params.id))
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="campaign-${req.params.id}-results.csv"`).send(csv)
    })

    app.post('/:id/preview', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'The message as one customer (or the example recipient) gets it, with their recommendations', headers: workspaceHeader, params: idParams,
        body: previewInput, response: { 200: messageOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => rowsAs(messageOut, await previewCampaignMessage(db, currentChannels(), req.actor, req.params.id, req.body)))

    app.post('/:id/test', {
      config: { access: 'campaigns:send' },
      schema: {
        tags, summary: 'Send one test message to an address (not in the ledger or the results)', headers: workspaceHeader, params: idParams,
        body: testSendInput, response: { 200: z.object({ to: z.string(), provider_response: z.string() }), ...errors(400, 401, 403, 404, 412, 503) },
      },
    }, async (req) => testSendCampaign(db, currentChannels(), req.actor, req.params.id, req.body))

    const action = (path: string, summary: string, run: (actor: Actor, id: number) => Promise<unknown>, extra: number[] = []) =>
      app.post(path, {
        config: { access: 'campaigns:send' },
        schema: { tags, summary, headers: workspaceHeader, params: idParams, response: { 200: campaignOut, ...errors(400, 401, 403, 404, 409, ...extra) } },
      }, async (req) => rowsAs(campaignOut, await run(req.actor, req.params.id)))

    action('/:id/start', 'Start: refused with the reason when the channel is not configured, the sender unverified or the audience empty; freezes the audience and queues the send', (a, id) => startCampaign(db, queue, currentChannels(), a, id), [412])
    action('/:id/pause', 'Pause the send (messages in flight finish)', (a, id) => pauseCampaignByUser(db, a, id))
    action('/:id/resume', 'Resume a paused send', (a, id) => resumeCampaign(db, queue, currentChannels(), a, id), [412])
    action('/:id/cancel', 'Cancel: recipients not yet sent are skipped', (a, id) => cancelCampaign(db, a, id))
    action('/:id/resend-uncertain', 'Send again to the recipients a crash left uncertain (they may get the message twice)', async (a, id) => (await resendUncertain(db, queue, a, id)).campaign)
  }
}
