import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { reviewOut } from '../entity-outputs.ts'
import { decimalId, decimalInt, safeText, timeParam } from '../schemas.ts'
import { registerCrud, type ZodApp } from './crud.ts'

const filters = z.object({
  sku: safeText(200).optional().describe("The product's sku"),
  product_internal_id: decimalId.optional(),
  customer_id: safeText(200).optional().describe("The customer's external id"),
  customer_internal_id: decimalId.optional(),
  rating: decimalInt(1, 5).optional(),
  rating_min: decimalInt(1, 5).optional(),
  rating_max: decimalInt(1, 5).optional(),
  from: timeParam.optional().describe('reviewed_at >= this'),
  to: timeParam.optional().describe('reviewed_at < this'),
})

/** /api/v1/reviews: CRUD and list. */
export function reviewRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    registerCrud(app, db, {
      entity: 'reviews',
      noun: 'review',
      output: reviewOut,
      ops: ['create', 'read', 'update', 'delete'],
      list: {
        filters,
        sorts: {
          id: { expr: 't.id', type: 'int8' },
          reviewed_at: { expr: 't.reviewed_at', type: 'timestamptz' },
          rating: { expr: 't.rating', type: 'int8' },
        },
        defaultSort: '-reviewed_at',
        apply(f, q) {
          f.refKey('t.product_id', 'products', 'sku', q.sku).eq('t.product_id', q.product_internal_id)
          f.refKey('t.customer_id', 'customers', 'external_id', q.customer_id).eq('t.customer_id', q.customer_internal_id)
          f.eq('t.rating', q.rating)
          if (q.rating_min !== undefined) f.where(`t.rating >= ${f.param(q.rating_min)}`)
          if (q.rating_max !== undefined) f.where(`t.rating <= ${f.param(q.rating_max)}`)
          f.range('t.reviewed_at', q.from, q.to)
        },
      },
    })
  }
}
