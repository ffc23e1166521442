import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { patchSchema } from '../../domain/patch-schema.ts'
import type { Row } from '../../services/records/records.ts'
import { createRecord, deleteRecord, etagOf, getRecord, updateRecord } from '../../services/records/records.ts'
import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import { entityView } from '../../store/entity-view.ts'
import { listPage, type SortField } from '../../store/query/list-page.ts'
import { SqlFilter } from '../../store/query/sql-filter.ts'
import { errors, idParams, listParams, pageOf, rowsAs, workspaceHeader } from '../schemas.ts'
import { compiledOkSerializer } from '../compiled-serializer.ts'

/** A Fastify instance whose route schemas are zod (validated and documented by fastify-type-provider-zod). */
export type ZodApp = FastifyInstance<
  RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider
>

export interface ListSpec<F extends z.ZodObject> {
  filters: F
  sorts: Record<string, SortField>
  defaultSort: string
  /** Adds the conditions for the filters present in the query. */
  apply: (f: SqlFilter, q: z.output<F>) => void
}

export interface CrudSpec<F extends z.ZodObject> {
  entity: EntityName
  /** Singular noun for messages ("customer 12 not found"). */
  noun: string
  output: z.ZodObject
  ops: Array<'create' | 'read' | 'update' | 'delete'>
  list?: ListSpec<F>
}

export const ifMatchHeader = workspaceHeader.extend({
  'if-match': z.string().max(200).optional().describe('The ETag of your copy: the change is refused with 412 when the record changed since'),
})

/** Sends a record with its ETag, for clients that want optimistic concurrency (If-Match on the next write). */
export function withEtag<T extends Row>(reply: FastifyReply, row: T): T {
  reply.header('etag', etagOf(row))
  return row
}

export const ifMatchOf = (req: FastifyRequest): { ifMatch?: string } => {
  const v = req.headers['if-match']
  return typeof v === 'string' && v !== '' ? { ifMatch: v } : {}
}

/**
 * Registers the standard routes of one entity under the current prefix: POST / (201), GET /:id,
 * PATCH /:id, DELETE /:id (204) and GET / with filters, sort and cursor pagination. Each parses the
 * request, calls the records service with the caller's actor, and shapes the answer. Entities with nested
 * data (orders) register their own create/read/update and use this for the rest.
 */
export function registerCrud<F extends z.ZodObject>(app: ZodApp, db: Db, spec: CrudSpec<F>): void {
  const tags = [entityTables[spec.entity].table.replace('_', '-')]
  const noun = spec.noun

  if (spec.ops.includes('create')) {
    app.post('/', {
      config: { access: 'customers:write' },
      schema: { tags, summary: `Create a ${noun}`, headers: workspaceHeader, body: entitySchemas[spec.entity], response: { 201: spec.output, ...errors(400, 401, 403, 404, 409) } },
    }, async (req, reply) => {
      const row = await createRecord(db, req.actor, spec.entity, req.body as Row)
      reply.code(201)
      return rowsAs(spec.output, withEtag(reply, row))
    })
  }

  if (spec.ops.includes('read')) {
    app.get('/:id', {
      config: { access: 'customers:read' },
      schema: { tags, summary: `Read a ${noun}`, headers: workspaceHeader, params: idParams, response: { 200: spec.output, ...errors(400, 401, 403, 404) } },
    }, async (req, reply) => rowsAs(spec.output, withEtag(reply, await getRecord(db, req.actor, spec.entity, req.params.id, noun))))
  }

  if (spec.ops.includes('update')) {
    const keys = entityTables[spec.entity].keyFields
    app.patch('/:id', {
      config: { access: 'customers:write' },
      schema: {
        tags, summary: `Update a ${noun}`, description: 'Fields present replace stored values; null clears an optional field. Send If-Match with the ETag of your copy to refuse the change (412) if someone changed the record since.',
        headers: ifMatchHeader, params: idParams, body: patchSchema(entitySchemas[spec.entity], keys),
        response: { 200: spec.output, ...errors(400, 401, 403, 404, 409, 412) },
      },
    }, async (req, reply) => rowsAs(spec.output, withEtag(reply, await updateRecord(db, req.actor, spec.entity, req.params.id, req.body as Row, noun, ifMatchOf(req)))))
  }

  if (spec.ops.includes('delete')) {
    app.delete('/:id', {
      config: { access: 'customers:write' },
      schema: { tags, summary: `Delete a ${noun}`, headers: ifMatchHeader, params: idParams, response: { 204: z.undefined(), ...errors(400, 401, 403, 404, 409, 412) } },
    }, async (req, reply) => {
      await deleteRecord(db, req.actor, spec.entity, req.params.id, noun, ifMatchOf(req))
      return reply.code(204).send()
    })
  }

  const list = spec.list
  if (list) {
    const query = listParams(Object.keys(list.sorts), list.defaultSort).extend(list.filters.shape)
    app.get('/', {
      config: { access: 'customers:read' },
      // Lists are the busiest reads (compiled-serializer.ts says why).
      serializerCompiler: compiledOkSerializer(pageOf(spec.output)),
      schema: { tags, summary: `List ${tags[0]}`, headers: workspaceHeader, querystring: query, response: { 200: pageOf(spec.output), ...errors(400, 401, 403) } },
    }, async (req) => {
      const q = req.query as { limit: number; cursor?: string; sort: string } & z.output<F>
      const filter = new SqlFilter(req.workspaceId)
      list.apply(filter, q)
      const page = await listPage(db, { view: entityView(spec.entity), filter, sorts: list.sorts, sort: q.sort, limit: q.limit, cursor: q.cursor })
      return rowsAs(pageOf(spec.output), page)
    })
  }
}
