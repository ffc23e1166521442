import type { Rng } from '@rapport/ml'
import type { EventInput } from '../domain/entities.ts'
import type { BasketPicker } from './basket.ts'
import { CATEGORIES } from './catalogue.ts'
import type { Catalogue } from './catalogue.ts'
import type { Profile } from './customers.ts'
import type { DraftOrder } from './orders.ts'
import { chance, exponential, pick, poisson } from './sampling.ts'
import { isoSeconds, WEEK_MS } from './time.ts'

/** An event before ids are given out in time order. */
export interface EventDraft {
  customer: Profile
  ms: number
  type: EventInput['type']
  product?: number
  properties: Record<string, unknown>
}

const SECOND = 1000

/** Times a session's steps backwards from `endMs`, so the last step lands just before the purchase or exit. */
function place(out: EventDraft[], who: Profile, endMs: number, steps: EventDraft[], rng: Rng): void {
  let t = endMs
  for (let i = steps.length - 1; i >= 0; i--) {
    t -= 15 * SECOND + exponential(rng, 70 * SECOND)
    const step = steps[i]
    if (!step || t < who.signupMs) continue
    step.ms = t
    // Each event owns its properties object, so a consumer editing one cannot change its neighbours.
    step.properties = { ...step.properties }
    out.push(step)
  }
}

function searchStep(rng: Rng, who: Profile, category: number, session: Record<string, unknown>): EventDraft {
  const cat = CATEGORIES[category]
  const words = (who.chinese ? cat?.searchZh : cat?.searchEn) ?? []
  return { customer: who, ms: 0, type: 'search', properties: { ...session, query: words.length ? pick(rng, words) : '' } }
}

/**
 * The clicks that lead up to each order on the shop's own web or app (login, search, views of the bought items and a few
 * alternatives, add-to-cart), plus sessions that end without a purchase (browsing, abandoned carts).
 * Browsing stops when a customer churns. Cost O(orders + sessions).
 */
export function drawSessionEvents(
  rng: Rng, customers: readonly Profile[], orders: readonly DraftOrder[], catalogue: Catalogue, picker: BasketPicker, endMs: number,
): EventDraft[] {
  const out: EventDraft[] = []
  const sessionNo = new Int32Array(customers.length)
  const session = (who: Profile, device: string) => {
    const k = (sessionNo[who.index] ?? 0) + 1
    sessionNo[who.index] = k
    return { session_id: `${who.id}-S${k}`, device }
  }
  for (const o of orders) {
    // Store, phone and marketplace orders leave no clicks on our own site or app.
    if (o.channel === 'store' || o.channel === 'phone' || o.channel === 'marketplace') continue
    const who = o.customer
    const s = session(who, o.channel === 'app' ? 'app' : 'web')
    const first = catalogue.products[o.items[0]?.product ?? 0]
    const steps: EventDraft[] = []
    if (s.device === 'app' && chance(rng, 0.4)) steps.push({ customer: who, ms: 0, type: 'login', properties: s })
    if (first && chance(rng, 0.5)) steps.push(searchStep(rng, who, first.category, s))
    for (const it of o.items) {
      const extra = poisson(rng, 0.4)
      for (let k = 0; k < extra; k++) {
        const alt = catalogue.byCategory[catalogue.products[it.product]?.category ?? 0] ?? []
        const p = alt[rng.int(alt.length)]
        if (p !== undefined) steps.push({ customer: who, ms: 0, type: 'view', product: p, properties: s })
      }
      steps.push({ customer: who, ms: 0, type: 'view', product: it.product, properties: s })
      steps.push({ customer: who, ms: 0, type: 'add_to_cart', product: it.product, properties: { ...s, quantity: it.quantity } })
    }
    place(out, who, o.ms - 20 * SECOND, steps, rng)
  }
  for (const who of customers) {
    const stopMs = Math.min(who.churnMs, endMs)
    const weeks = Math.max(0, (stopMs - who.signupMs) / WEEK_MS)
    const n = poisson(rng, weeks * (0.5 * who.rate + 0.04))
    for (let k = 0; k < n; k++) {
      const exitMs = who.signupMs + rng.next() * (stopMs - who.signupMs)
      const s = session(who, chance(rng, 0.5) ? 'app' : 'web')
      const steps: EventDraft[] = []
      const firstPick = picker.pickProduct(rng, who, [])
      if (chance(rng, 0.45)) steps.push(searchStep(rng, who, catalogue.products[firstPick]?.category ?? 0, s))
      const views = 1 + poisson(rng, 1.5)
      let last = firstPick
      for (let v = 0; v < views; v++) {
        last = v === 0 ? firstPick : picker.pickProduct(rng, who, [])
        steps.push({ customer: who, ms: 0, type: 'view', product: last, properties: s })
      }
      if (chance(rng, 0.06)) steps.push({ customer: who, ms: 0, type: 'wishlist', product: last, properties: s })
      if (chance(rng, 0.15)) {
        steps.push({ customer: who, ms: 0, type: 'add_to_cart', product: last, properties: { ...s, quantity: 1 } })
        if (chance(rng, 0.3)) steps.push({ customer: who, ms: 0, type: 'remove_from_cart', product: last, properties: s })
      }
      place(out, who, exitMs, steps, rng)
    }
  }
  return out
}

/** Event records in time order, with ids `E00000001`… */
export function eventRecords(drafts: EventDraft[], catalogue: Catalogue): EventInput[] {
  drafts.sort((a, b) => a.ms - b.ms)
  return drafts.map((d, i) => {
    const e: EventInput = {
      external_id: `E${String(i + 1).padStart(8, '0')}`,
      customer_id: d.customer.id,
      type: d.type,
      occurred_at: isoSeconds(d.ms),
      properties: d.properties,
    }
    if (d.product !== undefined) {
      const sku = catalogue.products[d.product]?.input.sku
      if (sku) e.sku = sku
    }
    return e
  })
}
