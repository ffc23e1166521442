import type { Rng } from '@rapport/ml'
import type { OrderInput, OrderItemInput } from '../domain/entities.ts'
import { BasketPicker } from './basket.ts'
import { CATEGORIES } from './catalogue.ts'
import type { Catalogue } from './catalogue.ts'
import type { Profile } from './customers.ts'
import { chance, exponential, pick, poisson } from './sampling.ts'
import { DAY_MS, isoSeconds, MAX_INTENSITY, promotionDiscount, shoppingIntensity, WEEK_MS } from './time.ts'

export interface DraftItem {
  product: number
  quantity: number
  unitCents: number
}

/** An order before ids are given out (they follow time order across all customers). */
export interface DraftOrder {
  customer: Profile
  ms: number
  status: OrderInput['status']
  channel: NonNullable<OrderInput['channel']>
  items: DraftItem[]
}

export const DEMO_CURRENCY = 'CNY'

const OTHER_CHANNELS: Record<'cn' | 'en', DraftOrder['channel'][]> = {
  cn: ['app', 'app', 'marketplace', 'marketplace', 'web', 'store'],
  en: ['web', 'web', 'app', 'app', 'store', 'marketplace', 'phone'],
}

/**
 * Order times of one customer: often a welcome purchase just after signup, then a Poisson process at the
 * customer's own rate, modulated by seasonal shopping intensity (drawn by thinning), until they churn or the
 * data ends. Cost O(rate × weeks active).
 */
function orderTimes(rng: Rng, who: Profile, endMs: number): number[] {
  const stopMs = Math.min(who.churnMs, endMs)
  const times: number[] = []
  if (!who.buyer) return times
  let t = who.signupMs
  if (chance(rng, 0.6)) {
    const first = who.signupMs + exponential(rng, 2 * DAY_MS)
    if (first < stopMs) times.push(first)
    t = first
  }
  const meanGap = WEEK_MS / (who.rate * MAX_INTENSITY)
  for (;;) {
    t += exponential(rng, meanGap)
    if (t >= stopMs) break
    if (rng.next() * MAX_INTENSITY < shoppingIntensity(t, who.chinese)) times.push(t)
  }
  return times
}

function status(rng: Rng, ms: number, endMs: number, worstQuality: number): DraftOrder['status'] {
  const age = endMs - ms
  if (age < 2 * DAY_MS) return pick(rng, ['pending', 'paid', 'paid', 'shipped'])
  if (age < 6 * DAY_MS) return chance(rng, 0.6) ? 'shipped' : 'completed'
  const x = rng.next()
  const refund = 0.015 + (worstQuality < -1 ? 0.1 : 0)
  if (x < refund) return 'refunded'
  if (x < refund + 0.03) return 'cancelled'
  return 'completed'
}

/** Every customer's orders over the data window, sorted by time. */
export function drawOrders(rng: Rng, customers: readonly Profile[], catalogue: Catalogue, endMs: number): DraftOrder[] {
  const picker = new BasketPicker(catalogue)
  const orders: DraftOrder[] = []
  for (const who of customers) {
    const history: number[] = []
    for (const ms of orderTimes(rng, who, endMs)) {
      const size = Math.min(8, 1 + poisson(rng, 0.45 + 0.35 * who.spend))
      const chosen: number[] = []
      for (let k = 0; k < size; k++) {
        const p = picker.pickProduct(rng, who, history)
        if (!chosen.includes(p)) chosen.push(p)
        for (const q of picker.bundlePartners(rng, p)) if (!chosen.includes(q)) chosen.push(q)
      }
      const discount = promotionDiscount(ms, who.chinese)
      let worst = Infinity
      const items = chosen.map((p): DraftItem => {
        const prod = catalogue.products[p]
        if (!prod) throw new Error(`no product ${p}`)
        worst = Math.min(worst, prod.quality)
        const consumable = CATEGORIES[prod.category]?.consumable ?? false
        const quantity = consumable ? 1 + Math.min(5, poisson(rng, 0.35 * who.spend)) : chance(rng, 0.04) ? 2 : 1
        return { product: p, quantity, unitCents: Math.round(prod.price * discount * 100) }
      })
      history.push(...chosen)
      const channel = chance(rng, 0.75) ? who.favouriteChannel : pick(rng, OTHER_CHANNELS[who.chinese ? 'cn' : 'en'])
      orders.push({ customer: who, ms, status: status(rng, ms, endMs, worst), channel, items })
    }
  }
  return orders.sort((a, b) => a.ms - b.ms || a.customer.index - b.customer.index)
}

export const orderId = (i: number) => `O${String(i + 1).padStart(7, '0')}`

/** The order and order-line records, with totals summed in cents so they equal the lines exactly. */
export function orderRecords(orders: readonly DraftOrder[], catalogue: Catalogue): { orders: OrderInput[]; items: OrderItemInput[] } {
  const out: OrderInput[] = []
  const items: OrderItemInput[] = []
  orders.forEach((o, i) => {
    const id = orderId(i)
    let cents = 0
    for (const it of o.items) {
      cents += it.quantity * it.unitCents
      const sku = catalogue.products[it.product]?.input.sku
      if (!sku) throw new Error(`no product ${it.product}`)
      items.push({ order_id: id, sku, quantity: it.quantity, unit_price: it.unitCents / 100 })
    }
    out.push({
      external_id: id,
      customer_id: o.customer.id,
      ordered_at: isoSeconds(o.ms),
      status: o.status,
      channel: o.channel,
      total: cents / 100,
      currency: DEMO_CURRENCY,
    })
  })
  return { orders: out, items }
}
