import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * Serves the built dashboard (packages/web/dist) at `/`: hashed assets cached for a year, index.html never
 * (a new build must show on the next load), and any other GET that asks for HTML answered with index.html
 * so the app's own router handles deep links. Every answer carries the security headers; the CSP allows no
 * inline script (the build emits none) — inline styles stay allowed for the charts' SVG.
 */
export interface WebAppOptions {
  /** The folder of the built app; nothing is served when it has no index.html. */
  dir: string
}

export function webAppAvailable(dir: string): boolean {
  return existsSync(join(dir, 'index.html'))
}

async function serveWebApp(app: FastifyInstance, opts: WebAppOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Swagger UI at /docs and ECharts set style attributes.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        // Served over plain HTTP on loopback by default: upgrading would break http://localhost.
        'upgrade-insecure-requests': null,
      },
    },
    // Off so a plain-HTTP start on a LAN address keeps working; behind TLS a proxy sets HSTS.
    strictTransportSecurity: false,
  })
  if (!webAppAvailable(opts.dir)) return
  await app.register(fastifyStatic, {
    root: opts.dir,
    prefix: '/',
    wildcard: false,
    index: false,
    // scripts/build-web.mjs writes .br and .gz beside each asset.
    preCompressed: true,
    setHeaders(res, path) {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  const sendIndex = (_req: FastifyRequest, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html')
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, sendIndex)
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? ''
    // Only navigations fall back to the app; a missing script, image or API path stays a 404.
    if (path.startsWith('/api/') || path.startsWith('/assets/') || !String(req.headers.accept ?? '').includes('text/html')) {
      return reply.callNotFound()
    }
    return sendIndex(req, reply)
  })
}

/** Not encapsulated: the security headers apply to every route of the app, the API's too. */
export const webApp = fp(serveWebApp, { name: 'rapport-web-app' })
