import Fastify, { type FastifyInstance } from 'fastify'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db } from '../store/db.ts'
import { RapportError } from '../errors/rapport-error.ts'
import { loggerConfig, type ApiLoggerOptions } from './logging.ts'
import { normaliseError } from './errors/normalise-error.ts'
import { sendError } from './errors/send-error.ts'
import { campaignRoutes } from './routes/campaigns.ts'
import { consentRoutes } from './routes/consents.ts'
import { customerRoutes } from './routes/customers.ts'
import { eventRoutes } from './routes/events.ts'
import { registerHealth } from './routes/health.ts'
import { insightRoutes } from './routes/insights.ts'
import { modelRoutes } from './routes/models.ts'
import { segmentRoutes } from './routes/segments.ts'
import { orderRoutes } from './routes/orders.ts'
import { productRoutes } from './routes/products.ts'
import { reviewRoutes } from './routes/reviews.ts'
import { trackingRoutes } from './routes/tracking.ts'
import { widgetRoutes } from './routes/widget.ts'
import { deskWidgetRoutes } from './routes/desk-widget.ts'
import { deskCannedRoutes } from './routes/desk-canned.ts'
import { ticketRoutes } from './routes/tickets.ts'
import { useAuth, SESSION_COOKIE } from './plugins/auth.ts'
import { maskResponses } from './plugins/mask-responses.ts'
import { webApp } from './plugins/web-app.ts'
import { auditRoutes } from './routes/admin/audit.ts'
import { keyRoutes } from './routes/admin/keys.ts'
import { memberRoutes } from './routes/admin/members.ts'
import { workspaceRoutes } from './routes/admin/workspaces.ts'
import { authRoutes } from './routes/auth.ts'
import { importRoutes } from './routes/imports.ts'
import { jobRoutes } from './routes/jobs.ts'
import { knowledgeRoutes } from './routes/knowledge.ts'
import { deskRoutes } from './routes/desk.ts'
import type { Queue } from '../adapters/queue/index.ts'
import type { LoginPolicy } from '../services/auth/login.ts'
import type { UploadLimits } from '../services/jobs/upload-store.ts'

export interface AppOptions {
  db: Db
  /** The job queue (imports from the API run as jobs; /api/v1/jobs shows them). */
  queue: Queue
  /** Sign-in policy and cookie settings (defaults: config.ts's). */
  auth?: Partial<LoginPolicy> & { secureCookies?: boolean }
  /** Request logs: on by default (info, to stderr); false turns them off; or a level and a destination stream. */
  logger?: ApiLoggerOptions | boolean
  /** Largest request body in bytes (batch ingest); default 32 MiB. */
  bodyLimit?: number
  /** The built web dashboard to serve at `/` (config.webDir); without one, `/` is a 404 and the API works alone. */
  webDir?: string | undefined
  /** Uploads to /api/v1/imports (streamed): largest file (default 1 GiB) and stored chunk size (default 8 MiB). */
  uploads?: Partial<UploadLimits> | undefined
  /** Requests per minute from one address to each public tracking endpoint (/t; default 600). */
  trackingPerMinute?: number | undefined
  /** Requests per minute from one address to the chat widget's endpoints (/widget/v1; default 120). */
  widgetPerMinute?: number | undefined
}

/**
 * The Rapport REST API as a Fastify instance, not yet listening (`rapport serve` listens; tests inject).
 * Routes validate with zod and document themselves: OpenAPI 3 at /api/openapi.json, interactive docs at
 * /docs. Every error leaves through one handler in the `{ error: { code, message, details? } }` shape.
 */
