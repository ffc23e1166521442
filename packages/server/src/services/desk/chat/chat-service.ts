import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { detectLanguage } from '@rapport/ml'
import type { Queue } from '../../../adapters/queue/index.ts'
import type { Actor } from '../../../domain/actor.ts'
import { RapportError } from '../../../errors/rapport-error.ts'
import type { Db } from '../../../store/db.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { parseInput } from '../../parse-input.ts'
import { customerByEmail } from '../customer-by-email.ts'
import { articleText } from './chat-text.ts'
import { widgetBySiteKey, type ChatWidget } from './chat-widget.ts'
import { CHAT_TEXT, type HandOffWhy } from './chat-phrases.ts'
import { asksForHuman } from './human-request.ts'
import { askKnowledgeBase, type ChatLang } from './kb-assistant.ts'
import { chatSentiment } from './chat-sentiment.ts'

/** Longest visitor message (characters) and most messages one chat may hold. */
export const CHAT_LIMITS = { text: 2000, messagesPerSession: 200 } as const

/** Where a widget request comes from: its site key and the page's origin (and the dashboard's own, for the preview). */
export interface WidgetCaller {
  siteKey: string
  origin: string | undefined
  selfOrigin: string
  ip?: string | undefined
}

export interface ChatChoice {
  article_id: number
  title: string
}

export interface ChatMessageView {
  id: string
  author: 'visitor' | 'assistant' | 'agent'
  body: string
  created_at: string
  /** answer: the article it came from; clarify: the two to choose from; hand_off: why. */
  action: 'greeting' | 'answer' | 'clarify' | 'hand_off' | 'contact' | null
  article: ChatChoice | null
  choices: ChatChoice[]
}

export interface ChatView {
  status: 'assistant' | 'handed_off' | 'closed'
  lang: ChatLang
  greeting: string
  email_known: boolean
  messages: ChatMessageView[]
}

interface SessionRow {
  workspace_id: string
  id: string
  lang: ChatLang
  status: ChatView['status']
  email: string | null
  name: string | null
  ticket_id: string | null
  clarify: string[] | null
  transcript_from: string
}

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest()

/** The page may embed the widget: its origin is allowed, or it is the dashboard itself (the live preview). */
async function checkedWidget(db: Db, caller: WidgetCaller): Promise<ChatWidget> {
  const widget = /^pk_[A-Za-z0-9_-]{20,64}$/.test(caller.siteKey) ? await widgetBySiteKey(db, caller.siteKey) : null
  if (!widget) throw new RapportError('not_found', 'unknown site key: copy the embed code again from Desk → Chat widget', { details: [{ path: 'headers.x-rapport-site-key', message: 'no widget has this key' }] })
  if (!widget.enabled) throw new RapportError('unavailable', 'the chat is switched off for this site')
  if (!caller.origin) throw new RapportError('forbidden', 'the widget is called from web pages only: the request has no Origin header')
  if (caller.origin !== caller.selfOrigin && !widget.allowed_origins.includes(caller.origin)) {
    throw new RapportError('forbidden', `pages on ${caller.origin} may not embed this chat: add the origin under Desk → Chat widget → Allowed origins`)
  }
  return widget
}

async function sessionOf(db: Db, caller: WidgetCaller, token: string, lock = false): Promise<{ widget: ChatWidget; s: SessionRow }> {
  const widget = await checkedWidget(db, caller)
  const [s] = await db.query<SessionRow>(
    `SELECT workspace_id, id, lang, status, email, name, ticket_id, clarify, transcript_from FROM chat_sessions
      WHERE token_hash = $1 AND workspace_id = $2${lock ? ' FOR UPDATE' : ''}`, [hashToken(token), widget.workspace_id])
  if (!s) throw new RapportError('unauthenticated', 'this chat has ended or belongs to another site: start a new one')
  return { widget, s }
}

/** The visitor, as the audit log records them: no permissions, labelled with the chat. */
const visitor = (s: SessionRow, ip: string | undefined): Actor => ({
  kind: 'system', id: null, label: `chat:${s.id}`, workspaceId: Number(s.workspace_id), role: 'viewer', permissions: new Set(), ip,
})

