import { z } from 'zod'
import { campaignTemplate } from './templates/template-input.ts'

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max).refine((s) => !s.includes('\u0000'), 'contains a NUL character')

export const campaignVariant = z.strictObject({
  name: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, 'letters, digits, _ or -, at most 20'),
  /** Share of the treated group this variant gets, relative to the other variants' weights. */
  weight: z.number().positive().max(100).default(1),
  template: campaignTemplate,
})

/**
 * Who of the eligible audience is targeted, by the stored uplift score (customer_scores kind 'uplift': predicted
 * P(convert | sent) − P(convert | not sent)): everyone; only the top share by predicted uplift; or everyone but
 * the "sleeping dogs" whose predicted uplift is negative. The holdout is drawn after targeting, so it measures
 * whether targeting paid.
 */
export const campaignTargeting = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('everyone') }),
  z.strictObject({ mode: z.literal('top_uplift'), top_pct: z.number().gt(0).max(100).describe('Share of the eligible audience, by predicted uplift, highest first') }),
  z.strictObject({ mode: z.literal('no_sleeping_dogs') }),
])

/** How a campaign sends; each has a default a demanding user would pick. */
export const campaignSendSettings = z.strictObject({
  /** Messages per second at most (0 = as fast as the channel takes them). */
  rate_per_second: z.number().min(0).max(100_000).default(0),
  /** Messages in flight at once; also the most a crash can leave uncertain. */
  concurrency: z.number().int().min(1).max(500).default(20),
  /** Attempts for temporary failures (with backoff) before a recipient is marked failed. */
  max_attempts: z.number().int().min(1).max(20).default(5),
  /** The campaign pauses itself when this share of the last 50 attempts failed. */
  error_pause_rate: z.number().gt(0).max(1).default(0.5),
  /** Leave out customers with an open ticket whose text reads negative. */
  exclude_negative_tickets: z.boolean().default(true),
  /** Orders this many days after the send count as the campaign's conversions. */
  attribution_days: z.number().int().min(1).max(90).default(7),
  targeting: campaignTargeting.default({ mode: 'everyone' }),
  /**
   * "Test, then send the winner": the variants go to a sample of the treated first; after `wait_hours` the one
   * with the best click or conversion rate (with a two-proportion test) goes to everyone else. Null: all at once.
   */
  winner_test: z.strictObject({
    sample_pct: z.number().min(5).max(50).default(20),
    wait_hours: z.number().min(0).max(168).default(4),
    metric: z.enum(['clicks', 'conversions']).default('clicks'),
  }).nullable().default(null),
})
export type CampaignSendSettings = z.output<typeof campaignSendSettings>

/** What a client sends to create a campaign (API body, CLI file). */
export const campaignInput = z.strictObject({
  name: text(200),
  channel: z.enum(['email', 'sms']),
  segment_id: z.number().int().positive(),
  from_address: z.email().optional().describe('E-mail only; must be one of the workspace\'s verified senders'),
  variants: z.array(campaignVariant).min(1).max(5)
    .refine((vs) => new Set(vs.map((v) => v.name)).size === vs.length, 'variant names must differ'),
  holdout_pct: z.number().min(0).max(50).default(10).describe('Share of the eligible audience never sent, to measure lift'),
  settings: campaignSendSettings.default(campaignSendSettings.parse({})),
})
export type CampaignInput = z.input<typeof campaignInput>
export type ParsedCampaign = z.output<typeof campaignInput>
