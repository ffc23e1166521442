import { bigint, char, date, integer, jsonb, numeric, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Drizzle's typed view of the tables that migrations/*.sql create (the SQL files are the source of truth for
 * DDL; store/schema.test.ts checks that both agree, column by column).
 */
const ws = () => bigint('workspace_id', { mode: 'number' }).notNull()
const id = () => bigint('id', { mode: 'number' }).notNull()
const ref = (name: string) => bigint(name, { mode: 'number' })
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' })
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' })

export const workspaces = pgTable('workspaces', {
  id: id().primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  createdAt: tz('created_at').notNull(),
})

export const customers = pgTable('customers', {
  workspaceId: ws(),
  id: id(),
  externalId: text('external_id').notNull(),
  name: text('name'),
  email: text('email'),
  phone: text('phone'),
  gender: text('gender'),
  birthDate: date('birth_date', { mode: 'string' }),
  city: text('city'),
  region: text('region'),
  country: char('country', { length: 2 }),
  signupAt: tz('signup_at'),
  tags: text('tags').array().notNull(),
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
})

export const products = pgTable('products', {
  workspaceId: ws(),
  id: id(),
  sku: text('sku').notNull(),
  name: text('name').notNull(),
  category: text('category'),
  brand: text('brand'),
  price: money('price'),
  description: text('description'),
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
})

export const orders = pgTable('orders', {
  workspaceId: ws(),
  id: id(),
  externalId: text('external_id').notNull(),
  customerId: ref('customer_id').notNull(),
  orderedAt: tz('ordered_at').notNull(),
  status: text('status').notNull(),
  channel: text('channel'),
  total: money('total').notNull(),
  currency: char('currency', { length: 3 }),
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
})

export const orderItems = pgTable('order_items', {
  workspaceId: ws(),
  id: id(),
  orderId: ref('order_id').notNull(),
  productId: ref('product_id').notNull(),
  quantity: integer('quantity').notNull(),
  unitPrice: money('unit_price').notNull(),
})

export const events = pgTable('events', {
  workspaceId: ws(),
  id: id(),
  externalId: text('external_id').notNull(),
  customerId: ref('customer_id').notNull(),
  type: text('type').notNull(),
  productId: ref('product_id'),
  occurredAt: tz('occurred_at').notNull(),
  properties: jsonb('properties').$type<Record<string, unknown>>().notNull(),
})

export const reviews = pgTable('reviews', {
  workspaceId: ws(),
  id: id(),
  externalId: text('external_id').notNull(),
  customerId: ref('customer_id').notNull(),
  productId: ref('product_id').notNull(),
  rating: smallint('rating').notNull(),
  text: text('text'),
  language: text('language'),
  reviewedAt: tz('reviewed_at').notNull(),
})

export const tickets = pgTable('tickets', {
  workspaceId: ws(),
  id: id(),
  externalId: text('external_id').notNull(),
  customerId: ref('customer_id').notNull(),
  channel: text('channel').notNull(),
  subject: text('subject').notNull(),
  body: text('body'),
  status: text('status').notNull(),
  priority: text('priority').notNull(),
  openedAt: tz('opened_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
})

export const consents = pgTable('consents', {
  workspaceId: ws(),
  id: id(),
  externalId: text('external_id').notNull(),
  customerId: ref('customer_id').notNull(),
  channel: text('channel').notNull(),
  purpose: text('purpose').notNull(),
  status: text('status').notNull(),
  recordedAt: tz('recorded_at').notNull(),
  source: text('source'),
})