const greetingOf = (w: ChatWidget, lang: ChatLang): string => (lang === 'zh' ? w.greeting_zh : w.greeting_en)

/** Opens a chat for a visitor; the returned token is the only way back into it (the page keeps it). */
export async function startChat(db: Db, caller: WidgetCaller, body: unknown): Promise<{ token: string; chat: ChatView }> {
  const input = parseInput(z.strictObject({ lang: z.enum(['en', 'zh']).default('en') }), body ?? {})
  const widget = await checkedWidget(db, caller)
  const token = `ct_${randomBytes(32).toString('base64url')}`
  await db.query(`INSERT INTO chat_sessions (workspace_id, token_hash, lang, origin) VALUES ($1, $2, $3, $4)`,
    [widget.workspace_id, hashToken(token), input.lang, caller.origin ?? null])
  return { token, chat: { status: 'assistant', lang: input.lang, greeting: greetingOf(widget, input.lang), email_known: false, messages: [] } }
}

/** What the visitor sees: their chat with the assistant and, after a hand-off, the agents' replies. Nothing else. */
export async function readChat(db: Db, caller: WidgetCaller, token: string): Promise<ChatView> {
  const { widget, s } = await sessionOf(db, caller, token)
  await db.query(`UPDATE chat_sessions SET last_seen_at = now() WHERE workspace_id = $1 AND id = $2`, [s.workspace_id, s.id])
  return viewOf(db, widget, s)
}

async function viewOf(db: Db, widget: ChatWidget, s: SessionRow): Promise<ChatView> {
  const rows = await db.query<{ id: string; author: ChatMessageView['author']; body: string; decision: Record<string, unknown> | null; at: string }>(
    `SELECT 'c' || id AS id, author, body, decision, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, created_at, id AS n
       FROM chat_messages WHERE workspace_id = $1 AND session_id = $2
     UNION ALL
     SELECT 'm' || id, 'agent', body, NULL, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), created_at, id
       FROM ticket_messages WHERE workspace_id = $1 AND ticket_id = $3 AND author = 'agent'
     ORDER BY created_at, n`, [s.workspace_id, s.id, s.ticket_id])
  return {
    status: s.status, lang: s.lang, greeting: greetingOf(widget, s.lang), email_known: s.email !== null,
    messages: rows.map((r) => ({
      id: r.id, author: r.author, body: r.body, created_at: r.at,
      action: (r.decision?.action as ChatMessageView['action']) ?? null,
      article: (r.decision?.article as ChatChoice | undefined) ?? null,
      choices: (r.decision?.choices as ChatChoice[] | undefined) ?? [],
    })),
  }
}

