import { z } from 'zod'
import { orderInput, orderItemInput } from './entities.ts'
import { patchSchema } from './patch-schema.ts'

/** An order as the API takes it: the import shape of an order plus its lines (sku, quantity, unit price). */
export const orderItemBody = orderItemInput.omit({ order_id: true })
export const orderBody = orderInput.extend({ items: z.array(orderItemBody).max(1000).default([]) })
export const orderPatch = patchSchema(orderInput, ['external_id']).extend({
  items: z.array(orderItemBody).max(1000).optional().describe('When present, replaces the order lines'),
})
