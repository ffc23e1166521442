import { z } from 'zod'
import {
  CHANNELS, CONSENT_CHANNELS, CONSENT_STATUSES, EVENT_TYPES, GENDERS, LANGUAGES, ORDER_STATUSES, PRIORITIES,
  TICKET_CHANNELS, TICKET_STATUSES,
} from '../domain/entities.ts'

/**
 * What the API returns for each entity (see resources/entity-view.ts): `id` is the internal id used in
 * URLs; references appear twice, as the natural key a client writes (`customer_id` = the customer's
 * external id, `sku`) and as `<noun>_internal_id`. Absent optional fields are null. Times are ISO 8601 UTC.
 */
const id = z.number().int().describe('Internal id')
const time = z.iso.datetime()
const str = z.string().nullable()
const json = z.record(z.string(), z.unknown())

export const customerOut = z.object({
  id,
  external_id: z.string(),
  name: str,
  email: str,
  phone: str,
  gender: z.enum(GENDERS).nullable(),
  birth_date: z.iso.date().nullable(),
  city: str,
  region: str,
  country: str,
  signup_at: time.nullable(),
  tags: z.array(z.string()),
  attributes: json,
  created_at: time,
  updated_at: time,
})

export const productOut = z.object({
  id,
  sku: z.string(),
  name: z.string(),
  category: str,
  brand: str,
  price: z.number().nullable(),
  description: str,
  attributes: json,
  created_at: time,
  updated_at: time,
})

export const orderItemOut = z.object({
  id,
  sku: z.string(),
  product_internal_id: id,
  quantity: z.number().int(),
  unit_price: z.number(),
})

export const orderOut = z.object({
  id,
  external_id: z.string(),
  customer_id: z.string().describe("The customer's external id"),
  customer_internal_id: id,
  ordered_at: time,
  status: z.enum(ORDER_STATUSES),
  channel: z.enum(CHANNELS).nullable(),
  total: z.number(),
  currency: str,
  created_at: time,
  updated_at: time,
})

export const orderWithItemsOut = orderOut.extend({ items: z.array(orderItemOut) })

export const eventOut = z.object({
  id,
  external_id: z.string(),
  customer_id: z.string(),
  customer_internal_id: id,
  type: z.enum(EVENT_TYPES),
  sku: str,
  product_internal_id: id.nullable(),
  occurred_at: time,
  properties: json,
})

export const reviewOut = z.object({
  id,
  external_id: z.string(),
  customer_id: z.string(),
  customer_internal_id: id,
  sku: z.string(),
  product_internal_id: id,
  rating: z.number().int().min(1).max(5),
  text: str,
  language: z.enum(LANGUAGES).nullable(),
  reviewed_at: time,
})

export const ticketOut = z.object({
  id,
  external_id: z.string(),
  customer_id: z.string(),
  customer_internal_id: id,
  channel: z.enum(TICKET_CHANNELS),
  subject: z.string(),
  body: str,
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(PRIORITIES),
  opened_at: time,
  updated_at: time,
})

export const consentOut = z.object({
  id,
  external_id: z.string(),
  customer_id: z.string(),
  customer_internal_id: id,
  channel: z.enum(CONSENT_CHANNELS),
  purpose: z.string(),
  status: z.enum(CONSENT_STATUSES),
  recorded_at: time,
  source: str,
  confirmed_at: time.nullable(),
})
