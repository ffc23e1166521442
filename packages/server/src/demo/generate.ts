import type {
  ConsentInput, CustomerInput, EventInput, OrderInput, OrderItemInput, ProductInput, ReviewInput, TicketInput,
} from '../domain/entities.ts'
import { BasketPicker } from './basket.ts'
import { BUNDLES } from './bundles.ts'
import { drawCampaignEvents } from './campaigns.ts'
import { buildCatalogue } from './catalogue.ts'
import { consentRecords } from './consents.ts'
import { drawCustomers } from './customers.ts'
import { drawSessionEvents, eventRecords } from './events.ts'
import { drawOrders, orderRecords } from './orders.ts'
import { drawReviews } from './reviews.ts'
import { streamRng } from './sampling.ts'
import type { TicketIntent } from './ticket-types.ts'
import { drawTickets } from './tickets.ts'
import { isoSeconds, parseAsOf } from './time.ts'

export interface DemoOptions {
  /** Number of customers; every other entity scales with it except the ~300-product catalogue. Default 5000. */
  customers?: number
  /** Default 1. */
  seed?: number
  /** End of the data (exclusive), YYYY-MM-DD or ISO 8601; the data covers the two years before. Default 2026-11-01. */
  asOf?: string
}

export interface DemoData {
  customers: CustomerInput[]
  products: ProductInput[]
  orders: OrderInput[]
  order_items: OrderItemInput[]
  events: EventInput[]
  reviews: ReviewInput[]
  tickets: TicketInput[]
  consents: ConsentInput[]
}

/** The hidden structure behind a demo dataset: what analytics run on it should find. */
export interface DemoTruth {
  /** Customer id → when they stopped buying (ISO), for churners only. */
  churnedAt: Record<string, string>
  /** Customer id → base purchase rate in orders per week. */
  purchaseRate: Record<string, number>
  /** Customer id → shopper personas, main one first. */
  personas: Record<string, string[]>
  /** Planted co-purchase bundles, as lists of SKUs per line (any variant of a line counts). */
  bundles: string[][][]
  /** SKU → latent quality (standard-normal scale; below −1 is a poor product). */
  productQuality: Record<string, number>
  /** Ticket id → intent. */
  ticketIntent: Record<string, TicketIntent>
}

const YEARS = 2

/**
 * A coherent retail dataset: customers in Chinese and English-speaking cities, a bilingual catalogue, two
 * years of orders from heterogeneous buyers (gamma purchase rates, churn, seasonal peaks, planted basket
 * bundles), browse/cart/campaign events, reviews whose text agrees with the rating, service tickets and
 * consent histories. Pure and seeded: the same options give deep-equal output. Cost is linear in customers
 * (about 1.5 s of CPU for 5,000).
 */
export function generateDemoWithTruth(opts: DemoOptions = {}): { data: DemoData; truth: DemoTruth } {
  const n = opts.customers ?? 5000
  const seed = opts.seed ?? 1
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`customers: expected a positive integer, got ${n}`)
  if (!Number.isInteger(seed)) throw new RangeError(`seed: expected an integer, got ${seed}`)
  const endMs = parseAsOf(opts.asOf ?? '2026-11-01')
  const start = new Date(endMs)
  start.setUTCFullYear(start.getUTCFullYear() - YEARS)
  const startMs = start.getTime()

  const catalogue = buildCatalogue(streamRng(seed, 'catalogue'))
  const profiles = drawCustomers(streamRng(seed, 'customers'), n, startMs, endMs)
  const drafts = drawOrders(streamRng(seed, 'orders'), profiles, catalogue, endMs)
  const { orders, items } = orderRecords(drafts, catalogue)
  const picker = new BasketPicker(catalogue)
  const eventDrafts = drawSessionEvents(streamRng(seed, 'sessions'), profiles, drafts, catalogue, picker, endMs)
  // A loop, not push(...spread): at 100,000 customers the campaign events outnumber what a call's arguments can hold.
  for (const e of drawCampaignEvents(streamRng(seed, 'campaigns'), profiles, catalogue, startMs, endMs)) eventDrafts.push(e)
  const reviews = drawReviews(streamRng(seed, 'reviews'), drafts, catalogue, endMs)
  const { tickets, intents } = drawTickets(streamRng(seed, 'tickets'), profiles, drafts, catalogue, orders.map((o) => o.external_id), endMs)

  const data: DemoData = {
    customers: profiles.map((p) => p.input),
    products: catalogue.products.map((p) => p.input),
    orders,
    order_items: items,
    events: eventRecords(eventDrafts, catalogue),
    reviews,
    tickets,
    consents: profiles.flatMap((p) => consentRecords(p.id, p.consents)),
  }
  const sku = (i: number) => catalogue.products[i]?.input.sku ?? ''
  const truth: DemoTruth = {
    churnedAt: Object.fromEntries(profiles.filter((p) => Number.isFinite(p.churnMs)).map((p) => [p.id, isoSeconds(p.churnMs)])),
    purchaseRate: Object.fromEntries(profiles.map((p) => [p.id, p.buyer ? p.rate : 0])),
    personas: Object.fromEntries(profiles.map((p) => [p.id, p.personas])),
    bundles: BUNDLES.map((b) => b.map((key) => (catalogue.byLine.get(key) ?? []).map(sku))),
    productQuality: Object.fromEntries(catalogue.products.map((p) => [p.input.sku, p.quality])),
    ticketIntent: intents,
  }
  return { data, truth }
}

/** The demo dataset alone; see `generateDemoWithTruth`. */
export function generateDemo(opts: DemoOptions = {}): DemoData {
  return generateDemoWithTruth(opts).data
}
