import Fastify, { type FastifyInstance } from 'fastify'
import pg from 'pg'
import { systemActor } from '../../packages/server/src/domain/actor.ts'
import { customer360 } from '../../packages/server/src/services/customers/customer-360.ts'
import { NUMERIC_OIDS, toNumber, type Db, type QueryOptions } from '../../packages/server/src/store/db.ts'
import { entityView } from '../../packages/server/src/store/entity-view.ts'
import { listPage } from '../../packages/server/src/store/query/list-page.ts'
import { SqlFilter } from '../../packages/server/src/store/query/sql-filter.ts'

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === NUMERIC_OIDS.int8 || oid === NUMERIC_OIDS.numeric ? toNumber : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

/**
 * The smallest Db over two plain pg pools, sized like Rapport's (10 connections for single statements, 5 for
 * transactions) and with the same session time zone and number parsing, so the SQL builders run unchanged and
 * the rows come back the same. No pipeline mode: the 360's statements run one after another anyway.
 */
export function bareDb(url: string): Db {
  const options = '-c TimeZone=UTC'
  const pool = new pg.Pool({ connectionString: url, max: 10, types, options })
  const txPool = new pg.Pool({ connectionString: url, max: 5, types, options })
  // Named statements as Rapport's Db prepares them (the 360's), so both servers send the same protocol messages.
  const on = (q: { query: pg.Pool['query'] }): Db['query'] => async <T>(text: string, params: unknown[] = [], opts: QueryOptions = {}) =>
    (await q.query({ text, values: params, name: opts.name })).rows as T[]
  return {
    kind: 'postgres',
    query: on(pool),
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const client = await txPool.connect()
      const tx: Db = { kind: 'postgres', query: on(client as unknown as pg.Pool), exec: async (sql) => void (await client.query(sql)), transaction: (f) => f(tx), close: async () => {} }
      try {
        await client.query('BEGIN')
        const out = await fn(tx)
        await client.query('COMMIT')
        return out
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    close: async () => void (await Promise.all([pool.end(), txPool.end()])),
  }
}

/** The customer list's sort on id, as routes/customers.ts declares it (the benchmark lists in id order). */
const sorts = { id: { expr: 't.id', type: 'int8' as const } }

/**
 * A bare Fastify app answering the two benchmarked routes with the same SQL as Rapport's, built by the same
 * builders (customer360, entityView + listPage + SqlFilter): no authentication, no zod, no response hooks,
 * Fastify's default JSON.stringify. The workspace is fixed.
 */
export function bareApp(db: Db, workspaceId: number): FastifyInstance {
  const app = Fastify({ logger: false })
  const actor = systemActor(workspaceId)
  app.get<{ Params: { id: string } }>('/api/v1/customers/:id/360', async (req, reply) => {
    const id = Number(req.params.id)
    try {
      return await customer360(db, actor, id)
    } catch {
      return reply.code(404).send({ error: 'not found' })
    }
  })
  app.get<{ Querystring: { city?: string; limit?: string } }>('/api/v1/customers', async (req) => {
    const filter = new SqlFilter(workspaceId)
    filter.eq('t.city', req.query.city)
    return listPage(db, { view: entityView('customers'), filter, sorts, sort: 'id', limit: Number(req.query.limit ?? 50) })
  })
  return app
}