async function addChatMessage(db: Db, s: SessionRow, author: 'visitor' | 'assistant', body: string, decision: Record<string, unknown> | null = null): Promise<number> {
  const [r] = await db.query<{ id: string }>(`INSERT INTO chat_messages (workspace_id, session_id, author, body, decision) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
    [s.workspace_id, s.id, author, body, decision === null ? null : JSON.stringify(decision)])
  return Number(r?.id)
}

const messageText = z.strictObject({ text: z.string().trim().min(1, 'must not be empty').max(CHAT_LIMITS.text, `must be at most ${CHAT_LIMITS.text} characters`) })

/**
 * A visitor's message. While the assistant has the chat it answers from the published articles of the message's
 * language, asks which of two close articles is meant, or hands off — when asked for a person, when the visitor
 * sounds unhappy, or when the knowledge base is not sure (the widget's policy). After a hand-off the message joins
 * the conversation for the agent.
 */
export async function postChatMessage(db: Db, queue: Queue, caller: WidgetCaller, token: string, body: unknown): Promise<ChatView> {
  const { text } = parseInput(messageText, body)
  const handedOff = await db.transaction(async (tx) => {
    const { widget, s } = await sessionOf(tx, caller, token, true)
    const [n] = await tx.query<{ n: string }>(`SELECT count(*) AS n FROM chat_messages WHERE workspace_id = $1 AND session_id = $2`, [s.workspace_id, s.id])
    if (Number(n?.n) >= CHAT_LIMITS.messagesPerSession) throw new RapportError('rate_limited', `this chat has reached ${CHAT_LIMITS.messagesPerSession} messages: start a new one`)
    if (s.status === 'closed') throw new RapportError('conflict', 'this chat is closed: start a new one')
    await addChatMessage(tx, s, 'visitor', text)
    if (s.status === 'handed_off') return (await followUp(tx, s, text)) ? null : await assistantTurn(tx, widget, s, text, caller.ip)
    return assistantTurn(tx, widget, s, text, caller.ip)
  })
  await triageHandOff(queue, handedOff)
  return readChat(db, caller, token)
}

/** The visitor's message after a hand-off joins the open conversation; false when that conversation is finished. */
async function followUp(tx: Db, s: SessionRow, text: string): Promise<boolean> {
  const [t] = await tx.query<{ status: string }>(`SELECT status FROM tickets WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [s.workspace_id, s.ticket_id])
  if (!t || t.status === 'closed') {
    // The conversation is over: the assistant takes the chat again, and a later hand-off opens a new conversation.
    const [last] = await tx.query<{ id: string }>(`SELECT max(id) AS id FROM chat_messages WHERE workspace_id = $1 AND session_id = $2`, [s.workspace_id, s.id])
    await tx.query(`UPDATE chat_sessions SET status = 'assistant', transcript_from = $3 WHERE workspace_id = $1 AND id = $2`, [s.workspace_id, s.id, last?.id])
    s.status = 'assistant'
    s.transcript_from = String(last?.id)
    return false
  }
  await tx.query(`INSERT INTO ticket_messages (workspace_id, ticket_id, author, body) VALUES ($1, $2, 'customer', $3)`, [s.workspace_id, s.ticket_id, text])
  await tx.query(`UPDATE tickets SET status = 'open', updated_at = now() WHERE workspace_id = $1 AND id = $2`, [s.workspace_id, s.ticket_id])
  await tx.query(`UPDATE conversations SET waiting_since = coalesce(waiting_since, now()), last_message_at = now(), solved_at = NULL WHERE workspace_id = $1 AND ticket_id = $2`,
    [s.workspace_id, s.ticket_id])
  return true
}

type HandOff = { workspaceId: number; ticketId: number }

/** A conversation the chat just opened is triaged like any other (after its transaction committed). */
async function triageHandOff(queue: Queue, h: HandOff | null): Promise<void> {
  if (h !== null) await queue.enqueue('desk.triage', { ticket_ids: [h.ticketId] }, { workspaceId: h.workspaceId, actorLabel: 'system', retryLimit: 1 })
}

async function assistantTurn(tx: Db, widget: ChatWidget, s: SessionRow, text: string, ip: string | undefined): Promise<HandOff | null> {
  const guess = detectLanguage(text).lang
  const lang: ChatLang = guess === 'zh' || guess === 'en' ? guess : s.lang
  if (asksForHuman(text)) return handOff(tx, s, 'asked_for_human', lang, ip)
  const mood = await chatSentiment(tx, Number(s.workspace_id), text)
  if (mood.negative) return handOff(tx, s, 'negative_sentiment', lang, ip)
  const policy = { minConfidence: widget.min_confidence, minRetrievalShare: widget.min_retrieval_share, clarifyMargin: widget.clarify_margin }
  const a = await askKnowledgeBase(tx, Number(s.workspace_id), lang, text, policy)
  switch (a.action) {
    case 'answer': {
      const article = { article_id: a.article.id, title: a.article.title }
      await addChatMessage(tx, s, 'assistant', articleText(a.article.body), { action: 'answer', article, confidence: a.confidence })
      await setClarify(tx, s, null)
      return null
    }
    case 'clarify': {
      const choices = a.articles.map((x) => ({ article_id: x.id, title: x.title }))
      await addChatMessage(tx, s, 'assistant', CHAT_TEXT[lang].clarify, { action: 'clarify', choices, confidence: a.confidence })
      await setClarify(tx, s, choices.map((c) => c.article_id))
      return null
    }
    case 'hand_off':
      return handOff(tx, s, a.reason, lang, ip)
  }
}

