import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Actor } from '../../domain/actor.ts'
import type { Permission } from '../../domain/permissions.ts'
import { forbidden, RapportError } from '../../errors/rapport-error.ts'
import { actorForApiKey } from '../../services/auth/api-keys.ts'
import { actorForSession } from '../../services/auth/sessions.ts'
import type { Db } from '../../store/db.ts'

/**
 * What a route needs: a permission from the role table, `signed-in` (any credential: the caller's own
 * session, for example), or `public` (health, sign-in, the OpenAPI document). Every route under /api must
 * say, or the app refuses to start: a route cannot be left open by forgetting.
 */
export type RouteAccess = Permission | 'signed-in' | 'public'

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
  }
  interface FastifyRequest {
    /** Who is calling; set for every route that is not public. */
    actor: Actor
    /** The actor's workspace (shorthand for actor.workspaceId). */
    workspaceId: number
    /** Set when the caller signed in with a cookie (not for API keys). */
    session: { tokenHash: string; csrfToken: string } | undefined
  }
  interface FastifyInstance {
    /** Every route with what it needs: the source of the generated security suites. */
    routeTable: RouteInfo[]
  }
}

export interface RouteInfo {
  method: string
  url: string
  access: RouteAccess
}

export const SESSION_COOKIE = 'rapport_session'
export const CSRF_HEADER = 'x-csrf-token'
export const WORKSPACE_HEADER = 'x-rapport-workspace'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface AuthOptions {
  db: Db
  secureCookies: boolean
}

/**
 * Authentication and authorisation for every route, in one place. Credentials: `Authorization: Bearer
 * rk_…` (an API key, bound to one workspace and role) or the session cookie (a user, acting in one of their
 * workspaces, chosen by `x-rapport-workspace`). Cookie-authenticated writes must echo the session's CSRF
 * token in `x-csrf-token`: a cross-site form can send the cookie but cannot read the token.
 */
async function authPlugin(app: FastifyInstance, opts: AuthOptions): Promise<void> {
  await app.register(cookie)
  app.decorate('routeTable', [] as RouteInfo[])
  app.decorateRequest('actor', undefined as unknown as Actor)
  app.decorateRequest('workspaceId', 0)
  app.decorateRequest('session', undefined)

  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD')
    const url = route.url ?? route.path
    const access = route.config?.access
    if (access === undefined) {
      if (url.startsWith('/api/v1')) throw new Error(`route ${methods.join(',')} ${url} declares no access (config.access)`)
      return
    }
    for (const method of methods) app.routeTable.push({ method, url, access })
  })

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access
    if (access === undefined || access === 'public') return
    const actor = await authenticate(opts.db, req)
    if (access !== 'signed-in' && !actor.permissions.has(access)) throw forbidden(access)
    req.actor = actor
    req.workspaceId = actor.workspaceId
  })
}

async function authenticate(db: Db, req: FastifyRequest): Promise<Actor> {
  const wanted = header(req, WORKSPACE_HEADER)
  const meta = { requestId: String(req.id), ip: req.ip }
  const authz = header(req, 'authorization')
  if (authz !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz)
    const actor = m?.[1] ? await actorForApiKey(db, m[1], wanted, meta) : undefined
    if (!actor) throw new RapportError('unauthenticated', 'the API key is unknown, revoked or expired, or not for this workspace')
    return actor
  }
  const token = req.cookies[SESSION_COOKIE]
  if (token === undefined) throw new RapportError('unauthenticated', 'sign in (POST /api/v1/auth/login) or send an API key as "Authorization: Bearer rk_…"')
  const found = await actorForSession(db, token, wanted, meta)
  if (!found) throw new RapportError('unauthenticated', 'your session has ended; sign in again')
  if (!SAFE_METHODS.has(req.method) && header(req, CSRF_HEADER) !== found.csrfToken) {
    throw new RapportError('forbidden', `a change made with a session cookie needs the ${CSRF_HEADER} header from the sign-in response (GET /api/v1/auth/session)`)
  }
  req.session = { tokenHash: found.tokenHash, csrfToken: found.csrfToken }
  return found.actor
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name]
  const s = Array.isArray(v) ? v[0] : v
  return s === undefined || s === '' ? undefined : s
}

export const useAuth = fp(authPlugin, { name: 'rapport-auth' })
