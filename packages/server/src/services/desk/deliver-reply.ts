import type { Db } from '../../store/db.ts'
import { currentChannels, type Channels } from '../campaigns/channels.ts'
import { supportAddress } from './support-address.ts'

export const DEFAULT_DESK_MAIL_DOMAIN = 'desk.localhost'

/** A reply's Message-ID: unique per workspace and message, on the desk's domain. */
export const replyMessageId = (workspaceId: number, messageId: number, domain: string): string => `<desk.${workspaceId}.${messageId}@${domain}>`

/**
 * Sends an agent's reply on an e-mail conversation to the customer, threaded under the conversation's earlier
 * messages (In-Reply-To the latest one with a Message-ID, References all of them), from the workspace's support
 * address, and records the outcome on the message (sent, or failed with the reason). Runs after the reply's
 * transaction committed: the message is in the thread, marked queued, whatever the mail server does.
 */
export async function deliverReply(db: Db, workspaceId: number, messageId: number, channels: Channels = currentChannels()): Promise<'sent' | 'failed'> {
  const domain = channels.deskMailDomain ?? DEFAULT_DESK_MAIL_DOMAIN
  const [m] = await db.query<{ ticket_id: string; body: string; message_id: string; subject: string; email: string | null; slug: string; ws_name: string }>(
    `SELECT m.ticket_id, m.body, m.message_id, t.subject, cu.email, w.slug, w.name AS ws_name
       FROM ticket_messages m JOIN tickets t ON t.workspace_id = m.workspace_id AND t.id = m.ticket_id
       JOIN customers cu ON cu.workspace_id = t.workspace_id AND cu.id = t.customer_id
       JOIN workspaces w ON w.id = m.workspace_id
      WHERE m.workspace_id = $1 AND m.id = $2`, [workspaceId, messageId])
  if (!m) return 'failed'
  const fail = async (reason: string) => {
    await db.query(`UPDATE ticket_messages SET delivery = 'failed', delivery_error = $3 WHERE workspace_id = $1 AND id = $2`, [workspaceId, messageId, reason])
    return 'failed' as const
  }
  if (!m.email) return fail('the customer has no e-mail address')
  if (!channels.email) return fail('no e-mail channel is configured (RAPPORT_SMTP_URLS, or the built-in catcher)')
  const earlier = await db.query<{ message_id: string }>(
    `SELECT message_id FROM ticket_messages WHERE workspace_id = $1 AND ticket_id = $2 AND id < $3 AND message_id IS NOT NULL ORDER BY id`,
    [workspaceId, m.ticket_id, messageId])
  const refs = earlier.map((r) => r.message_id)
  const last = refs.at(-1)
  try {
    await channels.email.mailer.send({
      from: `"${m.ws_name.replace(/["\\\r\n]/g, '')}" <${supportAddress(m.slug, domain)}>`,
      to: m.email,
      subject: /^re:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`,
      text: m.body,
      messageId: m.message_id,
      // The workspace header files the message in the built-in catcher's Outbox (as for campaign mail).
      headers: { 'X-Rapport-Workspace': String(workspaceId), ...(last ? { 'In-Reply-To': last, References: refs.join(' ') } : {}) },
    })
  } catch (err) {
    return fail((err as Error).message.slice(0, 500))
  }
  await db.query(`UPDATE ticket_messages SET delivery = 'sent', delivery_error = NULL WHERE workspace_id = $1 AND id = $2`, [workspaceId, messageId])
  return 'sent'
}