const setClarify = (tx: Db, s: SessionRow, ids: number[] | null) =>
  tx.query(`UPDATE chat_sessions SET clarify = $3 WHERE workspace_id = $1 AND id = $2`, [s.workspace_id, s.id, ids])

/**
 * The visitor's answer to "did you mean A or B?": the chosen article's answer, or (null: neither) a hand-off.
 * Only the two articles offered can be chosen.
 */
export async function chooseArticle(db: Db, queue: Queue, caller: WidgetCaller, token: string, body: unknown): Promise<ChatView> {
  const { article_id } = parseInput(z.strictObject({ article_id: z.number().int().positive().nullable().describe('One of the two offered; null for neither') }), body)
  const handedOff = await db.transaction(async (tx) => {
    const { s } = await sessionOf(tx, caller, token, true)
    const offered = (s.clarify ?? []).map(Number)
    if (s.status !== 'assistant' || offered.length === 0) throw new RapportError('conflict', 'there is no question to choose an answer for')
    if (article_id !== null && !offered.includes(article_id)) {
      throw new RapportError('validation_failed', `article ${article_id} was not offered`, { details: [{ path: 'body.article_id', message: `must be one of ${offered.join(', ')} or null` }] })
    }
    await setClarify(tx, s, null)
    if (article_id === null) {
      await addChatMessage(tx, s, 'visitor', CHAT_TEXT[s.lang].neither)
      return handOff(tx, s, 'not_helpful', s.lang, caller.ip)
    }
    const [a] = await tx.query<{ title: string; body: string }>(`SELECT title, body FROM kb_articles WHERE workspace_id = $1 AND id = $2 AND status = 'published'`, [s.workspace_id, article_id])
    if (!a) throw new RapportError('conflict', `article ${article_id} is no longer published`)
    await addChatMessage(tx, s, 'visitor', a.title)
    await addChatMessage(tx, s, 'assistant', articleText(a.body), { action: 'answer', article: { article_id, title: a.title }, chosen: true })
    return null
  })
  await triageHandOff(queue, handedOff)
  return readChat(db, caller, token)
}

/** The "talk to a person" button. */
export async function requestPerson(db: Db, queue: Queue, caller: WidgetCaller, token: string): Promise<ChatView> {
  const handedOff = await db.transaction(async (tx) => {
    const { s } = await sessionOf(tx, caller, token, true)
    if (s.status !== 'assistant') return null
    await addChatMessage(tx, s, 'visitor', CHAT_TEXT[s.lang].person)
    return handOff(tx, s, 'asked_for_human', s.lang, caller.ip)
  })
  await triageHandOff(queue, handedOff)
  return readChat(db, caller, token)
}

/**
 * Opens a conversation with the transcript: the visitor's first message opens the ticket (the insert trigger files
 * it), the rest follow with their times, the assistant's turns as assistant messages and a system line saying why
 * it handed off. The visitor's customer is the one with their e-mail, else a chat visitor made for this chat.
 */
