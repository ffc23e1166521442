import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { notFound } from '../../errors/rapport-error.ts'
import { productOut } from '../entity-outputs.ts'
import { likePrefix } from '../list/sql-filter.ts'
import { entityView } from '../resources/entity-view.ts'
import { errors, rowsAs, workspaceHeader } from '../schemas.ts'
import { registerCrud, type ZodApp } from './crud.ts'

const filters = z.object({
  category: z.string().max(120).optional(),
  brand: z.string().max(120).optional(),
  price_min: z.coerce.number().nonnegative().optional().describe('price >= this'),
  price_max: z.coerce.number().nonnegative().optional().describe('price < this'),
  q: z.string().min(1).max(200).optional().describe('Prefix of the name, case-insensitive'),
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
      schema: {
        tags: ['products'], summary: 'Read a product by sku', headers: workspaceHeader,
        params: z.object({ sku: z.string().min(1).max(200) }), response: { 200: productOut, ...errors(404) },
      },
    }, async (req) => {
      const v = entityView('products')
      const [row] = await db.query(`SELECT ${v.select} FROM ${v.from} WHERE t.workspace_id = $1 AND t.sku = $2`, [req.workspaceId, req.params.sku])
      if (!row) throw notFound('product')
      return rowsAs(productOut, row)
    })
  }
}
