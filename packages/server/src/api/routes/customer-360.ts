import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { consentOut, customerOut, eventOut, orderWithItemsOut, reviewOut, ticketOut } from '../entity-outputs.ts'
import { errors, idParams, rowsAs, workspaceHeader } from '../schemas.ts'
import { customer360, RECENT_EVENTS, RECENT_ORDERS } from '../../services/customers/customer-360.ts'
import type { ZodApp } from './crud.ts'

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
})

/** GET /api/v1/customers/:id/360: one customer's whole picture in one call. */
export function registerCustomer360(app: ZodApp, db: Db): void {
  app.get('/:id/360', {
    config: { access: 'customers:read' },
    schema: {
      tags: ['customers'], summary: "A customer's 360° view", headers: workspaceHeader, params: idParams,
      response: { 200: view360, ...errors(400, 401, 403, 404) },
    },
  }, async (req) => rowsAs(view360, await customer360(db, req.actor, req.params.id)))
}
