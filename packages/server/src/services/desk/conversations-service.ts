import { randomUUID } from 'node:crypto'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid, notFound } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { conversationInput, conversationPatch, messageInput, type ConversationInput, type ConversationPatch, type MessageInput } from './conversation-input.ts'
import { selectConversation, type ConversationView } from './conversation-view.ts'
import { checkAgent, checkTeam } from './desk-people.ts'
import { refreshDeadlines } from './desk-settings.ts'
import { requestCsat } from './csat.ts'
import { currentChannels } from '../campaigns/channels.ts'
import { DEFAULT_DESK_MAIL_DOMAIN, deliverReply, replyMessageId } from './deliver-reply.ts'

export interface MessageView {
  id: number
  author: 'customer' | 'agent' | 'note' | 'assistant' | 'system'
  user_id: number | null
  user_name: string | null
  body: string
  /** E-mail replies: queued, sent, or failed (with delivery_error); null for messages that are not sent. */
  delivery: 'queued' | 'sent' | 'failed' | null
  delivery_error: string | null
  created_at: string
}

export interface ConversationThread extends ConversationView {
  messages: MessageView[]
}

const parseOrThrow = <T>(result: { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }): T => {
  if (result.success) return result.data
  throw invalid(result.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })))
}

async function selectMessages(db: Db, workspaceId: number, ticketId: number): Promise<MessageView[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT m.id, m.author, m.user_id, u.name AS user_name, m.body, m.delivery, m.delivery_error, ${isoTime('m.created_at')} AS created_at
       FROM ticket_messages m LEFT JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = $1 AND m.ticket_id = $2 ORDER BY m.created_at, m.id`,
    [workspaceId, ticketId],
  )
  return rows.map((r) => ({ ...(r as unknown as MessageView), id: Number(r.id), user_id: r.user_id === null ? null : Number(r.user_id) }))
}

/** A conversation with its whole thread, oldest message first. */
export async function getConversation(db: Db, actor: Actor, id: number): Promise<ConversationThread> {
  requirePermission(actor, 'customers:read')
  const view = await selectConversation(db, actor.workspaceId, id)
  return { ...view, messages: await selectMessages(db, actor.workspaceId, id) }
}

/** Opens a conversation for a stored customer; the triage picks it up (`desk.triage`). */
export async function createConversation(db: Db, actor: Actor, body: ConversationInput): Promise<ConversationThread> {
  requirePermission(actor, 'desk:reply')
  const input = parseOrThrow(conversationInput.safeParse(body))
  return inTransaction(db, async (tx) => {
    const [customer] = await tx.query(`SELECT 1 FROM customers WHERE workspace_id = $1 AND id = $2`, [actor.workspaceId, input.customer_internal_id])
    if (!customer) throw invalid([{ path: 'body.customer_internal_id', message: `customer ${input.customer_internal_id} does not exist in this workspace` }])
    const externalId = input.external_id ?? `desk-${randomUUID()}`
    const [r] = await tx.query<{ id: string }>(
      `INSERT INTO tickets (workspace_id, external_id, customer_id, channel, subject, body, status, priority, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'new', $7, now()) ON CONFLICT (workspace_id, external_id) DO NOTHING RETURNING id`,
      [actor.workspaceId, externalId, input.customer_internal_id, input.channel, input.subject, input.body, input.priority],
    )
    if (!r) throw invalid([{ path: 'body.external_id', message: `a ticket with external_id "${externalId}" already exists` }])
    const id = Number(r.id)
    await recordAudit(tx, actor, { action: 'create', entity: 'conversations', entityId: id, changes: { channel: { after: input.channel }, priority: { after: input.priority } } })
    return { ...(await selectConversation(tx, actor.workspaceId, id)), messages: await selectMessages(tx, actor.workspaceId, id) }
  })
}

const FINISHED = new Set(['solved', 'closed'])

/** Status bookkeeping shared by updates and messages: solved_at follows the status. */
const statusSql = (p: string) =>
  `solved_at = CASE WHEN ${p} IN ('solved', 'closed') THEN coalesce(c.solved_at, now()) ELSE NULL END`

/**
 * Changes a conversation's status, priority, tags, team, assignee or triage labels. An agent's intent or sentiment
 * replaces the triage's and is kept as a correction (intent_source agent) for the next training.
 */
export async function updateConversation(db: Db, actor: Actor, id: number, body: ConversationPatch): Promise<ConversationView> {
  requirePermission(actor, 'desk:reply')
  const patch = parseOrThrow(conversationPatch.safeParse(body))
  const after = await inTransaction(db, async (tx) => {
    const before = await selectConversation(tx, actor.workspaceId, id, true)
    if (patch.assignee_id != null) await checkAgent(tx, actor.workspaceId, patch.assignee_id, 'body.assignee_id')
    if (patch.team_id != null) await checkTeam(tx, actor.workspaceId, patch.team_id, 'body.team_id')
    // Giving a new conversation to someone means it is being worked on.
    const status = patch.status ?? (before.status === 'new' && patch.assignee_id != null ? 'open' : before.status)
    await tx.query(`UPDATE tickets SET status = $3, priority = $4, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
      [actor.workspaceId, id, status, patch.priority ?? before.priority])
    const assignee = patch.assignee_id === undefined ? before.assignee_id : patch.assignee_id
    await tx.query(
      `UPDATE conversations c SET tags = $3, team_id = $4, assignee_id = $5,
              assigned_at = CASE WHEN $5::int8 IS DISTINCT FROM c.assignee_id THEN CASE WHEN $5::int8 IS NULL THEN NULL ELSE now() END ELSE c.assigned_at END,
              intent = coalesce($6, c.intent), intent_confidence = CASE WHEN $6::text IS NULL THEN c.intent_confidence ELSE 1 END,
              intent_source = CASE WHEN $6::text IS NULL THEN c.intent_source ELSE 'agent' END,
              sentiment = coalesce($7, c.sentiment), sentiment_confidence = CASE WHEN $7::text IS NULL THEN c.sentiment_confidence ELSE 1 END,
              triage_state = CASE WHEN c.triage_state = 'needs_triage' AND ($6::text IS NOT NULL OR $7::text IS NOT NULL) THEN 'done' ELSE c.triage_state END,
              ${statusSql('$8')}
        WHERE c.workspace_id = $1 AND c.ticket_id = $2`,
      [actor.workspaceId, id, patch.tags ?? before.tags, patch.team_id === undefined ? before.team_id : patch.team_id, assignee,
        patch.intent ?? null, patch.sentiment ?? null, status],
    )
    // A new priority moves the deadlines (they count from when the conversation was opened).
    if (patch.priority !== undefined && patch.priority !== before.priority) await refreshDeadlines(tx, actor.workspaceId, [id])
    const after = await selectConversation(tx, actor.workspaceId, id)
    const changes: Record<string, { before: unknown; after: unknown }> = {}
    for (const k of ['status', 'priority', 'tags', 'team_id', 'assignee_id', 'intent', 'sentiment'] as const) {
      if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) changes[k] = { before: before[k], after: after[k] }
    }
    if (Object.keys(changes).length > 0) await recordAudit(tx, actor, { action: 'update', entity: 'conversations', entityId: id, changes })
    return after
  })
  if (patch.status === 'solved') await requestCsat(db, actor.workspaceId, id)
  return after
}

