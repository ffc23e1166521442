import { z } from 'zod'
import { EVENT_TYPES } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { eventOut } from '../entity-outputs.ts'
import { decimalId, safeText, timeParam } from '../schemas.ts'
import { registerCrud, type ZodApp } from './crud.ts'
import { registerEventBatch } from './event-batch.ts'

const filters = z.object({
  customer_id: safeText(200).optional().describe("The customer's external id"),
  customer_internal_id: decimalId.optional(),
  type: z.enum(EVENT_TYPES).optional(),
  sku: safeText(200).optional(),
  from: timeParam.optional().describe('occurred_at >= this'),
  to: timeParam.optional().describe('occurred_at < this'),
})

/** /api/v1/events: behavioural events are facts, so they are created, read and listed, never edited. */
export function eventRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    registerCrud(app, db, {
      entity: 'events',
      noun: 'event',
      output: eventOut,
      ops: ['create', 'read'],
      list: {
        filters,
        sorts: { id: { expr: 't.id', type: 'int8' }, occurred_at: { expr: 't.occurred_at', type: 'timestamptz' } },
        defaultSort: '-occurred_at',
        apply(f, q) {
          f.refKey('t.customer_id', 'customers', 'external_id', q.customer_id).eq('t.customer_id', q.customer_internal_id)
          f.eq('t.type', q.type).refKey('t.product_id', 'products', 'sku', q.sku).range('t.occurred_at', q.from, q.to)
        },
      },
    })
    registerEventBatch(app, db)
  }
}
