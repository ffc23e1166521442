import rateLimit from '@fastify/rate-limit'
import { z } from 'zod'
import type { Actor } from '../../domain/actor.ts'
import { PERMISSIONS, ROLES } from '../../domain/permissions.ts'
import { changePassword, getMe, updateMe } from '../../services/auth/account.ts'
import { login, loginBody, type LoginPolicy } from '../../services/auth/login.ts'
import { logout, switchWorkspace } from '../../services/auth/sessions.ts'
import { LOCALES } from '../../services/auth/users.ts'
import { listWorkspaces } from '../../services/workspaces/workspaces.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { SESSION_COOKIE } from '../plugins/auth.ts'
import { errors, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

const me = z.object({ id: z.number().int(), email: z.string(), name: z.string(), locale: z.enum(LOCALES) })
const sessionView = z.object({
  user: me.nullable().describe('The signed-in person; null for an API key'),
  actor: z.string().describe('What the audit log calls the caller'),
  workspace: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(PERMISSIONS)),
  workspaces: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string().nullable() })),
  csrf_token: z.string().nullable().describe('Send as x-csrf-token with every change made with the session cookie'),
  expires_at: z.string().nullable().optional(),
})

export interface AuthRouteOptions {
  policy: LoginPolicy
  secureCookies: boolean
}

/** /api/v1/auth: sign in and out, the current session, the caller's own account. */
export function authRoutes(db: Db, opts: AuthRouteOptions) {
  return async (app: ZodApp): Promise<void> => {
    // Per client address, on top of the per-address lockout in the login service: slows guessing across
    // many e-mail addresses from one place.
    await app.register(rateLimit, { global: false, errorResponseBuilder: (_req, ctx) => new RapportError('rate_limited', `too many sign-in attempts from your address; retry in ${Math.ceil(ctx.ttl / 1000)} s`, { retryAfter: Math.ceil(ctx.ttl / 1000) }) })

    const describe = async (actor: Actor, csrf: string | null, expiresAt?: Date) => {
      const user = await getMe(db, actor)
      const workspaces = await listWorkspaces(db, actor)
      const current = workspaces.find((w) => w.id === actor.workspaceId)
      return {
        user, actor: actor.label, role: actor.role, permissions: [...actor.permissions],
        workspace: { id: actor.workspaceId, slug: current?.slug ?? '', name: current?.name ?? '' },
        workspaces: workspaces.map((w) => ({ slug: w.slug, name: w.name, role: w.role })),
        csrf_token: csrf, ...(expiresAt && { expires_at: expiresAt.toISOString() }),
      }
    }

    app.post('/login', {
      config: { access: 'public', rateLimit: { max: opts.policy.attemptsPerMinute ?? 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'], summary: 'Sign in with e-mail and password',
        description: 'Sets the HTTP-only session cookie and returns the CSRF token to send as x-csrf-token with changes. After repeated failures the address is locked for a while; the message does not say which part was wrong.',
        body: loginBody, response: { 200: sessionView, ...errors(400, 401, 403, 429) },
      },
    }, async (req, reply) => {
      const s = await login(db, opts.policy, { ...req.body, ip: req.ip, requestId: String(req.id) })
      reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, expires: s.expiresAt })
      return describe(s.actor, s.csrfToken, s.expiresAt)
    })

    app.post('/logout', {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], summary: 'Sign out (ends the session)', headers: workspaceHeader, response: { 204: z.undefined(), ...errors(401, 403) } },
    }, async (req, reply) => {
      if (req.session) await logout(db, req.actor, req.session.tokenHash)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.code(204).send()
    })

    app.get('/session', {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], summary: 'Who is signed in, where, with which permissions', headers: workspaceHeader, response: { 200: sessionView, ...errors(401) } },
    }, async (req) => describe(req.actor, req.session?.csrfToken ?? null))

    app.post('/workspace', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'], summary: 'Make the workspace in x-rapport-workspace the default of this session',
        headers: workspaceHeader, response: { 200: sessionView, ...errors(401, 403, 404) },
      },
    }, async (req) => {
      if (!req.session) throw new RapportError('forbidden', 'an API key belongs to one workspace; there is nothing to switch')
      await switchWorkspace(db, req.actor, req.session.tokenHash)
      return describe(req.actor, req.session.csrfToken)
    })

    app.patch('/me', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'], summary: 'Change your name or language', headers: workspaceHeader,
        body: z.object({ name: z.string().trim().min(1).max(200).optional(), locale: z.enum(LOCALES).optional() }),
        response: { 200: me, ...errors(400, 401, 403) },
      },
    }, async (req) => updateMe(db, req.actor, req.body))

    app.post('/password', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'], summary: 'Change your password (ends your other sessions)', headers: workspaceHeader,
        body: z.object({ current_password: z.string().min(1).max(200), new_password: z.string().min(1).max(200) }),
        response: { 204: z.undefined(), ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      await changePassword(db, req.actor, req.body.current_password, req.body.new_password, req.session?.tokenHash)
      return reply.code(204).send()
    })
  }
}
