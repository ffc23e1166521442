import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { errors, workspaceHeader } from '../schemas.ts'
import { ingestOrders } from '../../services/orders/ingest-orders.ts'
import type { ZodApp } from './crud.ts'
import { batchQuery, batchResult, MAX_BATCH } from './event-batch.ts'

/** POST /api/v1/orders/batch: up to 10,000 orders, each with its lines in `items`. */
export function registerOrderBatch(app: ZodApp, db: Db): void {
  app.post('/batch', {
    config: { access: 'customers:write' },
    schema: {
      tags: ['orders'],
      summary: 'Ingest a batch of orders with their lines',
      description: 'Each item is an order as in POST /orders (with `items`); orders upsert by external id and their lines are replaced. Counts are of orders.',
      headers: workspaceHeader,
      querystring: batchQuery,
      body: z.object({ items: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_BATCH) }),
      response: { 200: batchResult, ...errors(400, 401, 403, 413, 503) },
    },
  }, async (req) => ingestOrders(db, req.actor, req.body.items, req.query.skip_invalid))
}
