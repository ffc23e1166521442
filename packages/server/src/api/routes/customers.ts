import { z } from 'zod'
import type { Db } from '../../store/db.ts'
import { getRecordByKey } from '../../services/records/records.ts'
import { customerOut } from '../entity-outputs.ts'
import { likePrefix } from '../../store/query/sql-filter.ts'
import { exportEntity } from '../../services/export/export-entity.ts'
import { SqlFilter } from '../../store/query/sql-filter.ts'
import { boolParam, errors, rowsAs, safeText, timeParam, workspaceHeader } from '../schemas.ts'
import { registerCrud, withEtag, type ZodApp } from './crud.ts'
import { registerCustomer360 } from './customer-360.ts'
import { registerCustomerSegments } from './segments.ts'
import { sendCustomerCsv } from './send-customer-csv.ts'
import { customerScoreParams } from './customer-score-params.ts'
import { applyCustomerScoreFilters, CUSTOMER_SCORE_SORTS } from '../../store/query/customer-score-filters.ts'

const filters = z.object({
  email: safeText(320).optional().describe('Exact email, case-insensitive'),
  city: safeText(120).optional(),
  country: safeText(2).pipe(z.string().length(2)).optional(),
  tag: safeText(60).optional().describe('Customers carrying this tag'),
  q: safeText(200).pipe(z.string().min(1)).optional().describe('Prefix of the name or email, case-insensitive'),
  signed_up_from: timeParam.optional().describe('signup_at >= this'),
  signed_up_to: timeParam.optional().describe('signup_at < this'),
  has_orders: boolParam.optional().describe('true: customers with at least one order; false: customers without any'),
  ...customerScoreParams.shape,
})

/** The list's filters as SQL conditions: the list and its CSV export select the same customers. */
function applyFilters(f: SqlFilter, q: z.output<typeof filters>): void {
  if (q.email !== undefined) f.where(`lower(t.email) = lower(${f.param(q.email)})`)
  f.eq('t.city', q.city).eq('t.country', q.country?.toUpperCase())
  if (q.tag !== undefined) f.where(`t.tags @> ARRAY[${f.param(q.tag)}::text]`)
  if (q.q !== undefined) {
    const p = f.param(likePrefix(q.q.toLowerCase()))
    f.where(`(lower(t.name) LIKE ${p} OR lower(t.email) LIKE ${p})`)
  }
  f.range('t.signup_at', q.signed_up_from, q.signed_up_to)
  if (q.has_orders !== undefined) {
    f.where(`${q.has_orders ? '' : 'NOT '}EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = t.workspace_id AND o.customer_id = t.id)`)
  }
  applyCustomerScoreFilters(f, q)
}

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
          ...CUSTOMER_SCORE_SORTS,
        },
        defaultSort: 'id',
        apply: applyFilters,
      },
    })

    app.get('/export', {
      config: { access: 'export' },
      schema: {
        tags: ['customers'], summary: 'Export the customers a list filter selects, as CSV',
        description: 'Same filters as GET /customers; columns in the import shape, so the file imports back. E-mail addresses and phone numbers are masked for roles without pii:read. Audited.',
        headers: workspaceHeader, querystring: filters.strict(),
        response: { 200: z.string().describe('text/csv'), ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      const f = new SqlFilter(req.workspaceId)
      applyFilters(f, req.query)
      return sendCustomerCsv(reply, exportEntity(db, req.actor, 'customers', 2000, f), 'customers.csv')
    })

    app.get('/by-external/:externalId', {
      config: { access: 'customers:read' },
      schema: {
        tags: ['customers'], summary: 'Read a customer by external id', headers: workspaceHeader,
        params: z.strictObject({ externalId: safeText(200).pipe(z.string().min(1)) }), response: { 200: customerOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req, reply) => rowsAs(customerOut, withEtag(reply, await getRecordByKey(db, req.actor, 'customers', req.params.externalId, 'customer'))))

    registerCustomer360(app, db)
    registerCustomerSegments(app, db)
  }
}
