import { listLines, linesText } from '../../../lib/lines.ts'
import type { ChatWidget, ChatWidgetPatch } from '../api/desk-types.ts'

/** The widget's languages (data-lang of the embed tag). */
export type WidgetLang = 'en' | 'zh'
export const WIDGET_LANGS: WidgetLang[] = ['en', 'zh']

/** The answer policy's numbers, in the order the page shows them. */
export const POLICY_FIELDS = ['min_confidence', 'min_retrieval_share', 'clarify_margin'] as const
export type PolicyField = (typeof POLICY_FIELDS)[number]

/** What the settings form holds: text as typed (origins one a line, numbers as their text). */
export interface WidgetDraft {
  enabled: boolean
  origins: string
  greeting_en: string
  greeting_zh: string
  min_confidence: string
  min_retrieval_share: string
  clarify_margin: string
}

export const draftOf = (w: ChatWidget): WidgetDraft => ({
  enabled: w.enabled, origins: linesText(w.allowed_origins), greeting_en: w.greeting_en, greeting_zh: w.greeting_zh,
  min_confidence: String(w.min_confidence), min_retrieval_share: String(w.min_retrieval_share), clarify_margin: String(w.clarify_margin),
})

/** A number field's text as a number; empty is NaN (not 0), so the rules refuse it rather than save 0. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text))

/**
 * The PATCH body: only what differs from the stored widget (trimmed as the server would), so a save changes
 * nothing else. Empty when nothing was changed, which is when Save is off.
 */
export function widgetPatch(w: ChatWidget, d: WidgetDraft): ChatWidgetPatch {
  const out: ChatWidgetPatch = {}
  if (d.enabled !== w.enabled) out.enabled = d.enabled
  const origins = listLines(d.origins).items
  if (origins.length !== w.allowed_origins.length || origins.some((o, i) => o !== w.allowed_origins[i])) out.allowed_origins = origins
  for (const k of ['greeting_en', 'greeting_zh'] as const) {
    const g = d[k].trim()
    if (g !== w[k]) out[k] = g
  }
  for (const k of POLICY_FIELDS) {
    const n = numberOf(d[k])
    // NaN differs from everything: a cleared field counts as changed, and the rules then say it is required.
    if (n !== w[k]) out[k] = n
  }
  return out
}

/** The one tag a shop pastes into its pages. */
export const embedSnippet = (origin: string, siteKey: string, lang: WidgetLang): string =>
  `<script src="${origin}/widget/v1/chat-widget.js" data-site-key="${siteKey}" data-lang="${lang}" async></script>`

/** Rapport's own page with the widget embedded (its origin is always allowed). */
export const testPageUrl = (siteKey: string, lang: WidgetLang): string => `/widget/v1/test-page?key=${encodeURIComponent(siteKey)}&lang=${lang}`
