import type { Conversation, PriorityReason, TriageDetails } from '../api/desk-types.ts'

const isReason = (r: unknown): r is PriorityReason => {
  const o = r as Record<string, unknown> | null
  return o !== null && typeof o === 'object' && typeof o.factor === 'string' && typeof o.en === 'string' && typeof o.zh === 'string' && typeof o.effect === 'number'
}

/** The triage record's parts the desk shows; anything missing or malformed is simply absent. */
export function triageDetails(c: Pick<Conversation, 'triage'>): TriageDetails {
  const t = c.triage
  const reasons = Array.isArray(t.reasons) ? t.reasons.filter(isReason) : []
  const topIntents = Array.isArray(t.top_intents)
    ? (t.top_intents as unknown[]).filter((x): x is { label: string; probability: number } => {
        const o = x as Record<string, unknown> | null
        return o !== null && typeof o === 'object' && typeof o.label === 'string' && typeof o.probability === 'number'
      })
    : []
  const zh = typeof t.needs_triage_zh === 'string' ? t.needs_triage_zh : null
  return { reasons, topIntents, needsTriage: typeof t.needs_triage === 'string' ? { en: t.needs_triage, zh } : null }
}

/** The reason in the reader's language: Chinese for zh-*, English otherwise. */
export const reasonText = (r: PriorityReason, uiLanguage: string): string => (uiLanguage.startsWith('zh') ? r.zh : r.en)

/** A share (0–1) as a whole percentage in the reader's language, e.g. 87% or 87%. */
export const percent = (v: number, locale: string): string => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v)

/** Whether a person has to look at the labels: the triage said so, or it found no intent it was sure of. */
export const needsTriage = (c: Pick<Conversation, 'triage_state'>): boolean => c.triage_state === 'needs_triage'
