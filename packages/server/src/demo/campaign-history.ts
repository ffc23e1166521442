import type { Rng } from '@rapport/ml'
import type { OrderInput, OrderItemInput } from '../domain/entities.ts'
import type { DemoData } from './generate.ts'
import { DEMO_CURRENCY } from './orders.ts'
import { chance, exponential, pick } from './sampling.ts'
import { DAY_MS, HOUR_MS, isoDate, isoSeconds } from './time.ts'

/**
 * Past e-mail campaigns with a holdout, and the orders they caused, planted so that the effect of the e-mail
 * differs by customer type. The types are read from what the uplift model sees as of the send (the features
 * layer's completed orders, tenure and tickets), in this order of precedence:
 *
 *   complained — a high- or urgent-priority ticket before the send (tickets_negative_share > 0): −3 pts, a
 *                "sleeping dog" whom a marketing e-mail reminds of the bad experience;
 *   new        — signed up less than 60 days before the send (tenure_days < 60): +3 pts;
 *   loyal      — ≥ 3 completed orders in the last 90 days (orders_90d ≥ 3): 0, they buy anyway;
 *   lapsing    — ≥ 3 completed orders ever, none in the last 60 days (frequency ≥ 3, recency_days ≥ 60):
 *                +8 pts, the persuadable ones;
 *   other      — everyone else: +1 pt.
 *
 * A recipient converts when they place an order (not cancelled or refunded) in the campaign's attribution
 * window (planned_at, planned_at + 7 days], the definition campaign results use. Organic demo orders already
 * convert some; the planted orders add, per type, a base rate for both arms plus the effect for the treated.
 * They are drawn only for recipients without an organic conversion, with the rate divided by 1 − (that type's
 * organic conversion rate in the campaign), so in expectation treated − holdout conversion is the effect above.
 */
export const CUSTOMER_TYPES = ['complained', 'new', 'loyal', 'lapsing', 'other'] as const
export type CustomerType = (typeof CUSTOMER_TYPES)[number]

/** Planted conversion rates per type: `base` for both arms, `effect` added for the treated (fractions). */
export const PLANTED_EFFECTS: Record<CustomerType, { base: number; effect: number }> = {
  complained: { base: 0.1, effect: -0.08 },
  new: { base: 0.02, effect: 0.05 },
  loyal: { base: 0, effect: 0 },
  lapsing: { base: 0.01, effect: 0.15 },
  other: { base: 0.01, effect: 0.01 },
}

export const HISTORY_CAMPAIGNS = 12
export const HISTORY_HOLDOUT_PCT = 20
export const ATTRIBUTION_DAYS = 7
const SPACING_DAYS = 14
/** The last campaign's window closes this long before the end of the data. */
const LAST_SEND_BEFORE_END_DAYS = 12

export interface HistoryRecipient {
  customer: string
  type: CustomerType
  grp: 'treated' | 'holdout'
  address: string
  lang: 'en' | 'zh'
  /** Treated only (epoch ms). */
  sentMs?: number
  openedMs?: number
  clickedMs?: number
}

export interface HistoryCampaign {
  name: string
  plannedMs: number
  finishedMs: number
  recipients: HistoryRecipient[]
}

export interface CampaignHistory {
  campaigns: HistoryCampaign[]
  orders: OrderInput[]
  items: OrderItemInput[]
}

interface Customer {
  id: string
  email?: string
  lang: 'en' | 'zh'
  signupMs: number
  /** Completed orders (ms, ascending; planted ones are added as campaigns go). */
  completed: number[]
  /** Orders that count as conversions (not cancelled or refunded). */
  converting: number[]
  /** First high/urgent ticket (ms), or Infinity. */
  complainedMs: number
  /** E-mail marketing consent changes, ascending. */
  consent: Array<{ ms: number; granted: boolean }>
}

const ms = (iso: string) => Date.parse(iso)

function customersOf(data: DemoData): Customer[] {
  const byId = new Map<string, Customer>()
  for (const c of data.customers) {
    const lang = (c.attributes as { language?: string } | undefined)?.language === 'zh' ? 'zh' : 'en'
    byId.set(c.external_id, { id: c.external_id, ...(c.email ? { email: c.email } : {}), lang, signupMs: c.signup_at ? ms(c.signup_at) : 0, completed: [], converting: [], complainedMs: Infinity, consent: [] })
  }
  for (const o of data.orders) {
    const c = byId.get(o.customer_id)
    if (!c) continue
    const t = ms(o.ordered_at)
    if (o.status === 'completed') c.completed.push(t)
    if (o.status !== 'cancelled' && o.status !== 'refunded') c.converting.push(t)
  }
  for (const t of data.tickets) {
    const c = byId.get(t.customer_id)
    if (c && (t.priority === 'high' || t.priority === 'urgent')) c.complainedMs = Math.min(c.complainedMs, ms(t.opened_at))
  }
  for (const k of data.consents) {
    if (k.channel !== 'email' || (k.purpose ?? 'marketing') !== 'marketing') continue
    byId.get(k.customer_id)?.consent.push({ ms: ms(k.recorded_at), granted: k.status === 'granted' })
  }
  const out = [...byId.values()]
  for (const c of out) {
    c.completed.sort((a, b) => a - b)
    c.converting.sort((a, b) => a - b)
    c.consent.sort((a, b) => a.ms - b.ms)
  }
  return out
}

function consentGranted(c: Customer, t: number): boolean {
  let granted = false
  for (const k of c.consent) if (k.ms < t) granted = k.granted
  return granted
}

