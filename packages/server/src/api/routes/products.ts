import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { getRecordByKey } from '../../services/records/records.ts'
import { productOut } from '../entity-outputs.ts'
import { likePrefix } from '../../store/query/sql-filter.ts'
import { decimalNumber, errors, rowsAs, safeText, workspaceHeader } from '../schemas.ts'
import { registerCrud, withEtag, type ZodApp } from './crud.ts'

const filters = z.object({
  category: safeText(120).optional(),
  brand: safeText(120).optional(),
  price_min: decimalNumber.optional().describe('price >= this'),
  price_max: decimalNumber.optional().describe('price < this'),
  q: safeText(200).pipe(z.string().min(1)).optional().describe('Prefix of the name, case-insensitive'),
})

/** /api/v1/products: CRUD, list with filters, and lookup by sku. */
export function productRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    registerCrud(app, db, {
      entity: 'products',
      noun: 'product',
      output: productOut,
      ops: ['create', 'read', 'update', 'delete'],
      list: {
        filters,
        sorts: {
          id: { expr: 't.id', type: 'int8' },
          sku: { expr: 't.sku', type: 'text' },
          name: { expr: 't.name', type: 'text' },
          price: { expr: 't.price', type: 'numeric' },
          created_at: { expr: 't.created_at', type: 'timestamptz' },
        },
        defaultSort: 'id',
        apply(f, q) {
          f.eq('t.category', q.category).eq('t.brand', q.brand).range('t.price', q.price_min, q.price_max)
          if (q.q !== undefined) f.where(`lower(t.name) LIKE ${f.param(likePrefix(q.q.toLowerCase()))}`)
        },
      },
    })

    app.get('/by-sku/:sku', {
      config: { access: 'customers:read' },
      schema: {
        tags: ['products'], summary: 'Read a product by sku', headers: workspaceHeader,
        params: z.strictObject({ sku: safeText(200).pipe(z.string().min(1)) }), response: { 200: productOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req, reply) => rowsAs(productOut, withEtag(reply, await getRecordByKey(db, req.actor, 'products', req.params.sku, 'product'))))
  }
}
