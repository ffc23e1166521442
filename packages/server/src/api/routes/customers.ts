import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { notFound } from '../../errors/rapport-error.ts'
import { customerOut } from '../entity-outputs.ts'
import { likePrefix } from '../list/sql-filter.ts'
import { entityView } from '../resources/entity-view.ts'
import { errors, rowsAs, timeParam, workspaceHeader } from '../schemas.ts'
import { registerCrud, type ZodApp } from './crud.ts'
import { registerCustomer360 } from './customer-360.ts'

const filters = z.object({
  email: z.string().max(320).optional().describe('Exact email, case-insensitive'),
  city: z.string().max(120).optional(),
  country: z.string().length(2).optional(),
  tag: z.string().max(60).optional().describe('Customers carrying this tag'),
  q: z.string().min(1).max(200).optional().describe('Prefix of the name or email, case-insensitive'),
  signed_up_from: timeParam.optional().describe('signup_at >= this'),
  signed_up_to: timeParam.optional().describe('signup_at < this'),
})

/** /api/v1/customers: CRUD, list with filters, and lookup by external id. */
export function customerRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    registerCrud(app, db, {
      entity: 'customers',
      noun: 'customer',
      output: customerOut,
      ops: ['create', 'read', 'update', 'delete'],
      list: {
        filters,
        sorts: {
          id: { expr: 't.id', type: 'int8' },
          external_id: { expr: 't.external_id', type: 'text' },
          name: { expr: 't.name', type: 'text' },
          signup_at: { expr: 't.signup_at', type: 'timestamptz' },
          created_at: { expr: 't.created_at', type: 'timestamptz' },
        },
        defaultSort: 'id',
        apply(f, q) {
          if (q.email !== undefined) f.where(`lower(t.email) = lower(${f.param(q.email)})`)
          f.eq('t.city', q.city).eq('t.country', q.country?.toUpperCase())
          if (q.tag !== undefined) f.where(`t.tags @> ARRAY[${f.param(q.tag)}::text]`)
          if (q.q !== undefined) {
            const p = f.param(likePrefix(q.q.toLowerCase()))
            f.where(`(lower(t.name) LIKE ${p} OR lower(t.email) LIKE ${p})`)
          }
          f.range('t.signup_at', q.signed_up_from, q.signed_up_to)
        },
      },
    })

    app.get('/by-external/:externalId', {
      schema: {
        tags: ['customers'], summary: 'Read a customer by external id', headers: workspaceHeader,
        params: z.object({ externalId: z.string().min(1).max(200) }), response: { 200: customerOut, ...errors(404) },
      },
    }, async (req) => {
      const v = entityView('customers')
      const [row] = await db.query(`SELECT ${v.select} FROM ${v.from} WHERE t.workspace_id = $1 AND t.external_id = $2`, [req.workspaceId, req.params.externalId])
      if (!row) throw notFound('customer')
      return rowsAs(customerOut, row)
    })

    registerCustomer360(app, db)
  }
}
