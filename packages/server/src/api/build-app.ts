import Fastify, { type FastifyInstance } from 'fastify'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db } from '../store/db.ts'
import { RapportError } from '../errors/rapport-error.ts'
import { loggerConfig, type ApiLoggerOptions } from './logging.ts'
import { normaliseError } from './errors/normalise-error.ts'
import { sendError } from './errors/send-error.ts'
import { consentRoutes } from './routes/consents.ts'
import { customerRoutes } from './routes/customers.ts'
import { eventRoutes } from './routes/events.ts'
import { registerHealth } from './routes/health.ts'
import { orderRoutes } from './routes/orders.ts'
import { productRoutes } from './routes/products.ts'
import { reviewRoutes } from './routes/reviews.ts'
import { ticketRoutes } from './routes/tickets.ts'
import { useWorkspace } from './workspace.ts'

export interface AppOptions {
  db: Db
  /** Request logs: on by default (info, to stderr); false turns them off; or a level and a destination stream. */
  logger?: ApiLoggerOptions | boolean
  /** Largest request body in bytes (batch ingest); default 32 MiB. */
  bodyLimit?: number
}

/**
 * The Rapport REST API as a Fastify instance, not yet listening (`rapport serve` listens; tests inject).
 * Routes validate with zod and document themselves: OpenAPI 3 at /api/openapi.json, interactive docs at
 * /docs. Every error leaves through one handler in the `{ error: { code, message, details? } }` shape.
 */
export function buildApp(opts: AppOptions): FastifyInstance {
  const app = Fastify({ logger: loggerConfig(opts.logger), bodyLimit: opts.bodyLimit ?? 32 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  app.setErrorHandler((err, req, reply) => {
    const { error, unexpected } = normaliseError(err)
    if (unexpected) req.log.error({ err }, 'request failed')
    else req.log.info({ code: error.code }, 'request rejected')
    return sendError(reply, error)
  })
  app.setNotFoundHandler((req, reply) => {
    const e = new RapportError('not_found', `no route for ${req.method} ${req.url.split('?')[0]}`)
    return sendError(reply, e)
  })

  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rapport API',
        version: '1.0.0',
        description:
          'Customers, products, orders, events, reviews, tickets and consents of one workspace (header `x-rapport-workspace`, default `default`). ' +
          'Records are addressed by internal `id`; references are shown both by natural key (`customer_id` = external id, `sku`) and by `<noun>_internal_id`. ' +
          'Lists take `limit` (max 500), `sort` (prefix `-` for descending) and the opaque `cursor` from `next_cursor`.',
      },
      tags: ['health', 'customers', 'products', 'orders', 'events', 'reviews', 'tickets', 'consents'].map((name) => ({ name })),
    },
    transform: jsonSchemaTransform,
  })
  app.register(fastifySwaggerUi, { routePrefix: '/docs' })

  app.register(async (root) => {
    const r = root.withTypeProvider<ZodTypeProvider>()
    registerHealth(r, opts.db)
    r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  })

  app.register(async (api) => {
    useWorkspace(api, opts.db)
    api.register(customerRoutes(opts.db), { prefix: '/customers' })
    api.register(productRoutes(opts.db), { prefix: '/products' })
    api.register(orderRoutes(opts.db), { prefix: '/orders' })
    api.register(eventRoutes(opts.db), { prefix: '/events' })
    api.register(reviewRoutes(opts.db), { prefix: '/reviews' })
    api.register(ticketRoutes(opts.db), { prefix: '/tickets' })
    api.register(consentRoutes(opts.db), { prefix: '/consents' })
  }, { prefix: '/api/v1' })

  return app
}
