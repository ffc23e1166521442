import { z } from 'zod'

/**
 * One language's version of a message. Which parts a channel needs (an e-mail's subject, SMS text only) and
 * whether the Liquid in them is sound is checked by validateTemplate, which knows the channel; the lengths here
 * only keep a body from being absurd before it is parsed.
 */
const languageVersion = z.strictObject({
  subject: z.string().max(500).optional(),
  html: z.string().max(500_000).optional(),
  text: z.string().max(100_000),
})

/** A campaign message in English and, optionally, Chinese; zh recipients get `en` when `zh` is absent. */
export const campaignTemplate = z.strictObject({
  en: languageVersion,
  zh: languageVersion.optional(),
})

export type CampaignTemplate = z.output<typeof campaignTemplate>
export type TemplateLanguage = 'en' | 'zh'
export type TemplateChannel = 'email' | 'sms'
export type TemplatePart = 'subject' | 'html' | 'text'
