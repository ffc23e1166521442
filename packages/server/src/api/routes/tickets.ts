import { z } from 'zod'
import { PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { ticketOut } from '../entity-outputs.ts'
import { decimalId, safeText, timeParam } from '../schemas.ts'
import { registerCrud, type ZodApp } from './crud.ts'

const filters = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  customer_id: safeText(200).optional().describe("The customer's external id"),
  customer_internal_id: decimalId.optional(),
  from: timeParam.optional().describe('opened_at >= this'),
  to: timeParam.optional().describe('opened_at < this'),
})

/** /api/v1/tickets: CRUD and list. */
export function ticketRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    registerCrud(app, db, {
      entity: 'tickets',
      noun: 'ticket',
      output: ticketOut,
      ops: ['create', 'read', 'update', 'delete'],
      list: {
        filters,
        sorts: {
          id: { expr: 't.id', type: 'int8' },
          opened_at: { expr: 't.opened_at', type: 'timestamptz' },
          updated_at: { expr: 't.updated_at', type: 'timestamptz' },
        },
        defaultSort: '-opened_at',
        apply(f, q) {
          f.eq('t.status', q.status).eq('t.priority', q.priority).eq('t.channel', q.channel)
          f.refKey('t.customer_id', 'customers', 'external_id', q.customer_id).eq('t.customer_id', q.customer_internal_id)
          f.range('t.opened_at', q.from, q.to)
        },
      },
    })
  }
}
