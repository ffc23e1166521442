import { z } from 'zod'
import { int2, int4, isoDate, isoTimestamp, money } from './column-ranges.ts'
import { jsonProblem } from './json-limits.ts'
import { noTextProblem, textIssue } from './text-rules.ts'

/**
 * The import/API shape of each entity, as a user writes it in CSV, JSON Lines or a request body. References
 * to other records use their external ids (`customer_id` is the customer's external id, `sku` the product's).
 * Times are ISO 8601; dates YYYY-MM-DD. Every value must fit its column (see column-ranges.ts, text-rules.ts
 * and json-limits.ts), so what passes here is never refused by the database.
 */

const text = (max: number) => z.string().trim().max(max).refine(noTextProblem, { error: textIssue })
const optionalText = (max: number) => text(max).optional()
const externalId = z.string().trim().min(1, 'is required').max(200).refine(noTextProblem, { error: textIssue })
const timestamp = isoTimestamp()
/** attributes / properties: a JSON object within the depth, size and text limits of json-limits.ts. */
const jsonObject = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const problem = jsonProblem(value)
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem.reason, path: problem.path, input: value })
})
/** Amounts go to numeric(14,2) columns. */
const amount = () => money({ min: 0 })

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const
export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const
export const CHANNELS = ['web', 'app', 'store', 'marketplace', 'phone'] as const
export const EVENT_TYPES = ['view', 'search', 'add_to_cart', 'remove_from_cart', 'wishlist', 'email_open', 'email_click', 'sms_click', 'login'] as const
export const TICKET_CHANNELS = ['email', 'phone', 'chat', 'web', 'app'] as const
export const TICKET_STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const CONSENT_CHANNELS = ['email', 'sms'] as const
export const CONSENT_STATUSES = ['granted', 'revoked'] as const
export const LANGUAGES = ['zh', 'en'] as const
export const PHONE_PATTERN = /^\+?[0-9 ()-]{5,24}$/
export const COUNTRY_PATTERN = /^[A-Z]{2}$/
export const CURRENCY_PATTERN = /^[A-Z]{3}$/

export const customerInput = z.object({
  external_id: externalId,
  name: optionalText(200),
  email: z.email().max(320).optional(),
  phone: z.string().trim().regex(PHONE_PATTERN, 'is not a phone number').optional(),
  gender: z.enum(GENDERS).optional(),
  birth_date: isoDate().optional(),
  city: optionalText(120),
  region: optionalText(120),
  country: z.string().trim().regex(COUNTRY_PATTERN, 'must be a 2-letter ISO country code').optional(),
  signup_at: timestamp.optional(),
  tags: z.array(text(60).min(1)).max(50).optional(),
  attributes: jsonObject.optional(),
})

export const productInput = z.object({
  sku: externalId,
  name: text(300).min(1, 'is required'),
  category: optionalText(120),
  brand: optionalText(120),
  price: amount().optional(),
  description: optionalText(5000),
  attributes: jsonObject.optional(),
})

export const orderInput = z.object({
  external_id: externalId,
  customer_id: externalId,
  ordered_at: timestamp,
  status: z.enum(ORDER_STATUSES).default('completed'),
  channel: z.enum(CHANNELS).optional(),
  total: amount(),
  currency: z.string().trim().regex(CURRENCY_PATTERN, 'must be a 3-letter currency code').optional(),
})

export const orderItemInput = z.object({
  order_id: externalId,
  sku: externalId,
  quantity: int4({ min: 1 }),
  unit_price: amount(),
})

export const eventInput = z.object({
  external_id: externalId.optional(),
  customer_id: externalId,
  type: z.enum(EVENT_TYPES),
  sku: externalId.optional(),
  occurred_at: timestamp,
  properties: jsonObject.optional(),
})

export const reviewInput = z.object({
  external_id: externalId.optional(),
  customer_id: externalId,
  sku: externalId,
  rating: int2({ min: 1, max: 5 }),
  text: optionalText(10000),
  language: z.enum(LANGUAGES).optional(),
  reviewed_at: timestamp,
})

export const ticketInput = z.object({
  external_id: externalId,
  customer_id: externalId,
  channel: z.enum(TICKET_CHANNELS),
  subject: text(300).min(1, 'is required'),
  body: optionalText(20000),
  status: z.enum(TICKET_STATUSES).default('open'),
  priority: z.enum(PRIORITIES).default('normal'),
  opened_at: timestamp,
})

export const consentInput = z.object({
  customer_id: externalId,
  channel: z.enum(CONSENT_CHANNELS),
  purpose: text(60).min(1).default('marketing'),
  status: z.enum(CONSENT_STATUSES),
  recorded_at: timestamp,
  source: optionalText(120),
  /** When the customer confirmed this grant (double opt-in); absent for a grant not (yet) confirmed. */
  confirmed_at: timestamp.optional(),
})

export type CustomerInput = z.infer<typeof customerInput>
export type ProductInput = z.infer<typeof productInput>
export type OrderInput = z.infer<typeof orderInput>
export type OrderItemInput = z.infer<typeof orderItemInput>
export type EventInput = z.infer<typeof eventInput>
export type ReviewInput = z.infer<typeof reviewInput>
export type TicketInput = z.infer<typeof ticketInput>
export type ConsentInput = z.infer<typeof consentInput>

/** Every importable entity, in the order a full load must follow (references point backwards). */
export const ENTITIES = ['customers', 'products', 'orders', 'order_items', 'events', 'reviews', 'tickets', 'consents'] as const
export type EntityName = (typeof ENTITIES)[number]

export const entitySchemas = {
  customers: customerInput,
  products: productInput,
  orders: orderInput,
  order_items: orderItemInput,
  events: eventInput,
  reviews: reviewInput,
  tickets: ticketInput,
  consents: consentInput,
} as const

export interface EntityInputs {
  customers: CustomerInput
  products: ProductInput
  orders: OrderInput
  order_items: OrderItemInput
  events: EventInput
  reviews: ReviewInput
  tickets: TicketInput
  consents: ConsentInput
}
