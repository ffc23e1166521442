import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { errors, boolParam, workspaceHeader } from '../schemas.ts'
import { ingestBatch } from '../../services/records/ingest-batch.ts'
import type { ZodApp } from './crud.ts'

export const MAX_BATCH = 10_000

export const batchResult = z.object({
  received: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).describe('Rejected items (with skip_invalid), e.g. items.3.customer_id'),
})

export const batchQuery = z.strictObject({
  skip_invalid: boolParam.default(false).describe('Write the valid items and report the others, instead of writing nothing'),
})

/** POST /api/v1/events/batch: up to 10,000 events in the import shape, one transaction. */
export function registerEventBatch(app: ZodApp, db: Db): void {
  app.post('/batch', {
    config: { access: 'customers:write' },
    schema: {
      tags: ['events'],
      summary: 'Ingest a batch of events',
      description: 'Items are validated like `rapport import events` rows and upserted by external id (derived from the content when absent).',
      headers: workspaceHeader,
      querystring: batchQuery,
      body: z.object({ items: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_BATCH) }),
      response: { 200: batchResult, ...errors(400, 401, 403, 413, 503) },
    },
  }, async (req) => ingestBatch(db, req.actor, 'events', req.body.items, req.query.skip_invalid))
}
