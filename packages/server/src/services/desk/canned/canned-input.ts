import { z } from 'zod'
import { noTextProblem, textIssue } from '../../../domain/text-rules.ts'

export const CANNED_LANGS = ['en', 'zh'] as const
export type CannedLang = (typeof CANNED_LANGS)[number]

/** Limits in characters; the migration (0015_desk_canned.sql) repeats them as checks. */
export const CANNED_LIMITS = { title: 120, body: 10_000, shortcut: 40 } as const

/** `/` and then 1–39 lowercase letters, digits, `-` or `_`: 40 characters at most, slash included. */
export const SHORTCUT_PATTERN = /^\/[a-z0-9_-]{1,39}$/

/** Trimmed, required text the database can store. */
const text = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max.toLocaleString('en')} characters`).refine(noTextProblem, { error: textIssue })

const fields = {
  lang: z.enum(CANNED_LANGS).describe('The language the reply is written in: en or zh (the reply box offers the conversation\'s)'),
  title: text(CANNED_LIMITS.title).describe('What agents see in the picker, e.g. "Refund confirmed"'),
  shortcut: z.string().trim()
    .regex(SHORTCUT_PATTERN, `must be "/" followed by lowercase letters, digits, "-" or "_", at most ${CANNED_LIMITS.shortcut} characters in all (like /refund)`)
    .nullable()
    .describe('What an agent types in the reply box to insert it, like /refund: unique in the workspace; null for none'),
  body: text(CANNED_LIMITS.body).describe(
    'The reply as a Liquid template (plain text, not HTML). Merge fields: customer.name, customer.first_name, customer.email, agent.name, ' +
    'conversation.id, conversation.subject, workspace.name; filters work, e.g. {{ customer.first_name | default: "there" }}. ' +
    'Any other variable, and include/render, is refused with 400',
  ),
}

export const cannedInput = z.strictObject({
  lang: fields.lang,
  title: fields.title,
  shortcut: fields.shortcut.optional(),
  body: fields.body,
})
export type CannedInput = z.input<typeof cannedInput>

/** A change: the fields present replace the stored ones; a null shortcut removes it. `{}` changes nothing. */
export const cannedPatch = z.strictObject({
  lang: fields.lang.optional(),
  title: fields.title.optional(),
  shortcut: fields.shortcut.optional(),
  body: fields.body.optional(),
})
export type CannedPatch = z.input<typeof cannedPatch>
