import { readFileSync } from 'node:fs'
import rateLimit from '@fastify/rate-limit'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Queue } from '../../adapters/queue/index.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import { chooseArticle, CHAT_LIMITS, leaveContact, postChatMessage, readChat, requestPerson, startChat, type WidgetCaller } from '../../services/desk/chat/chat-service.ts'
import type { Db } from '../../store/db.ts'
import { errors } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

/** The embeddable script (plain JavaScript, no build step): read once at start-up. */
const WIDGET_JS = readFileSync(new URL('../widget/chat-widget.js', import.meta.url), 'utf8')

export interface WidgetRouteOptions {
  /** Requests per minute from one client address to the chat endpoints (default 120). */
  perMinute?: number | undefined
}

const choice = z.object({ article_id: z.number().int(), title: z.string() })
const chatOut = z.object({
  status: z.enum(['assistant', 'handed_off', 'closed']),
  lang: z.enum(['en', 'zh']),
  greeting: z.string(),
  email_known: z.boolean().describe('Whether replies also go to an e-mail address the visitor left'),
  messages: z.array(z.object({
    id: z.string(),
    author: z.enum(['visitor', 'assistant', 'agent']),
    body: z.string().describe('Plain text: show it as text, never as HTML'),
    created_at: z.string(),
    action: z.enum(['greeting', 'answer', 'clarify', 'hand_off', 'contact']).nullable(),
    article: choice.nullable().describe('answer: the article the text comes from'),
    choices: z.array(choice).describe('clarify: the two articles to choose from'),
  })),
})
const siteKeyHeader = z.object({ 'x-rapport-site-key': z.string().max(100).describe("The widget's public site key (Desk → Chat widget)") })
const chatHeaders = siteKeyHeader.extend({ authorization: z.string().max(200).optional().describe('Bearer <the chat token from POST /widget/v1/sessions>') })

/** The try-it page: a heading, a paragraph and the embed tag (the key matched its pattern, so it needs no escaping). */
function testPage(key: string, lang: 'en' | 'zh'): string {
  const zh = lang === 'zh'
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${zh ? '聊天窗口测试页' : 'Chat widget test page'}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
<h1>${zh ? '聊天窗口测试页' : 'Chat widget test page'}</h1>
<p>${zh ? '点击右下角的按钮，像顾客一样提问。' : 'Use the button at the bottom right and ask as a customer would.'}</p>
<script src="./chat-widget.js" data-site-key="${key}" data-lang="${lang}" async></script>
</body></html>`
}

function caller(req: FastifyRequest): WidgetCaller {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined
  return { siteKey: String(req.headers['x-rapport-site-key'] ?? ''), origin, selfOrigin: `${req.protocol}://${req.host}`, ip: req.ip }
}

function chatToken(req: FastifyRequest): string {
  const m = /^Bearer (ct_[A-Za-z0-9_-]{20,100})$/.exec(String(req.headers.authorization ?? ''))
  if (!m?.[1]) throw new RapportError('unauthenticated', 'the chat token is missing: send Authorization: Bearer <token from POST /widget/v1/sessions>')
  return m[1]
}

/**
 * /widget/v1: what the embeddable chat reaches without signing in. The site key names the workspace's widget (a
 * public key; it grants nothing); every call must come from a page on an allowed origin (or the dashboard itself,
 * for the preview); a chat token reads and writes that one chat only. Any origin may ask (CORS preflight); the
 * service refuses the disallowed ones. Rate-limited per client address; bodies are small.
 */
