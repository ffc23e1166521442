import { simpleParser, type ParsedMail } from 'mailparser'
import type { Db } from '../../store/db.ts'
import { MESSAGE_MAX_CHARS } from './conversation-input.ts'
import { customerByEmail } from './customer-by-email.ts'

export interface ReceivedMail {
  /** The raw message as it arrived. */
  raw: Buffer
  mailFrom: string
  rcptTo: string
}

export type InboundOutcome =
  | { status: 'threaded' | 'opened'; ticketId: number; messageId: number; inboundId: number }
  /** kept: stored raw with the reason, nothing filed (malformed); refused: the sender should be told (too long). */
  | { status: 'kept' | 'refused'; reason: string; inboundId: number }

const MESSAGE_ID = /<[^<>\s]+>/g

/** The Message-IDs this mail answers: In-Reply-To first, then References from the newest. */
function answeredIds(p: ParsedMail): string[] {
  const refs = Array.isArray(p.references) ? p.references : p.references ? [p.references] : []
  const all = [...(p.inReplyTo?.match(MESSAGE_ID) ?? []), ...refs.flatMap((r) => r.match(MESSAGE_ID) ?? []).reverse()]
  return [...new Set(all)]
}

/**
 * Files one inbound e-mail in a workspace's desk. The raw message is stored first, on its own, so nothing received
 * is lost whatever happens next; then, in one transaction: a reply (In-Reply-To / References naming a message of an
 * unfinished or solved conversation) joins that conversation and reopens it, anything else opens a new conversation
 * for the customer with the sender's address (created when there is none). A message that cannot be read, or whose
 * text is too long, is refused with the reason kept beside the raw bytes.
 */
export async function receiveMail(db: Db, workspaceId: number, mail: ReceivedMail): Promise<InboundOutcome> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO desk_inbound_mail (workspace_id, mail_from, rcpt_to, size, raw) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [workspaceId, mail.mailFrom, mail.rcptTo, mail.raw.length, mail.raw],
  )
  const inboundId = Number(row?.id)
  const refuse = async (reason: string, status: 'kept' | 'refused' = 'kept'): Promise<InboundOutcome> => {
    await db.query(`UPDATE desk_inbound_mail SET error = $3 WHERE workspace_id = $1 AND id = $2`, [workspaceId, inboundId, reason])
    return { status, reason, inboundId }
  }
  let parsed: ParsedMail
  try {
    parsed = await simpleParser(mail.raw)
  } catch (err) {
    return refuse(`the message could not be read as MIME: ${(err as Error).message}`)
  }
  const sender = parsed.from?.value[0]
  const address = (sender?.address ?? mail.mailFrom).trim().toLowerCase()
  if (!address.includes('@')) return refuse('the message has no sender address (From or MAIL FROM)')
  const body = (parsed.text ?? '').trim()
  if (body.length > MESSAGE_MAX_CHARS) return refuse(`the text is ${body.length} characters long; the desk keeps at most ${MESSAGE_MAX_CHARS}`, 'refused')
  const subject = (parsed.subject ?? '').trim().slice(0, 300) || '(no subject)'
  const messageId = parsed.messageId ?? null
  const inReplyTo = answeredIds(parsed)[0] ?? null

  const outcome = await db.transaction(async (tx) => {
    if (messageId) {
      const [dup] = await tx.query<{ id: string; ticket_id: string }>(`SELECT id, ticket_id FROM ticket_messages WHERE workspace_id = $1 AND message_id = $2`, [workspaceId, messageId])
      // The same message delivered twice (a retrying server) is filed once.
      if (dup) return { status: 'threaded' as const, ticketId: Number(dup.ticket_id), messageId: Number(dup.id) }
    }
    const ids = answeredIds(parsed)
    const [thread] = ids.length === 0 ? [] : await tx.query<{ ticket_id: string }>(
      `SELECT m.ticket_id FROM ticket_messages m JOIN tickets t ON t.workspace_id = m.workspace_id AND t.id = m.ticket_id
        WHERE m.workspace_id = $1 AND m.message_id = ANY($2::text[]) AND t.status <> 'closed' ORDER BY m.id DESC LIMIT 1`, [workspaceId, ids])
    if (thread) {
      const ticketId = Number(thread.ticket_id)
      const [m] = await tx.query<{ id: string }>(
        `INSERT INTO ticket_messages (workspace_id, ticket_id, author, body, message_id, in_reply_to) VALUES ($1, $2, 'customer', $3, $4, $5) RETURNING id`,
        [workspaceId, ticketId, body || subject, messageId, inReplyTo])
      await tx.query(`UPDATE tickets SET status = 'open', updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, ticketId])
      await tx.query(`UPDATE conversations SET waiting_since = coalesce(waiting_since, now()), last_message_at = now(), solved_at = NULL WHERE workspace_id = $1 AND ticket_id = $2`, [workspaceId, ticketId])
      return { status: 'threaded' as const, ticketId, messageId: Number(m?.id) }
    }
    const customerId = await customerByEmail(tx, workspaceId, address, sender?.name ?? '')
    const [t] = await tx.query<{ id: string }>(
      `INSERT INTO tickets (workspace_id, external_id, customer_id, channel, subject, body, status, priority, opened_at)
       VALUES ($1, $2, $3, 'email', $4, $5, 'new', 'normal', now()) RETURNING id`,
      [workspaceId, `mail-${inboundId}`, customerId, subject, body || subject])
    const ticketId = Number(t?.id)
    // The insert trigger wrote the first message; it is this e-mail, so it carries its Message-ID for replies.
    const [m] = await tx.query<{ id: string }>(
      `UPDATE ticket_messages SET message_id = $3, in_reply_to = $4 WHERE workspace_id = $1 AND ticket_id = $2 AND author = 'customer' RETURNING id`,
      [workspaceId, ticketId, messageId, inReplyTo])
    return { status: 'opened' as const, ticketId, messageId: Number(m?.id) }
  })
  await db.query(`UPDATE desk_inbound_mail SET ticket_id = $3, message_id = $4 WHERE workspace_id = $1 AND id = $2`, [workspaceId, inboundId, outcome.ticketId, outcome.messageId])
  return { ...outcome, inboundId }
}
