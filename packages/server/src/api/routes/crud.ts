import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import { deleteRow } from '../../store/write-row.ts'
import { notFound } from '../../errors/rapport-error.ts'
import { listPage, type SortField } from '../list/list-page.ts'
import { SqlFilter } from '../list/sql-filter.ts'
import { patchSchema } from '../patch-schema.ts'
import { createRecord, mustGetRecord, updateRecord } from '../resources/records.ts'
import { entityView } from '../resources/entity-view.ts'
import { errors, idParams, listParams, pageOf, rowsAs, workspaceHeader } from '../schemas.ts'

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

/**
 * Registers the standard routes of one entity under the current prefix: POST / (201), GET /:id,
 * PATCH /:id, DELETE /:id (204) and GET / with filters, sort and cursor pagination. Entities with nested
 * data (orders) register their own create/read/update and use this for the rest.
 */
export function registerCrud<F extends z.ZodObject>(app: ZodApp, db: Db, spec: CrudSpec<F>): void {
  const tags = [entityTables[spec.entity].table.replace('_', '-')]
  const noun = spec.noun
  const read = (ws: number, id: number) => mustGetRecord(db, spec.entity, ws, id, noun)

  if (spec.ops.includes('create')) {
    app.post('/', {
      schema: { tags, summary: `Create a ${noun}`, headers: workspaceHeader, body: entitySchemas[spec.entity], response: { 201: spec.output, ...errors(400, 404, 409) } },
    }, async (req, reply) => {
      const id = await db.transaction((tx) => createRecord(tx, spec.entity, req.workspaceId, req.body as Record<string, unknown>))
      reply.code(201)
      return rowsAs(spec.output, await read(req.workspaceId, id))
    })
  }

  if (spec.ops.includes('read')) {
    app.get('/:id', {
      schema: { tags, summary: `Read a ${noun}`, headers: workspaceHeader, params: idParams, response: { 200: spec.output, ...errors(400, 404) } },
    }, async (req) => rowsAs(spec.output, await read(req.workspaceId, req.params.id)))
  }

  if (spec.ops.includes('update')) {
    const keys = entityTables[spec.entity].keyFields
    app.patch('/:id', {
      schema: {
        tags, summary: `Update a ${noun}`, description: 'Fields present replace stored values; null clears an optional field.',
        headers: workspaceHeader, params: idParams, body: patchSchema(entitySchemas[spec.entity], keys),
        response: { 200: spec.output, ...errors(400, 404, 409) },
      },
    }, async (req) => {
      await db.transaction((tx) => updateRecord(tx, spec.entity, req.workspaceId, req.params.id, req.body as Record<string, unknown>, noun))
      return rowsAs(spec.output, await read(req.workspaceId, req.params.id))
    })
  }

  if (spec.ops.includes('delete')) {
    app.delete('/:id', {
      schema: { tags, summary: `Delete a ${noun}`, headers: workspaceHeader, params: idParams, response: { 204: z.undefined(), ...errors(400, 404, 409) } },
    }, async (req, reply) => {
      if (!(await deleteRow(db, entityTables[spec.entity].table, req.workspaceId, req.params.id))) throw notFound(`${noun} ${req.params.id}`)
      return reply.code(204).send()
    })
  }

  const list = spec.list
  if (list) {
    const query = listParams(Object.keys(list.sorts), list.defaultSort).extend(list.filters.shape)
    app.get('/', {
      schema: { tags, summary: `List ${tags[0]}`, headers: workspaceHeader, querystring: query, response: { 200: pageOf(spec.output), ...errors(400, 404) } },
    }, async (req) => {
      const q = req.query as { limit: number; cursor?: string; sort: string } & z.output<F>
      const filter = new SqlFilter(req.workspaceId)
      list.apply(filter, q)
      const page = await listPage(db, { view: entityView(spec.entity), filter, sorts: list.sorts, sort: q.sort, limit: q.limit, cursor: q.cursor })
      return rowsAs(pageOf(spec.output), page)
    })
  }
}