export function widgetRoutes(db: Db, queue: Queue, opts: WidgetRouteOptions = {}) {
  return async (app: ZodApp): Promise<void> => {
    await app.register(rateLimit, {
      global: true, max: opts.perMinute ?? 120, timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) => new RapportError('rate_limited', `too many chat requests from your address; retry in ${Math.ceil(ctx.ttl / 1000)} s`, { retryAfter: Math.ceil(ctx.ttl / 1000) }),
    })
    // Pages elsewhere load the script and read the answers: the dashboard's same-origin defaults do not apply here.
    app.addHook('onSend', async (req, reply: FastifyReply) => {
      reply.header('cross-origin-resource-policy', 'cross-origin')
      if (typeof req.headers.origin === 'string') reply.header('access-control-allow-origin', req.headers.origin).header('vary', 'Origin')
    })
    const tags = ['widget']

    app.get('/chat-widget.js', {
      config: { access: 'public' },
      schema: { tags, summary: 'The embeddable chat script: <script src=".../widget/v1/chat-widget.js" data-site-key="pk_…" data-lang="zh" async></script>' },
    }, async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(WIDGET_JS))

    app.get('/test-page', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'A plain page with the widget embedded, to try it (served by Rapport, so its origin is always allowed)',
        querystring: z.strictObject({ key: z.string().regex(/^pk_[A-Za-z0-9_-]{20,64}$/, 'is not a site key (pk_…)').describe('The site key'), lang: z.enum(['en', 'zh']).default('en') }),
      },
    }, async (req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(testPage(req.query.key, req.query.lang)))

    app.options('/*', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.code(204).header('access-control-allow-methods', 'POST').header('access-control-allow-headers', 'content-type, authorization, x-rapport-site-key')
        .header('access-control-max-age', '600').send())

    const bodyLimit = 4 * CHAT_LIMITS.text + 1024
    app.post('/sessions', {
      config: { access: 'public' }, bodyLimit,
      schema: {
        tags, summary: 'Start a chat; the token in the answer is the only way back into it', headers: siteKeyHeader,
        body: z.strictObject({ lang: z.enum(['en', 'zh']).optional() }).optional(),
        response: { 201: z.object({ token: z.string(), chat: chatOut }), ...errors(400, 403, 404, 413, 429, 503) },
      },
    }, async (req, reply) => reply.code(201).send(await startChat(db, caller(req), req.body)))

    app.post('/chat', {
      config: { access: 'public' }, bodyLimit,
      schema: { tags, summary: 'The chat so far (the assistant, and the agents after a hand-off)', headers: chatHeaders, response: { 200: chatOut, ...errors(401, 403, 404, 429, 503) } },
    }, async (req) => readChat(db, caller(req), chatToken(req)))

    app.post('/messages', {
      config: { access: 'public' }, bodyLimit,
      schema: {
        tags, summary: "The visitor's message; the assistant answers, asks which of two articles, or hands off", headers: chatHeaders,
        body: z.strictObject({ text: z.string() }), response: { 200: chatOut, ...errors(400, 401, 403, 404, 409, 413, 429, 503) },
      },
    }, async (req) => postChatMessage(db, queue, caller(req), chatToken(req), req.body))

    app.post('/choice', {
      config: { access: 'public' }, bodyLimit,
      schema: {
        tags, summary: 'Answer to "did you mean A or B?": one of the two articles, or null for neither (a hand-off)', headers: chatHeaders,
        body: z.strictObject({ article_id: z.number().int().nullable() }), response: { 200: chatOut, ...errors(400, 401, 403, 404, 409, 429, 503) },
      },
    }, async (req) => chooseArticle(db, queue, caller(req), chatToken(req), req.body))

    app.post('/person', {
      config: { access: 'public' }, bodyLimit,
      schema: { tags, summary: 'Talk to a person: hands the chat off now', headers: chatHeaders, response: { 200: chatOut, ...errors(401, 403, 404, 429, 503) } },
    }, async (req) => requestPerson(db, queue, caller(req), chatToken(req)))

    app.post('/contact', {
      config: { access: 'public' }, bodyLimit,
      schema: {
        tags, summary: "The visitor's e-mail (and name): agents' replies also go there", headers: chatHeaders,
        body: z.strictObject({ email: z.string(), name: z.string().optional() }), response: { 200: chatOut, ...errors(400, 401, 403, 404, 429, 503) },
      },
    }, async (req) => leaveContact(db, caller(req), chatToken(req), req.body))
  }
}
