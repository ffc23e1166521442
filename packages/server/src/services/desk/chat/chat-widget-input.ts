import { z } from 'zod'

/** The answer policy chosen on Banking77 (bench/results/desk.md: 92.3 % of test questions answered at 0.954 precision). */
export const DEFAULT_CHAT_POLICY = { min_confidence: 0.6, min_retrieval_share: 0.5, clarify_margin: 0.2 } as const

export const DEFAULT_GREETINGS = {
  en: 'Hi! Ask me anything about your order, shipping or returns. Type "agent" at any time to talk to a person.',
  zh: '您好！关于订单、配送或退换货的问题都可以问我。随时输入“人工”即可转接客服。',
} as const

/** An origin as browsers send it: scheme, host and port only; "https://shop.example.com/" is accepted as that origin. */
const origin = z.string().trim().max(300).transform((s, ctx) => {
  let u: URL
  try {
    u = new URL(s)
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not an origin like https://shop.example.com` })
    return z.NEVER
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not an origin: give the scheme, host and port only (https://shop.example.com)` })
    return z.NEVER
  }
  return u.origin
})

const greeting = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters')
const share = (what: string) => z.number().min(0, `${what} is a share from 0 to 1`).max(1, `${what} is a share from 0 to 1`)

/** A change to the widget; absent fields stay. */
export const chatWidgetPatch = z.strictObject({
  enabled: z.boolean().optional(),
  allowed_origins: z.array(origin).max(50, 'at most 50 origins').optional()
    .describe('Pages on these origins may embed the widget; the dashboard itself always may (for the preview)'),
  greeting_en: greeting.optional(),
  greeting_zh: greeting.optional(),
  min_confidence: share('min_confidence').refine((x) => x > 0, 'must be above 0').optional()
    .describe('Answer only when the intent classifier is at least this sure of an article'),
  min_retrieval_share: share('min_retrieval_share').optional()
    .describe("...and the article's best question scores at least this share of the best BM25 match"),
  clarify_margin: share('clarify_margin').refine((x) => x < 1, 'must be below 1').optional()
    .describe('Ask which of two articles is meant when their probabilities are closer than this'),
})
export type ChatWidgetPatch = z.input<typeof chatWidgetPatch>
