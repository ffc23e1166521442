import type { Rng } from '@rapport/ml'
import type { TicketInput } from '../domain/entities.ts'
import type { Catalogue } from './catalogue.ts'
import type { Profile } from './customers.ts'
import type { DraftOrder } from './orders.ts'
import { chance, exponential, pick } from './sampling.ts'
import type { TicketIntent } from './ticket-types.ts'
import { EN_TICKETS } from './tickets-en.ts'
import { ZH_TICKETS } from './tickets-zh.ts'
import { DAY_MS, HOUR_MS, isoDate, isoSeconds, promotionDiscount } from './time.ts'

interface TicketDraft {
  customer: Profile
  intent: TicketIntent
  ms: number
  order?: { id: string; ms: number; product: string }
}

export interface DrawnTickets {
  tickets: TicketInput[]
  /** Ticket id → intent, the ground truth an intent classifier should recover. */
  intents: Record<string, TicketIntent>
}

const PRIORITY: Record<TicketIntent, readonly TicketInput['priority'][]> = {
  delivery_delay: ['normal', 'normal', 'high'],
  refund_request: ['normal', 'high', 'high', 'urgent'],
  damaged_item: ['normal', 'high', 'high', 'urgent'],
  change_address: ['normal', 'high', 'urgent'],
  invoice: ['low', 'low', 'normal'],
  account_login: ['normal', 'normal', 'high'],
  product_question: ['low', 'normal'],
}

function statusFor(rng: Rng, ageMs: number): TicketInput['status'] {
  if (ageMs < 2 * DAY_MS) return chance(rng, 0.7) ? 'open' : 'pending'
  if (ageMs < 10 * DAY_MS) return pick(rng, ['pending', 'solved', 'solved'])
  return chance(rng, 0.02) ? 'open' : chance(rng, 0.6) ? 'closed' : 'solved'
}

/**
 * Service tickets: refund requests for refunded orders, delivery delays (more in sales peaks), damaged items
 * (more for poor products), address changes, invoices (common in China: fapiao), product questions, login
 * trouble, and a complaint shortly before some churners leave. Text from per-language templates.
 */
export function drawTickets(rng: Rng, customers: readonly Profile[], orders: readonly DraftOrder[], catalogue: Catalogue, orderIds: readonly string[], endMs: number): DrawnTickets {
  const drafts: TicketDraft[] = []
  const lastOrder = new Map<number, number>()
  orders.forEach((o, i) => {
    lastOrder.set(o.customer.index, i)
    if (o.channel === 'store') return
    const first = catalogue.products[o.items[0]?.product ?? 0]
    const attrs = first?.input.attributes ?? {}
    const product = String((o.customer.chinese ? attrs['name_zh'] : attrs['name_en']) ?? first?.input.name ?? '')
    const ref = { id: orderIds[i] ?? '', ms: o.ms, product }
    const worst = Math.min(...o.items.map((it) => catalogue.products[it.product]?.quality ?? 0))
    const add = (intent: TicketIntent, ms: number) => drafts.push({ customer: o.customer, intent, ms, order: ref })
    if (o.status === 'refunded' && chance(rng, 0.12)) add('refund_request', o.ms + 3 * DAY_MS + exponential(rng, 3 * DAY_MS))
    if (chance(rng, promotionDiscount(o.ms, o.customer.chinese) < 1 ? 0.01 : 0.002)) add('delivery_delay', o.ms + 4 * DAY_MS + exponential(rng, 2 * DAY_MS))
    if (chance(rng, worst < -1 ? 0.008 : 0.001)) add('damaged_item', o.ms + 2 * DAY_MS + exponential(rng, DAY_MS))
    if (chance(rng, 0.0015)) add('change_address', o.ms + exponential(rng, 3 * HOUR_MS))
    if (chance(rng, o.customer.chinese ? 0.005 : 0.001)) add('invoice', o.ms + DAY_MS + exponential(rng, 5 * DAY_MS))
    if (chance(rng, 0.0015)) add('product_question', o.ms - exponential(rng, 2 * DAY_MS))
  })
  for (const who of customers) {
    const stop = Math.min(who.churnMs, endMs)
    if (chance(rng, 0.01)) drafts.push({ customer: who, intent: 'account_login', ms: who.signupMs + rng.next() * (stop - who.signupMs) })
    const last = lastOrder.get(who.index)
    const o = last === undefined ? undefined : orders[last]
    // Unhappy customers leave: some churners complain about their last order before going quiet.
    if (o && Number.isFinite(who.churnMs) && o.channel !== 'store' && chance(rng, 0.1)) {
      const attrs = catalogue.products[o.items[0]?.product ?? 0]?.input.attributes ?? {}
      const product = String((who.chinese ? attrs['name_zh'] : attrs['name_en']) ?? '')
      drafts.push({ customer: who, intent: chance(rng, 0.5) ? 'delivery_delay' : 'damaged_item', ms: o.ms + 3 * DAY_MS + exponential(rng, 2 * DAY_MS), order: { id: orderIds[last ?? 0] ?? '', ms: o.ms, product } })
    }
  }
  const kept = drafts.filter((d) => d.ms < endMs && d.ms > d.customer.signupMs).sort((a, b) => a.ms - b.ms)
  const intents: Record<string, TicketIntent> = {}
  const tickets = kept.map((d, i): TicketInput => {
    const id = `T${String(i + 1).padStart(6, '0')}`
    intents[id] = d.intent
    const tpl = (d.customer.chinese ? ZH_TICKETS : EN_TICKETS)[d.intent]
    const fill = (s: string) => s
      .replaceAll('{order}', d.order?.id ?? '')
      .replaceAll('{product}', d.order?.product ?? (d.customer.chinese ? '这款商品' : 'product'))
      .replaceAll('{days}', String(d.order ? Math.max(1, Math.round((d.ms - d.order.ms) / DAY_MS)) : 1))
      .replaceAll('{date}', d.order ? isoDate(d.order.ms) : '')
      .replaceAll('{name}', d.customer.shortName)
    const sign = d.customer.chinese ? `\n\n${d.customer.shortName}` : `\n\nThanks,\n${d.customer.shortName}`
    return {
      external_id: id,
      customer_id: d.customer.id,
      channel: d.customer.chinese ? pick(rng, ['chat', 'chat', 'app', 'phone']) : pick(rng, ['email', 'email', 'web', 'chat', 'phone']),
      subject: fill(pick(rng, tpl.subjects)).replace(/\s+\?/, '?'),
      body: fill(pick(rng, tpl.bodies)) + sign,
      status: statusFor(rng, endMs - d.ms),
      priority: pick(rng, PRIORITY[d.intent]),
      opened_at: isoSeconds(d.ms),
    }
  })
  return { tickets, intents }
}
