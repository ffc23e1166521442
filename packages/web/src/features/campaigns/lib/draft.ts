import type { Campaign, Channel, NewCampaign, Template } from '../api/campaign-types.ts'

/** One language's message as the editor holds it: plain strings, '' for a part left empty. */
export interface PartsForm {
  subject: string
  html: string
  text: string
}

export interface VariantForm {
  name: string
  weight: string
  en: PartsForm
  zh: PartsForm
}

/** The editor's state: every input as typed (strings), turned into the API's body by toBody. */
export interface DraftForm {
  name: string
  channel: Channel
  segmentId: string
  fromAddress: string
  holdoutPct: string
  ratePerSecond: string
  concurrency: string
  /** Who of the eligible audience is sent: everyone, the top share by predicted uplift, or all but the sleeping dogs. */
  targeting: 'everyone' | 'top_uplift' | 'no_sleeping_dogs'
  topPct: string
  variants: VariantForm[]
}

export const MAX_VARIANTS = 5
const VARIANT_NAMES = ['A', 'B', 'C', 'D', 'E', 'F']
const emptyParts = (): PartsForm => ({ subject: '', html: '', text: '' })

export function newVariant(existing: VariantForm[]): VariantForm {
  const name = VARIANT_NAMES.find((n) => !existing.some((v) => v.name === n)) ?? `V${existing.length + 1}`
  return { name, weight: '1', en: emptyParts(), zh: emptyParts() }
}

export function emptyDraft(): DraftForm {
  return { name: '', channel: 'email', segmentId: '', fromAddress: '', holdoutPct: '10', ratePerSecond: '0', concurrency: '20', targeting: 'everyone', topPct: '30', variants: [newVariant([])] }
}

const partsOf = (p: Template['en'] | undefined): PartsForm => ({ subject: p?.subject ?? '', html: p?.html ?? '', text: p?.text ?? '' })

export function draftFrom(c: Campaign): DraftForm {
  return {
    name: c.name,
    channel: c.channel,
    segmentId: c.segment_id === null ? '' : String(c.segment_id),
    fromAddress: c.from_address ?? '',
    holdoutPct: String(c.holdout_pct),
    ratePerSecond: String(c.settings.rate_per_second),
    concurrency: String(c.settings.concurrency),
    targeting: c.settings.targeting.mode,
    topPct: c.settings.targeting.mode === 'top_uplift' ? String(c.settings.targeting.top_pct) : '30',
    variants: c.variants.map((v) => ({ name: v.name, weight: String(v.weight), en: partsOf(v.template.en), zh: partsOf(v.template.zh) })),
  }
}

/** A number input's value; '' and words stay as they are so the rules refuse them by name. */
const num = (s: string): number | string => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s)

/** A language's parts for the channel: an SMS has only text; empty optional parts are left out. */
function partsBody(p: PartsForm, channel: Channel): Template['en'] {
  if (channel === 'sms') return { text: p.text }
  return { ...(p.subject !== '' && { subject: p.subject }), ...(p.html !== '' && { html: p.html }), text: p.text }
}

const blank = (p: PartsForm): boolean => p.subject.trim() === '' && p.html.trim() === '' && p.text.trim() === ''

/**
 * The API body of a draft. Chinese is optional (zh recipients get English without it), so an untouched zh
 * tab is left out; the settings not shown in the editor keep the campaign's own values.
 */
export function toBody(f: DraftForm, keep?: Campaign['settings']): NewCampaign {
  return {
    name: f.name.trim(),
    channel: f.channel,
    segment_id: num(f.segmentId) as number,
    ...(f.channel === 'email' && f.fromAddress.trim() !== '' && { from_address: f.fromAddress.trim() }),
    holdout_pct: num(f.holdoutPct) as number,
    settings: {
      ...keep, rate_per_second: num(f.ratePerSecond) as number, concurrency: num(f.concurrency) as number,
      targeting: f.targeting === 'top_uplift' ? { mode: 'top_uplift', top_pct: num(f.topPct) as number } : { mode: f.targeting },
    } as NewCampaign['settings'],
    variants: f.variants.map((v) => ({
      name: v.name.trim(),
      weight: num(v.weight) as number,
      template: { en: partsBody(v.en, f.channel), ...(!blank(v.zh) && { zh: partsBody(v.zh, f.channel) }) },
    })),
  }
}

/** Inserts `{{ field }}` at the cursor of a text (or at its end), answering the new text and cursor. */
export function insertMergeField(text: string, field: string, at: number | null): { text: string; cursor: number } {
  const tag = `{{ ${field} }}`
  const pos = at === null ? text.length : Math.max(0, Math.min(at, text.length))
  return { text: text.slice(0, pos) + tag + text.slice(pos), cursor: pos + tag.length }
}
