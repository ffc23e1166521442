import { z } from 'zod'
import { CONSENT_CHANNELS, CONSENT_STATUSES } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { consentOut } from '../entity-outputs.ts'
import { decimalId, safeText, timeParam } from '../schemas.ts'
import { registerCrud, type ZodApp } from './crud.ts'

const filters = z.object({
  customer_id: safeText(200).optional().describe("The customer's external id"),
  customer_internal_id: decimalId.optional(),
  channel: z.enum(CONSENT_CHANNELS).optional(),
  purpose: safeText(60).optional(),
  status: z.enum(CONSENT_STATUSES).optional(),
  from: timeParam.optional().describe('recorded_at >= this'),
  to: timeParam.optional().describe('recorded_at < this'),
})

/**
 * /api/v1/consents: consent history is append-only (the database refuses updates and deletes), so a change
 * of mind is a new record; only create and list exist. The current state per channel and purpose is in the
 * customer's 360° view.
 */
export function consentRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    registerCrud(app, db, {
      entity: 'consents',
      noun: 'consent',
      output: consentOut,
      ops: ['create'],
      list: {
        filters,
        sorts: { id: { expr: 't.id', type: 'int8' }, recorded_at: { expr: 't.recorded_at', type: 'timestamptz' } },
        defaultSort: '-recorded_at',
        apply(f, q) {
          f.refKey('t.customer_id', 'customers', 'external_id', q.customer_id).eq('t.customer_id', q.customer_internal_id)
          f.eq('t.channel', q.channel).eq('t.purpose', q.purpose).eq('t.status', q.status).range('t.recorded_at', q.from, q.to)
        },
      },
    })
  }
}
