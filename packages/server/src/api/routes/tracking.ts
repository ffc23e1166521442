import rateLimit from '@fastify/rate-limit'
import { z } from 'zod'
import { RapportError } from '../../errors/rapport-error.ts'
import { recordClick, recordOpen, unsubscribe, unsubscribeTarget } from '../../services/campaigns/campaign-tracking.ts'
import { handleEmailWebhook, handleSmsWebhook } from '../../services/campaigns/campaign-webhooks.ts'
import { confirmationTarget, confirmByLink } from '../../services/campaigns/consent-confirmation.ts'
import type { Db } from '../../store/db.ts'
import { decimalId, errors } from '../schemas.ts'
import type { ZodApp } from './crud.ts'
import { confirmAskPage, confirmDonePage, confirmInvalidPage } from './confirm-pages.ts'
import { csatAskPage, csatDonePage, csatInvalidPage } from './csat-pages.ts'
import { answerCsat, csatTarget } from '../../services/desk/csat.ts'
import { askPage, donePage, invalidPage } from './tracking-pages.ts'

// A transparent 1×1 GIF.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
// A wildcard, not `:token`: the router caps named parameters at 100 characters, and a click token carries its URL.
const token = z.strictObject({ '*': z.string().min(1).max(8192).describe('The signed token') })

export interface TrackingRouteOptions {
  /** Requests per minute from one client address, for each tracking endpoint (default 600). */
  perMinute?: number
}

/**
 * /t: what campaign recipients and providers reach without signing in — the open pixel, click redirects, the
 * unsubscribe page (one-click POST per RFC 8058) and the signed bounce/complaint/SMS webhooks. Each token is
 * HMAC-signed; a forged or edited one is a 400 and never a redirect. Rate-limited per client address.
 */
