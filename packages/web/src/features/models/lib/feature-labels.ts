/**
 * Readable names for the model inputs (the feature catalogue of the server: recency_days,
 * category_share_<category>, events_<type>_<window>d …) and the unit their values are in. The words live
 * in the `models` namespace under `features.*`; an unknown name has no key and is shown raw (as code).
 */
export type FeatureUnit = 'days' | 'money' | 'share' | 'count' | 'rating' | 'years' | 'consent' | 'text'

export interface FeatureSpec {
  /** i18n key under `features.` in the `models` namespace, or undefined for a name not in the catalogue. */
  key: string | undefined
  /** Values for the key's placeholders: a category as recorded, or an i18n key of a channel or event type. */
  params: Record<string, string>
  unit: FeatureUnit
}

const FIXED: Record<string, FeatureUnit> = {
  recency_days: 'days',
  frequency: 'count',
  monetary: 'money',
  tenure_days: 'days',
  avg_order_value: 'money',
  mean_days_between_orders: 'days',
  cancel_refund_rate: 'share',
  days_since_last_event: 'days',
  reviews_count: 'count',
  reviews_mean_rating: 'rating',
  reviews_negative_share: 'share',
  tickets_count: 'count',
  tickets_open_current: 'count',
  tickets_negative_share: 'share',
  age_years: 'years',
  age_band: 'text',
  city: 'text',
  gender: 'text',
  signup_channel: 'text',
}

const CHANNELS = new Set(['web', 'app', 'store', 'marketplace', 'phone'])
const EVENT_TYPES = ['remove_from_cart', 'add_to_cart', 'email_open', 'email_click', 'sms_click', 'view', 'search', 'wishlist', 'login']
const CONSENT_CHANNELS = new Set(['email', 'sms'])
const GENDERS = new Set(['female', 'male', 'other', 'unknown'])

export function featureSpec(name: string): FeatureSpec {
  const fixed = FIXED[name]
  if (fixed) return { key: name, params: {}, unit: fixed }
  let m = /^(orders|revenue)_(\d+)d$/.exec(name)
  if (m?.[1] && m[2]) return { key: `${m[1]}_window`, params: { days: m[2] }, unit: m[1] === 'orders' ? 'count' : 'money' }
  m = /^category_share_(.+)$/.exec(name)
  if (m?.[1]) return { key: 'category_share', params: { category: m[1] }, unit: 'share' }
  m = /^channel_share_(.+)$/.exec(name)
  if (m?.[1] && CHANNELS.has(m[1])) return { key: 'channel_share', params: { channel: m[1] }, unit: 'share' }
  m = /^events_(.+)_(\d+)d$/.exec(name)
  if (m?.[1] && m[2] && EVENT_TYPES.includes(m[1])) return { key: 'events_window', params: { type: m[1], days: m[2] }, unit: 'count' }
  m = /^consent_(.+)$/.exec(name)
  if (m?.[1] && CONSENT_CHANNELS.has(m[1])) return { key: 'consent', params: { channel: m[1] }, unit: 'consent' }
  return { key: undefined, params: {}, unit: 'text' }
}

type T = (key: string, opts?: Record<string, unknown>) => string

/** The feature's label in the UI language, or undefined when the name is not in the catalogue. */
export function featureLabel(name: string, t: T): string | undefined {
  const s = featureSpec(name)
  if (!s.key) return undefined
  const params: Record<string, unknown> = { ...s.params }
  if (s.params.channel) params.channel = t(`channels.${s.params.channel}`)
  if (s.params.type) params.type = t(`eventTypes.${s.params.type}`)
  return t(`features.${s.key}`, params)
}

/** A stored value (reasons carry the value as text; '' = missing) in the feature's unit and the UI language. */
export function featureValue(name: string, raw: string | number | null | undefined, lang: string, t: T): string {
  if (raw === null || raw === undefined || raw === '') return t('values.unknown')
  const { unit } = featureSpec(name)
  const n = typeof raw === 'number' ? raw : Number(raw)
  const numeric = Number.isFinite(n) && String(raw).trim() !== ''
  if (unit === 'consent') return raw === 'granted' || raw === 'revoked' ? t(`values.${raw}`) : String(raw)
  if (unit === 'text' || !numeric) {
    // Recorded values the dashboard has words for (gender, signup channel); anything else as recorded.
    const text = String(raw)
    if (name === 'gender' && GENDERS.has(text)) return t(`values.gender.${text}`)
    if (name === 'signup_channel' && CHANNELS.has(text)) return t(`channels.${text}`)
    return text
  }
  const num = (v: number, digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v)
  switch (unit) {
    case 'days':
      return t('values.days', { count: Math.round(n), n: num(Math.round(n), 0) })
    case 'years':
      return t('values.years', { count: Math.round(n), n: num(Math.round(n), 0) })
    case 'money':
      return new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY' }).format(n)
    case 'share':
      return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(n)
    case 'rating':
      return t('values.rating', { n: num(n, 1) })
    default:
      return num(n, 2)
  }
}
