import type { Db } from '../../store/db.ts'
import { claimedWorkspace, rejectedToken } from '../campaigns/tracking/signed-token.ts'
import { currentChannels, type Channels } from '../campaigns/channels.ts'
import { signCsatToken, verifyCsatToken } from './csat-token.ts'
import { DEFAULT_DESK_MAIL_DOMAIN } from './deliver-reply.ts'
import { supportAddress } from './support-address.ts'

const TEXT = {
  en: { subject: (s: string) => `How did we do? ${s}`, body: (w: string, url: string) => `Your request to ${w} is solved. How satisfied are you with the help you got? Rate it from 1 to 5:\n\n${url}\n` },
  zh: { subject: (s: string) => `请评价本次服务：${s}`, body: (w: string, url: string) => `您在 ${w} 的问题已解决。您对本次服务满意吗？请打 1 到 5 分：\n\n${url}\n` },
} as const

/** The satisfaction link of a conversation. */
export async function csatLink(db: Db, workspaceId: number, ticketId: number, channels: Channels = currentChannels()): Promise<string> {
  const [w] = await db.query<{ tracking_secret: string }>('SELECT tracking_secret FROM workspaces WHERE id = $1', [workspaceId])
  return `${channels.publicUrl}/t/s/${signCsatToken(w?.tracking_secret ?? '', { w: workspaceId, t: ticketId })}`
}

/**
 * Asks the customer of a solved conversation how satisfied they are, once per conversation: an e-mail with the
 * signed link when the customer has an address and e-mail is configured, else the link is kept (link_only) for the
 * chat widget or an agent to pass on. A conversation solved again later is not asked twice.
 */
export async function requestCsat(db: Db, workspaceId: number, ticketId: number, channels: Channels = currentChannels()): Promise<'sent' | 'failed' | 'link_only' | 'already_asked'> {
  const [row] = await db.query(`INSERT INTO desk_csat (workspace_id, ticket_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING ticket_id`, [workspaceId, ticketId])
  if (!row) return 'already_asked'
  const [c] = await db.query<{ email: string | null; subject: string; slug: string; name: string; lang: string | null }>(
    `SELECT cu.email, t.subject, w.slug, w.name, cv.language AS lang FROM tickets t JOIN customers cu ON cu.workspace_id = t.workspace_id AND cu.id = t.customer_id
       JOIN workspaces w ON w.id = t.workspace_id JOIN conversations cv ON cv.workspace_id = t.workspace_id AND cv.ticket_id = t.id
      WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, ticketId])
  const set = (delivery: string, error: string | null = null) =>
    db.query(`UPDATE desk_csat SET delivery = $3, delivery_error = $4 WHERE workspace_id = $1 AND ticket_id = $2`, [workspaceId, ticketId, delivery, error])
  if (!c?.email || !channels.email) {
    await set('link_only')
    return 'link_only'
  }
  const t = TEXT[c.lang === 'zh' ? 'zh' : 'en']
  try {
    await channels.email.mailer.send({
      from: `"${c.name.replace(/["\\\r\n]/g, '')}" <${supportAddress(c.slug, channels.deskMailDomain ?? DEFAULT_DESK_MAIL_DOMAIN)}>`,
      to: c.email, subject: t.subject(c.subject), text: t.body(c.name, await csatLink(db, workspaceId, ticketId, channels)),
      messageId: `<desk.${workspaceId}.csat.${ticketId}@${channels.deskMailDomain ?? DEFAULT_DESK_MAIL_DOMAIN}>`,
      // Files it in the built-in catcher's Outbox, as for the replies.
      headers: { 'X-Rapport-Workspace': String(workspaceId) },
    })
  } catch (err) {
    await set('failed', (err as Error).message.slice(0, 500))
    return 'failed'
  }
  await set('sent')
  return 'sent'
}

export interface CsatTarget {
  workspaceId: number
  ticketId: number
  workspaceName: string
  lang: 'en' | 'zh'
  rating: number | null
}

/** What a satisfaction link points at; a forged or edited link is a validation error. */
export async function csatTarget(db: Db, token: string): Promise<CsatTarget> {
  const ws = claimedWorkspace(token)
  if (ws === null) throw rejectedToken('malformed token')
  const [w] = await db.query<{ tracking_secret: string; name: string }>('SELECT tracking_secret, name FROM workspaces WHERE id = $1', [ws])
  if (!w) throw rejectedToken('unknown workspace')
  const p = verifyCsatToken(w.tracking_secret, token)
  const [r] = await db.query<{ rating: number | null; lang: string | null }>(
    `SELECT s.rating, cv.language AS lang FROM conversations cv LEFT JOIN desk_csat s ON s.workspace_id = cv.workspace_id AND s.ticket_id = cv.ticket_id
      WHERE cv.workspace_id = $1 AND cv.ticket_id = $2`, [p.w, p.t])
  if (!r) throw rejectedToken('the conversation no longer exists')
  return { workspaceId: p.w, ticketId: p.t, workspaceName: w.name, lang: r.lang === 'zh' ? 'zh' : 'en', rating: r.rating === null ? null : Number(r.rating) }
}

/** Records the answer (the first one counts: a link opened again shows it). */
export async function answerCsat(db: Db, token: string, rating: number, comment: string): Promise<CsatTarget> {
  const t = await csatTarget(db, token)
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw rejectedToken('the rating is a whole number from 1 to 5')
  await db.query(
    `INSERT INTO desk_csat (workspace_id, ticket_id, delivery, rating, comment, answered_at) VALUES ($1, $2, 'link_only', $3, $4, now())
     ON CONFLICT (workspace_id, ticket_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, answered_at = now() WHERE desk_csat.rating IS NULL`,
    [t.workspaceId, t.ticketId, rating, comment.trim().slice(0, 2000) || null])
  return csatTarget(db, token)
}
