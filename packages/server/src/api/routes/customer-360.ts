import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { consentOut, customerOut, eventOut, orderWithItemsOut, reviewOut, ticketOut } from '../entity-outputs.ts'
import { errors, idParams, rowsAs, workspaceHeader } from '../schemas.ts'
import { customer360, RECENT_CAMPAIGNS, RECENT_EVENTS, RECENT_ORDERS } from '../../services/customers/customer-360.ts'
import type { ZodApp } from './crud.ts'
import { compiledOkSerializer } from '../compiled-serializer.ts'

const view360 = z.object({
  profile: customerOut,
  consents: z.object({
    current: z.array(consentOut).describe('The latest record per channel and purpose'),
    history: z.array(consentOut).describe('Every consent record, newest first'),
  }),
  order_summary: z.object({
    orders: z.number().int().describe('All orders, whatever their status'),
    revenue_orders: z.number().int().describe('Orders that are neither cancelled nor refunded'),
    revenue: z.number().describe('Sum of the totals of revenue orders'),
    average_order_value: z.number().nullable(),
    first_order_at: z.iso.datetime().nullable(),
    last_order_at: z.iso.datetime().nullable(),
    top_categories: z.array(z.object({ category: z.string().nullable(), revenue: z.number(), quantity: z.number().int() })).describe('By line revenue of revenue orders, top 5'),
  }),
  recent_orders: z.array(orderWithItemsOut).describe(`The latest ${RECENT_ORDERS} orders with their lines`),
  recent_events: z.array(eventOut).describe(`The latest ${RECENT_EVENTS} events`),
  reviews: z.array(reviewOut),
  tickets: z.array(ticketOut),
  intelligence: z.object({
    scores: z.array(z.object({
      kind: z.string().describe('churn, clv, next_category, rfm, cluster'),
      score: z.number().nullable().describe('churn: probability; clv: expected value over 12 months; next_category: best probability; rfm: combined score'),
      percentile: z.number().nullable().describe('0–100 among the scored customers'),
      band: z.string().nullable().describe('churn: low, medium or high'),
      label: z.string().nullable().describe('next_category: the category; rfm: the segment; cluster: the persona'),
      reasons: z.unknown().describe('churn: [{ feature, value, effect (log-odds), probability }], strongest first'),
      details: z.unknown().describe('clv: { p_alive, expected_orders, … }; next_category: { probabilities }; rfm: { r, f, m }; cluster: { cluster, persona }'),
      model_version: z.object({ id: z.number().int(), version: z.number().int(), scored_at: z.string().nullable() }),
    })).describe('What the active model versions stored for this customer; empty before the first scoring run or without profiling consent'),
    recommendations: z.array(z.object({
      rank: z.number().int(), score: z.number(), source: z.enum(['model', 'content', 'popular']),
      product: z.object({ id: z.number().int(), sku: z.string(), name: z.string(), category: z.string().nullable(), price: z.number().nullable() }),
    })),
  }),
  campaigns: z.array(z.object({
    campaign_id: z.number().int(), name: z.string(), channel: z.enum(['email', 'sms']), status: z.string().describe('The campaign\'s status now'),
    variant: z.string().nullable(), sent_at: z.string(), opened_at: z.string().nullable(), clicked_at: z.string().nullable(), unsubscribed_at: z.string().nullable(),
  })).describe(`The latest ${RECENT_CAMPAIGNS} campaign messages sent to the customer, newest first`),
})

const ok360 = compiledOkSerializer(view360)

/** GET /api/v1/customers/:id/360: one customer's whole picture in one call. */
export function registerCustomer360(app: ZodApp, db: Db): void {
  app.get('/:id/360', {
    config: { access: 'customers:read' },
    serializerCompiler: ok360,
    schema: {
      tags: ['customers'], summary: "A customer's 360° view", headers: workspaceHeader, params: idParams,
      response: { 200: view360, ...errors(400, 401, 403, 404) },
    },
  }, async (req) => rowsAs(view360, await customer360(db, req.actor, req.params.id)))
}