export function trackingRoutes(db: Db, opts: TrackingRouteOptions = {}) {
  return async (app: ZodApp): Promise<void> => {
    await app.register(rateLimit, {
      global: true, max: opts.perMinute ?? 600, timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) => new RapportError('rate_limited', `too many requests from your address; retry in ${Math.ceil(ctx.ttl / 1000)} s`, { retryAfter: Math.ceil(ctx.ttl / 1000) }),
    })
    // Webhook signatures cover the exact bytes: JSON bodies are kept raw here and parsed after the check.
    app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body))
    // The one-click unsubscribe POST is a form body (List-Unsubscribe=One-Click).
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, body))
    const tags = ['tracking']

    app.get('/o/*', {
      config: { access: 'public' },
      schema: { tags, summary: 'Open pixel (a 1×1 GIF); records the first open', params: token },
    }, async (req, reply) => {
      await recordOpen(db, req.params['*'])
      return reply.header('cache-control', 'no-store').type('image/gif').send(PIXEL)
    })

    app.get('/c/*', {
      config: { access: 'public' },
      schema: { tags, summary: 'Click redirect: records the click and redirects to the signed target (http/https only)', params: token, response: { ...errors(400, 429) } },
    }, async (req, reply) => {
      const target = await recordClick(db, req.params['*'])
      return reply.header('cache-control', 'no-store').redirect(target, 302)
    })

    app.get('/u/*', {
      config: { access: 'public' },
      schema: { tags, summary: 'Unsubscribe page (asks first: link scanners must not unsubscribe anyone)', params: token },
    }, async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      try {
        const t = await unsubscribeTarget(db, req.params['*'])
        return t.alreadyDone ? donePage(t.lang, t.workspaceName, t.channel) : askPage(t.lang, t.workspaceName, t.channel, `./${encodeURIComponent(req.params['*'])}`)
      } catch (e) {
        if (e instanceof RapportError && e.code === 'validation_failed') return reply.code(400).send(invalidPage())
        throw e
      }
    })

    app.post('/u/*', {
      config: { access: 'public' },
      schema: { tags, summary: 'Unsubscribe (the page\'s button, or a mail client\'s RFC 8058 one-click POST)', params: token },
    }, async (req, reply) => {
      const oneClick = typeof req.body === 'string' && /(^|&)List-Unsubscribe=One-Click(&|$)/.test(req.body)
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      try {
        const t = await unsubscribe(db, req.params['*'], oneClick ? 'one-click' : 'link')
        return donePage(t.lang, t.workspaceName, t.channel)
      } catch (e) {
        if (e instanceof RapportError && e.code === 'validation_failed') return reply.code(400).send(invalidPage())
        throw e
      }
    })

    app.get('/s/*', {
      config: { access: 'public' },
      schema: { tags, summary: 'Satisfaction (CSAT) page of a solved conversation: 1–5 and a comment', params: token },
    }, async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      try {
        const t = await csatTarget(db, req.params['*'])
        return t.rating !== null ? csatDonePage(t.lang, t.workspaceName, t.rating) : csatAskPage(t.lang, t.workspaceName, `./${encodeURIComponent(req.params['*'])}`)
      } catch (e) {
        if (e instanceof RapportError && e.code === 'validation_failed') return reply.code(400).send(csatInvalidPage())
        throw e
      }
    })

    app.post('/s/*', {
      config: { access: 'public' },
      schema: { tags, summary: 'Records a satisfaction answer (the page\'s form: rating 1–5, comment); the first answer counts', params: token },
    }, async (req, reply) => {
      const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '')
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      try {
        const t = await answerCsat(db, req.params['*'], Number(form.get('rating')), form.get('comment') ?? '')
        return csatDonePage(t.lang, t.workspaceName, t.rating ?? 0)
      } catch (e) {
        if (e instanceof RapportError && e.code === 'validation_failed') return reply.code(400).send(csatInvalidPage())
        throw e
      }
    })

    app.get('/k/*', {
      config: { access: 'public' },
      schema: { tags, summary: 'Double opt-in confirmation page (asks first: link scanners must not confirm for anyone)', params: token },
    }, async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      try {
        const t = await confirmationTarget(db, req.params['*'])
        return t.state === 'ask' ? confirmAskPage(t.lang, t.workspaceName, t.payload.ch, `./${encodeURIComponent(req.params['*'])}`) : confirmDonePage(t.lang, t.workspaceName, t.payload.ch, t.state)
      } catch (e) {
        if (e instanceof RapportError && e.code === 'validation_failed') return reply.code(400).send(confirmInvalidPage())
        throw e
      }
    })

    app.post('/k/*', {
      config: { access: 'public' },
      schema: { tags, summary: 'Confirms a double opt-in (the page\'s button): appends a confirmed grant to the consent ledger', params: token },
    }, async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      try {
        const t = await confirmByLink(db, req.params['*'])
        return confirmDonePage(t.lang, t.workspaceName, t.payload.ch, t.state === 'withdrawn' ? 'withdrawn' : 'done')
      } catch (e) {
        if (e instanceof RapportError && e.code === 'validation_failed') return reply.code(400).send(confirmInvalidPage())
        throw e
      }
    })

    const wsParam = z.strictObject({ workspace: decimalId.describe('Workspace id') })
    const raw = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0))
    const signature = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h)

    app.post('/webhooks/:workspace/email', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'Bounce, complaint and delivery reports (signed: x-rapport-signature)', params: wsParam,
        response: { 200: z.object({ matched: z.number().int(), suppressed: z.number().int() }), ...errors(400, 401, 429) },
      },
    }, async (req) => handleEmailWebhook(db, req.params.workspace, raw(req.body), signature(req.headers['x-rapport-signature'])))

    app.post('/webhooks/:workspace/sms', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'SMS delivery reports and replies ("STOP" / "退订" unsubscribes, "YES" / "是" confirms a double opt-in; signed: x-rapport-signature)', params: wsParam,
        response: { 200: z.object({ matched: z.number().int(), revoked: z.number().int(), confirmed: z.number().int() }), ...errors(400, 401, 429) },
      },
    }, async (req) => handleSmsWebhook(db, req.params.workspace, raw(req.body), signature(req.headers['x-rapport-signature'])))
  }
}
