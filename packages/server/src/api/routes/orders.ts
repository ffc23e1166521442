import { z } from 'zod'
import { CHANNELS, ORDER_STATUSES } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { invalid } from '../../errors/rapport-error.ts'
import { orderOut, orderWithItemsOut } from '../entity-outputs.ts'
import { orderBody, orderPatch } from '../order-body.ts'
import { createRecord, mustGetRecord, updateRecord } from '../resources/records.ts'
import { errors, idParams, rowsAs, timeParam, workspaceHeader } from '../schemas.ts'
import { readItems, replaceItems, resolveItems, type ItemInput } from '../services/order-items.ts'
import { registerCrud, type ZodApp } from './crud.ts'
import { registerOrderBatch } from './order-batch.ts'


const filters = z.object({
  customer_id: z.string().max(200).optional().describe("The customer's external id"),
  customer_internal_id: z.coerce.number().int().positive().optional(),
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
    const withItems = async (ws: number, id: number) => {
      const order = await mustGetRecord(db, 'orders', ws, id, 'order')
      const items = await readItems(db, ws, [id])
      return rowsAs(orderWithItemsOut, { ...order, items: items.get(id) ?? [] })
    }
    const itemsOf = async (tx: Db, ws: number, id: number, items: ItemInput[]) => {
      const { resolved, issues } = await resolveItems(tx, ws, [items], (_, i) => `body.items.${i}.sku`)
      if (issues[0]?.length) throw invalid(issues[0], 'an order line names an unknown or repeated product')
      await replaceItems(tx, ws, [{ orderId: id, items: resolved[0] ?? [] }])
    }

    app.post('/', {
      schema: {
        tags: ['orders'], summary: 'Create an order with its lines', headers: workspaceHeader, body: orderBody,
        response: { 201: orderWithItemsOut, ...errors(400, 404, 409) },
      },
    }, async (req, reply) => {
      const { items, ...order } = req.body
      const id = await db.transaction(async (tx) => {
        const orderId = await createRecord(tx, 'orders', req.workspaceId, order)
        await itemsOf(tx, req.workspaceId, orderId, items)
        return orderId
      })
      reply.code(201)
      return withItems(req.workspaceId, id)
    })

    app.get('/:id', {
      schema: { tags: ['orders'], summary: 'Read an order with its lines', headers: workspaceHeader, params: idParams, response: { 200: orderWithItemsOut, ...errors(400, 404) } },
    }, async (req) => withItems(req.workspaceId, req.params.id))

    app.patch('/:id', {
      schema: {
        tags: ['orders'], summary: 'Update an order', description: 'Fields present replace stored values; null clears an optional field; `items` replaces the lines.',
        headers: workspaceHeader, params: idParams, body: orderPatch, response: { 200: orderWithItemsOut, ...errors(400, 404, 409) },
      },
    }, async (req) => {
      const { items, ...patch } = req.body as { items?: ItemInput[] } & Record<string, unknown>
      await db.transaction(async (tx) => {
        await updateRecord(tx, 'orders', req.workspaceId, req.params.id, patch, 'order')
        if (items) await itemsOf(tx, req.workspaceId, req.params.id, items)
      })
      return withItems(req.workspaceId, req.params.id)
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