/** The customer's type as of t, from what the features layer computes over rows strictly before t. */
export function customerTypeAt(c: { signupMs: number; completed: readonly number[]; complainedMs: number }, t: number): CustomerType {
  if (c.complainedMs < t) return 'complained'
  if (t - c.signupMs < 60 * DAY_MS) return 'new'
  let ever = 0
  let last90 = 0
  let last = -Infinity
  for (const o of c.completed) {
    if (o >= t) break
    ever++
    last = o
    if (o >= t - 90 * DAY_MS) last90++
  }
  if (last90 >= 3) return 'loyal'
  if (ever >= 3 && t - last >= 60 * DAY_MS) return 'lapsing'
  return 'other'
}

const convertsIn = (c: Customer, from: number, to: number) => c.converting.some((o) => o > from && o <= to)

/**
 * Draws the campaign history over the demo data: HISTORY_CAMPAIGNS newsletters SPACING_DAYS apart, each to every
 * customer with an e-mail address whose marketing e-mail consent is granted at the send, HISTORY_HOLDOUT_PCT %
 * held out at random. Pure and seeded. Cost O(customers × campaigns).
 */
export function drawCampaignHistory(rng: Rng, data: DemoData, endMs: number): CampaignHistory {
  const customers = customersOf(data)
  const products = data.products.filter((p) => p.price !== undefined && p.price > 0)
  const campaigns: HistoryCampaign[] = []
  const orders: OrderInput[] = []
  const items: OrderItemInput[] = []
  for (let k = HISTORY_CAMPAIGNS - 1; k >= 0; k--) {
    const plannedMs = Math.floor((endMs - (LAST_SEND_BEFORE_END_DAYS + SPACING_DAYS * k) * DAY_MS) / HOUR_MS) * HOUR_MS + 2 * HOUR_MS
    const windowEnd = plannedMs + ATTRIBUTION_DAYS * DAY_MS
    const name = `Newsletter ${isoDate(plannedMs)} (demo history)`
    const audience = customers.filter((c) => c.email && c.signupMs < plannedMs && consentGranted(c, plannedMs))
    const drafts = audience.map((c) => ({
      c, type: customerTypeAt(c, plannedMs),
      treated: !chance(rng, HISTORY_HOLDOUT_PCT / 100),
      organic: convertsIn(c, plannedMs, windowEnd),
    }))
    // Each type's organic conversion rate in this campaign, so the planted rates add exactly (in expectation).
    const organicRate = new Map<CustomerType, number>()
    for (const type of CUSTOMER_TYPES) {
      const of = drafts.filter((d) => d.type === type)
      organicRate.set(type, of.length ? of.filter((d) => d.organic).length / of.length : 0)
    }
    const product = pick(rng, products)
    const recipients = drafts.map((d, i): HistoryRecipient => {
      const planted = PLANTED_EFFECTS[d.type]
      const rate = planted.base + (d.treated ? planted.effect : 0)
      const plant = !d.organic && chance(rng, Math.min(1, rate / Math.max(0.1, 1 - (organicRate.get(d.type) ?? 0))))
      const r: HistoryRecipient = { customer: d.c.id, type: d.type, grp: d.treated ? 'treated' : 'holdout', address: d.c.email ?? '', lang: d.c.lang }
      // Sends go out at about 50 a second from the planned time.
      const sentMs = plannedMs + Math.round(i * 20)
      let orderMs = sentMs + 10 * 60_000 + exponential(rng, 1.5 * DAY_MS)
      if (orderMs >= windowEnd) orderMs = windowEnd - HOUR_MS * (1 + rng.next() * 24)
      if (d.treated) {
        r.sentMs = sentMs
        if (chance(rng, plant ? 0.9 : 0.22)) {
          r.openedMs = sentMs + exponential(rng, 5 * HOUR_MS)
          if (plant && r.openedMs >= orderMs) r.openedMs = sentMs + (orderMs - sentMs) * rng.next() * 0.5
          if (chance(rng, plant ? 0.7 : 0.15)) r.clickedMs = r.openedMs + 20_000 + exponential(rng, 60_000)
          if (plant && r.clickedMs !== undefined && r.clickedMs >= orderMs) r.clickedMs = r.openedMs + (orderMs - r.openedMs) / 2
        }
      }
      if (plant) {
        const id = `OCH${String(campaigns.length + 1)}-${d.c.id}`
        const unit = product.price as number
        orders.push({ external_id: id, customer_id: d.c.id, ordered_at: isoSeconds(orderMs), status: 'completed', channel: 'web', total: unit, currency: DEMO_CURRENCY })
        items.push({ order_id: id, sku: product.sku, quantity: 1, unit_price: unit })
        insertSorted(d.c.completed, orderMs)
        insertSorted(d.c.converting, orderMs)
      }
      return r
    })
    const finishedMs = plannedMs + recipients.length * 20 + 60_000
    campaigns.push({ name, plannedMs, finishedMs, recipients })
  }
  return { campaigns, orders, items }
}

/** Every customer's type as of t, counting the history's planted orders (what a model scoring at t should find). */
export function customerTypesAt(data: DemoData, history: CampaignHistory, t: number): Map<string, CustomerType> {
  const customers = customersOf({ ...data, orders: [...data.orders, ...history.orders] })
  return new Map(customers.map((c) => [c.id, customerTypeAt(c, t)]))
}

function insertSorted(xs: number[], v: number): void {
  let i = xs.length
  while (i > 0 && (xs[i - 1] as number) > v) i--
  xs.splice(i, 0, v)
}
