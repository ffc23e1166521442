import { z } from 'zod'
import { CHANNELS, ORDER_STATUSES } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { orderOut, orderWithItemsOut } from '../entity-outputs.ts'
import { orderBody, orderPatch } from '../../domain/order-body.ts'
import { decimalId, errors, idParams, rowsAs, safeText, timeParam, workspaceHeader } from '../schemas.ts'
import type { ItemInput } from '../../services/orders/order-items.ts'
import { createOrder, getOrder, updateOrder } from '../../services/orders/orders.ts'
import type { Row } from '../../services/records/records.ts'
import { ifMatchHeader, ifMatchOf, registerCrud, withEtag, type ZodApp } from './crud.ts'
import { registerOrderBatch } from './order-batch.ts'


const filters = z.object({
  customer_id: safeText(200).optional().describe("The customer's external id"),
  customer_internal_id: decimalId.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  from: timeParam.optional().describe('ordered_at >= this'),
  to: timeParam.optional().describe('ordered_at < this'),
})

/**
 * /api/v1/orders: an order is written and read together with its lines (`items`, each a sku, quantity and
 * unit price); lists return orders without lines. Deleting an order deletes its lines.
 */
export function orderRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    app.post('/', {
      config: { access: 'customers:write' },
      schema: {
        tags: ['orders'], summary: 'Create an order with its lines', headers: workspaceHeader, body: orderBody,
        response: { 201: orderWithItemsOut, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req, reply) => {
      const order = await createOrder(db, req.actor, req.body)
      reply.code(201)
      return rowsAs(orderWithItemsOut, withEtag(reply, order))
    })

    app.get('/:id', {
      config: { access: 'customers:read' },
      schema: { tags: ['orders'], summary: 'Read an order with its lines', headers: workspaceHeader, params: idParams, response: { 200: orderWithItemsOut, ...errors(400, 401, 403, 404) } },
    }, async (req, reply) => rowsAs(orderWithItemsOut, withEtag(reply, await getOrder(db, req.actor, req.params.id))))

    app.patch('/:id', {
      config: { access: 'customers:write' },
      schema: {
        tags: ['orders'], summary: 'Update an order', description: 'Fields present replace stored values; null clears an optional field; `items` replaces the lines. If-Match as for other records.',
        headers: ifMatchHeader, params: idParams, body: orderPatch, response: { 200: orderWithItemsOut, ...errors(400, 401, 403, 404, 409, 412) },
      },
    }, async (req, reply) => {
      const order = await updateOrder(db, req.actor, req.params.id, req.body as Row & { items?: ItemInput[] }, ifMatchOf(req))
      return rowsAs(orderWithItemsOut, withEtag(reply, order))
    })

    registerCrud(app, db, {
      entity: 'orders',
      noun: 'order',
      output: orderOut,
      ops: ['delete'],
      list: {
        filters,
        sorts: {
          id: { expr: 't.id', type: 'int8' },
          ordered_at: { expr: 't.ordered_at', type: 'timestamptz' },
          total: { expr: 't.total', type: 'numeric' },
          created_at: { expr: 't.created_at', type: 'timestamptz' },
        },
        defaultSort: '-ordered_at',
        apply(f, q) {
          f.refKey('t.customer_id', 'customers', 'external_id', q.customer_id).eq('t.customer_id', q.customer_internal_id)
          f.eq('t.status', q.status).eq('t.channel', q.channel).range('t.ordered_at', q.from, q.to)
        },
      },
    })
    registerOrderBatch(app, db)
  }
}
