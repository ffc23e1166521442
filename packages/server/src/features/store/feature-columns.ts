import { CHANNELS, CONSENT_CHANNELS, EVENT_TYPES } from '../../domain/entities.ts'

/**
 * The catalogue of per-customer features: each column's name, kind and the SQL expression that computes it
 * from the per-customer aggregates built in feature-sql.ts (aliases k = the customer, o = orders, cat = order
 * lines by category, ev = events, rv = reviews, tk = tickets, cs = consents; $2 is the cut-off asOf). Adding a
 * feature is one entry here (plus its aggregate in feature-sql.ts when it needs a new one).
 *
 * Every expression reads only rows timestamped strictly before asOf, except where `pointInTime` is false:
 * `tickets_open_current` uses the ticket's current status (tickets keep no status history), so it is not used
 * for training (churnTrainingSet drops it). Order statuses and profile fields (city, gender, birth date, the
 * signup channel read from attributes.signup_channel or, as the demo writes it, attributes.acquisition_channel)
 * are current values too, as the schema keeps no history of them; they are treated as facts of the record.
 * Reviews count as negative at rating ≤ 2 (no sentiment column yet), tickets at priority high or urgent; the
 * consent columns are the latest `marketing` row per channel before asOf. Tenure counts from the signup, or
 * from the first activity when the recorded signup is not before asOf. Missing values are SQL NULL (→ NaN /
 * code −1): recency without a completed order, ratios with a zero denominator, unknown profile fields.
 */
export interface FeatureColumnDef {
  name: string
  kind: 'numeric' | 'categorical'
  sql: string
  /** False when the value can depend on what happened after asOf (see above). */
  pointInTime: boolean
}

export const WINDOWS_DAYS = [30, 90, 365] as const
export const EVENT_WINDOWS_DAYS = [30, 90] as const

/** Days from a timestamp expression to asOf (fractional). */
const daysBefore = (ts: string) => `(extract(epoch from ($2::timestamptz - ${ts})) / 86400)::float8`
const ratio = (num: string, den: string) => `(${num})::float8 / nullif(${den}, 0)`
const num = (name: string, sql: string): FeatureColumnDef => ({ name, kind: 'numeric', sql, pointInTime: true })
const cat = (name: string, sql: string): FeatureColumnDef => ({ name, kind: 'categorical', sql, pointInTime: true })

/** Age bands as of asOf (the bands the fairness report groups by). */
export const AGE_BANDS = ['<25', '25-34', '35-44', '45-54', '55-64', '65+'] as const

const AGE_BAND_SQL = `CASE WHEN k.age_years IS NULL THEN NULL
  WHEN k.age_years < 25 THEN '<25' WHEN k.age_years < 35 THEN '25-34' WHEN k.age_years < 45 THEN '35-44'
  WHEN k.age_years < 55 THEN '45-54' WHEN k.age_years < 65 THEN '55-64' ELSE '65+' END`

/**
 * The columns, in output order, for the given top categories (their shares are columns of their own, so the
 * list must be the same at training and at scoring time: see FeatureSpec).
 */
export function featureColumns(categories: readonly string[]): FeatureColumnDef[] {
  const cols: FeatureColumnDef[] = [
    num('recency_days', daysBefore('o.last_completed_at')),
    num('frequency', 'coalesce(o.completed, 0)::float8'),
    num('monetary', 'coalesce(o.revenue, 0)::float8'),
    num('tenure_days', daysBefore('least(k.signup_before, o.first_order_at, ev.first_at, rv.first_at, tk.first_at)')),
  ]
  for (const w of WINDOWS_DAYS) {
    cols.push(num(`orders_${w}d`, `coalesce(o.completed_${w}d, 0)::float8`))
    cols.push(num(`revenue_${w}d`, `coalesce(o.revenue_${w}d, 0)::float8`))
  }
  cols.push(
    num('avg_order_value', ratio('o.revenue', 'o.completed')),
    num('mean_days_between_orders', ratio(`extract(epoch from (o.last_completed_at - o.first_completed_at)) / 86400`, 'o.completed - 1')),
    num('cancel_refund_rate', ratio('o.cancelled_or_refunded', 'o.orders_all')),
  )
  categories.forEach((c, i) => cols.push(num(`category_share_${c}`, ratio(`coalesce(cat.revenue_${i}, 0)`, 'cat.revenue_all'))))
  CHANNELS.forEach((c, i) => cols.push(num(`channel_share_${c}`, ratio(`o.channel_${i}`, 'o.completed'))))
  for (const w of EVENT_WINDOWS_DAYS) {
    EVENT_TYPES.forEach((t, i) => cols.push(num(`events_${t}_${w}d`, `coalesce(ev.type_${i}_${w}d, 0)::float8`)))
  }
  cols.push(
    num('days_since_last_event', daysBefore('ev.last_at')),
    num('reviews_count', 'coalesce(rv.n, 0)::float8'),
    num('reviews_mean_rating', 'rv.mean_rating::float8'),
    num('reviews_negative_share', 'rv.negative_share::float8'),
    num('tickets_count', 'coalesce(tk.n, 0)::float8'),
    { name: 'tickets_open_current', kind: 'numeric', sql: 'coalesce(tk.open_now, 0)::float8', pointInTime: false },
    num('tickets_negative_share', 'tk.negative_share::float8'),
  )
  CONSENT_CHANNELS.forEach((c, i) => cols.push(cat(`consent_${c}`, `cs.status_${i}`)))
  cols.push(
    num('age_years', 'k.age_years::float8'),
    cat('age_band', AGE_BAND_SQL),
    cat('city', 'k.city'),
    cat('gender', 'k.gender'),
    cat('signup_channel', 'k.signup_channel'),
  )
  return cols
}