export function buildApp(opts: AppOptions): FastifyInstance {
  const policy: LoginPolicy = { sessionHours: opts.auth?.sessionHours ?? 24 * 7, maxFailures: opts.auth?.maxFailures ?? 5, lockMinutes: opts.auth?.lockMinutes ?? 15, attemptsPerMinute: opts.auth?.attemptsPerMinute ?? 30 }
  const secureCookies = opts.auth?.secureCookies ?? false
  const app = Fastify({
    logger: loggerConfig(opts.logger),
    bodyLimit: opts.bodyLimit ?? 32 * 1024 * 1024,
    // Errors of Fastify's router (a malformed percent-encoding in the URL) before any route is chosen.
    frameworkErrors: (err, _req, reply) => sendError(reply, normaliseError(err).error),
    // Errors Node's HTTP parser finds before Fastify sees a request (headers too large, malformed request
    // line): answered in the one error shape too.
    clientErrorHandler: (err, socket) => {
      const e = err as { code?: string }
      const [status, code, message] =
        e.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'validation_failed', 'the request headers are too large']
          : [400, 'validation_failed', 'the request is malformed']
      const body = JSON.stringify({ error: { code, message } })
      if (socket.writable) {
        socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
      } else {
        socket.destroy()
      }
    },
  }).withTypeProvider<ZodTypeProvider>()
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

  app.register(webApp, { dir: opts.webDir ?? '' })
  app.register(useAuth, { db: opts.db, secureCookies })
  maskResponses(app)
  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rapport API',
        version: '1.0.0',
        description:
          'Customers, products, orders, events, reviews, tickets and consents of one workspace. Every route but /health, sign-in and this document needs ' +
          'a session (POST /api/v1/auth/login sets an HTTP-only cookie; changes then need the `x-csrf-token` it returns) or an API key (`Authorization: Bearer rk_…`). ' +
          'The workspace is the API key\'s, or one of the signed-in person\'s chosen with `x-rapport-workspace`; another workspace\'s records answer 404. ' +
          'Roles without pii:read see e-mail addresses and phone numbers masked. Records carry an ETag; send If-Match to make a change fail with 412 when the record changed since. ' +
          'Records are addressed by internal `id`; references are shown both by natural key (`customer_id` = external id, `sku`) and by `<noun>_internal_id`. ' +
          'Lists take `limit` (max 500), `sort` (prefix `-` for descending) and the opaque `cursor` from `next_cursor`.',
      },
      tags: ['health', 'auth', 'admin', 'jobs', 'customers', 'products', 'orders', 'events', 'reviews', 'tickets', 'consents', 'models', 'insights', 'segments'].map((name) => ({ name })),
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (the recursive segment tree) become components the paths refer to.
    transformObject: jsonSchemaTransformObject,
  })
  app.register(fastifySwaggerUi, { routePrefix: '/docs' })

  app.register(async (root) => {
    const r = root.withTypeProvider<ZodTypeProvider>()
    registerHealth(r, opts.db)
    r.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())
  })
  app.register(trackingRoutes(opts.db, { perMinute: opts.trackingPerMinute }), { prefix: '/t' })
  app.register(widgetRoutes(opts.db, opts.queue, { perMinute: opts.widgetPerMinute }), { prefix: '/widget/v1' })

  app.register(async (api) => {
    api.register(authRoutes(opts.db, { policy, secureCookies }), { prefix: '/auth' })
    api.register(workspaceRoutes(opts.db), { prefix: '/workspaces' })
    api.register(memberRoutes(opts.db), { prefix: '/members' })
    api.register(keyRoutes(opts.db), { prefix: '/keys' })
    api.register(auditRoutes(opts.db), { prefix: '/audit' })
    api.register(jobRoutes(opts.db, opts.queue), { prefix: '/jobs' })
    api.register(modelRoutes(opts.db, opts.queue), { prefix: '/models' })
    api.register(insightRoutes(opts.db), { prefix: '/insights' })
    api.register(segmentRoutes(opts.db, opts.queue), { prefix: '/segments' })
    api.register(campaignRoutes(opts.db, opts.queue), { prefix: '/campaigns' })
    api.register(knowledgeRoutes(opts.db), { prefix: '/kb' })
    api.register(deskRoutes(opts.db, opts.queue), { prefix: '/desk' })
    api.register(deskWidgetRoutes(opts.db), { prefix: '/desk' })
    api.register(deskCannedRoutes(opts.db), { prefix: '/desk' })
    api.register(importRoutes(opts.db, opts.queue, opts.uploads), { prefix: '/imports' })
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