async function handOff(tx: Db, s: SessionRow, why: HandOffWhy, lang: ChatLang, ip: string | undefined): Promise<HandOff> {
  const ws = Number(s.workspace_id)
  const transcript = await tx.query<{ id: string; author: 'visitor' | 'assistant'; body: string; created_at: Date }>(
    `SELECT id, author, body, created_at FROM chat_messages WHERE workspace_id = $1 AND session_id = $2 AND id > $3 ORDER BY id`, [ws, s.id, s.transcript_from])
  const first = transcript.find((m) => m.author === 'visitor')
  // Every hand-off follows a visitor's message (their question, "neither", or the button's words).
  if (!first) throw new Error(`chat ${s.id}: a hand-off without a visitor message`)
  const customerId = s.email ? await customerByEmail(tx, ws, s.email, s.name ?? '') : await chatVisitor(tx, ws, s)
  const subject = first.body.replace(/\s+/g, ' ').slice(0, 120)
  const [t] = await tx.query<{ id: string }>(
    `INSERT INTO tickets (workspace_id, external_id, customer_id, channel, subject, body, status, priority, opened_at)
     VALUES ($1, $2, $3, 'chat', $4, $5, 'new', 'normal', $6) RETURNING id`,
    [ws, `chat-${s.id}-${first.id}`, customerId, subject, first.body, first.created_at])
  const ticketId = Number(t?.id)
  const rest = transcript.filter((m) => m !== first)
  if (rest.length > 0) {
    await tx.query(
      `INSERT INTO ticket_messages (workspace_id, ticket_id, author, body, created_at)
       SELECT $1, $2, CASE WHEN a = 'visitor' THEN 'customer' ELSE 'assistant' END, b, c FROM unnest($3::text[], $4::text[], $5::timestamptz[]) AS x(a, b, c)`,
      [ws, ticketId, rest.map((m) => m.author), rest.map((m) => m.body), rest.map((m) => m.created_at)])
  }
  await tx.query(`INSERT INTO ticket_messages (workspace_id, ticket_id, author, body) VALUES ($1, $2, 'system', $3)`, [ws, ticketId, CHAT_TEXT.handOffNote[why]])
  await tx.query(`UPDATE conversations SET last_message_at = now() WHERE workspace_id = $1 AND ticket_id = $2`, [ws, ticketId])
  await tx.query(`UPDATE chat_sessions SET status = 'handed_off', ticket_id = $3, clarify = NULL WHERE workspace_id = $1 AND id = $2`, [ws, s.id, ticketId])
  s.status = 'handed_off'
  s.ticket_id = String(ticketId)
  const say = CHAT_TEXT[lang]
  await addChatMessage(tx, s, 'assistant', s.email ? `${say.handOff} ${say.replyByMail(s.email)}` : `${say.handOff} ${say.leaveEmail}`, { action: 'hand_off', reason: why })
  await recordAudit(tx, visitor(s, ip), { action: 'create', entity: 'conversations', entityId: ticketId, changes: { channel: { after: 'chat' }, hand_off: { after: why } } })
  return { workspaceId: ws, ticketId }
}

/** The customer record of an anonymous visitor, one per chat (replaced by the real one if they leave an e-mail). */
async function chatVisitor(tx: Db, ws: number, s: SessionRow): Promise<number> {
  const [c] = await tx.query<{ id: string }>(
    `INSERT INTO customers (workspace_id, external_id, name) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id, external_id) DO UPDATE SET name = coalesce(customers.name, EXCLUDED.name) RETURNING id`,
    [ws, `chat:${s.id}`, s.name ?? CHAT_TEXT[s.lang].visitorName])
  return Number(c?.id)
}

const contactInput = z.strictObject({
  email: z.email('is not an e-mail address').max(320).transform((e) => e.trim().toLowerCase()),
  name: z.string().trim().min(1).max(200).optional(),
})

/**
 * The visitor leaves an e-mail address: agents' replies also go there. An open conversation moves to the customer
 * with that address (the anonymous chat visitor is removed when nothing else refers to it).
 */
export async function leaveContact(db: Db, caller: WidgetCaller, token: string, body: unknown): Promise<ChatView> {
  const input = parseInput(contactInput, body)
  await db.transaction(async (tx) => {
    const { s } = await sessionOf(tx, caller, token, true)
    await tx.query(`UPDATE chat_sessions SET email = $3, name = coalesce($4, name) WHERE workspace_id = $1 AND id = $2`, [s.workspace_id, s.id, input.email, input.name ?? null])
    if (s.ticket_id !== null) {
      const ws = Number(s.workspace_id)
      const customerId = await customerByEmail(tx, ws, input.email, input.name ?? s.name ?? '')
      await tx.query(`UPDATE tickets SET customer_id = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [ws, s.ticket_id, customerId])
      await tx.query(
        `DELETE FROM customers c WHERE c.workspace_id = $1 AND c.external_id = $2 AND c.email IS NULL
            AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.workspace_id = c.workspace_id AND t.customer_id = c.id)`, [ws, `chat:${s.id}`])
    }
    await addChatMessage(tx, s, 'assistant', CHAT_TEXT[s.lang].replyByMail(input.email), { action: 'contact' })
  })
  return readChat(db, caller, token)
}
