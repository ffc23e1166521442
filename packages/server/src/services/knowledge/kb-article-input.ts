import { z } from 'zod'
import { noTextProblem, textIssue } from '../../domain/text-rules.ts'

export const KB_LANGS = ['en', 'zh'] as const
export const KB_STATUSES = ['draft', 'published'] as const
export type KbLang = (typeof KB_LANGS)[number]
export type KbStatus = (typeof KB_STATUSES)[number]

/** Limits in characters; the migration repeats them as checks. */
export const KB_LIMITS = { title: 300, body: 20_000, category: 120, externalId: 200, questions: 50 } as const

/**
 * Trimmed, required text the database can store. The body is kept as written, HTML included: showing it
 * safely (sanitising) is the dashboard's job, and the assistant reads it as text.
 */
const text = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max.toLocaleString('en')} characters`).refine(noTextProblem, { error: textIssue })

const fields = {
  lang: z.enum(KB_LANGS).describe('en or zh'),
  category: text(KB_LIMITS.category).nullable().describe('Free text grouping, e.g. "Shipping"; null for none'),
  title: text(KB_LIMITS.title).describe('The question'),
  questions: z.array(text(KB_LIMITS.title)).max(KB_LIMITS.questions, `at most ${KB_LIMITS.questions} other questions`)
    .describe('Other ways customers ask the same question: the chat assistant learns the article from these and the title'),
  body: text(KB_LIMITS.body).describe('The answer (text or HTML, stored as written)'),
  status: z.enum(KB_STATUSES).describe('Only published articles are used by suggestions and the assistant'),
}

export const kbArticleInput = z.strictObject({
  ...fields,
  category: fields.category.optional(),
  status: fields.status.default('draft'),
  questions: fields.questions.default([]),
  external_id: text(KB_LIMITS.externalId).optional().describe('Your key for the article (unique in the workspace); imports match on it'),
})
export type KbArticleInput = z.input<typeof kbArticleInput>

/** A change: the fields present replace the stored ones; null clears the category. `{}` changes nothing. */
export const kbArticlePatch = z.strictObject({
  lang: fields.lang.optional(),
  category: fields.category.optional(),
  title: fields.title.optional(),
  questions: fields.questions.optional(),
  body: fields.body.optional(),
  status: fields.status.optional(),
})
export type KbArticlePatch = z.input<typeof kbArticlePatch>