/**
 * Adds a message. A reply answers whoever was waiting (first response, waiting_since cleared) and leaves the
 * conversation pending on the customer; a customer message starts the wait and reopens it; a note changes nothing
 * but the thread. Closed conversations take notes only.
 */
export async function addMessage(db: Db, actor: Actor, id: number, body: MessageInput): Promise<ConversationThread> {
  requirePermission(actor, 'desk:reply')
  const input = parseOrThrow(messageInput.safeParse(body))
  const sent = await inTransaction(db, async (tx) => {
    const before = await selectConversation(tx, actor.workspaceId, id, true)
    if (before.status === 'closed' && input.author !== 'note') {
      const message = `conversation ${id} is closed: only internal notes can be added (open a new conversation to write to the customer)`
      throw invalid([{ path: 'body.author', message }], message)
    }
    const userId = actor.kind === 'user' && input.author !== 'customer' ? actor.id : null
    const [m] = await tx.query<{ id: string }>(`INSERT INTO ticket_messages (workspace_id, ticket_id, author, user_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [actor.workspaceId, id, input.author, userId, input.body])
    // A reply on an e-mail conversation goes to the customer once this commits (deliverReply); on a chat, too, when the
    // visitor left an address (the widget shows it either way).
    const mailed = input.author === 'agent' && (before.channel === 'email' || (before.channel === 'chat' && await hasEmail(tx, actor.workspaceId, id))) ? Number(m?.id) : null
    if (mailed !== null) {
      await tx.query(`UPDATE ticket_messages SET delivery = 'queued', message_id = $3 WHERE workspace_id = $1 AND id = $2`,
        [actor.workspaceId, mailed, replyMessageId(actor.workspaceId, mailed, currentChannels().deskMailDomain ?? DEFAULT_DESK_MAIL_DOMAIN)])
    }
    const status = input.status ?? (input.author === 'agent' ? (FINISHED.has(before.status) ? before.status : 'pending') : input.author === 'customer' ? 'open' : before.status)
    await tx.query(`UPDATE tickets SET status = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [actor.workspaceId, id, status])
    const wait = input.author === 'agent' ? 'NULL' : input.author === 'customer' ? 'coalesce(c.waiting_since, now())' : 'c.waiting_since'
    const first = input.author === 'agent' ? 'coalesce(c.first_response_at, now())' : 'c.first_response_at'
    await tx.query(
      `UPDATE conversations c SET waiting_since = ${wait}, first_response_at = ${first},
              last_message_at = CASE WHEN $3 = 'note' THEN c.last_message_at ELSE now() END, ${statusSql('$4')}
        WHERE c.workspace_id = $1 AND c.ticket_id = $2`,
      [actor.workspaceId, id, input.author, status],
    )
    // The audit row says who wrote what kind of message; the text stays in the thread, not in the log.
    await recordAudit(tx, actor, { action: 'message', entity: 'conversations', entityId: id, changes: { author: { after: input.author }, status: { before: before.status, after: status } } })
    return mailed
  })
  if (sent !== null) await deliverReply(db, actor.workspaceId, sent)
  if (input.status === 'solved') await requestCsat(db, actor.workspaceId, id)
  return { ...(await selectConversation(db, actor.workspaceId, id)), messages: await selectMessages(db, actor.workspaceId, id) }
}

async function hasEmail(tx: Db, workspaceId: number, ticketId: number): Promise<boolean> {
  const [r] = await tx.query(`SELECT 1 FROM tickets t JOIN customers c ON c.workspace_id = t.workspace_id AND c.id = t.customer_id
                               WHERE t.workspace_id = $1 AND t.id = $2 AND c.email IS NOT NULL`, [workspaceId, ticketId])
  return r !== undefined
}

/** Fails with 404 unless the conversation exists (used by routes that act on one). */
export async function requireConversation(db: Db, workspaceId: number, id: number): Promise<void> {
  const [r] = await db.query(`SELECT 1 FROM conversations WHERE workspace_id = $1 AND ticket_id = $2`, [workspaceId, id])
  if (!r) throw notFound(`conversation ${id}`)
}
