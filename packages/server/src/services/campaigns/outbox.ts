import { requirePermission, type Actor } from '../../domain/actor.ts'
import { notFound } from '../../errors/rapport-error.ts'
import type { RecordedMail } from '../../adapters/mailer/smtp-recorder.ts'
import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'

/** A message the built-in catcher received (the Outbox page). */
export interface CaughtMail {
  id: number
  campaign_id: number | null
  recipient_id: number | null
  message_id: string | null
  from: string
  to: string
  subject: string | null
  html: string | null
  text: string | null
  headers: Record<string, string>
  received_at: string
}

const digits = (v: string | undefined): number | null => (v !== undefined && /^\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : null)

/**
 * Files one caught message under the workspace its X-Rapport-Workspace header names (Rapport's own sends
 * carry it). Mail without one, or naming no workspace, is not kept: the catcher is not an open mailbox.
 */
export async function recordCaughtMail(db: Db, m: RecordedMail): Promise<boolean> {
  const ws = digits(m.headers['x-rapport-workspace'])
  if (ws === null) return false
  const rows = await db.query(
    `INSERT INTO caught_mail (workspace_id, campaign_id, recipient_id, message_id, mail_from, rcpt_to, subject, html, body_text, headers)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb WHERE EXISTS (SELECT 1 FROM workspaces WHERE id = $1) RETURNING id`,
    [ws, digits(m.headers['x-rapport-campaign']), digits(m.headers['x-rapport-recipient']), m.messageId ?? null, m.from, m.to.join(', '),
      m.subject ?? null, m.html ?? null, m.text ?? null, JSON.stringify(m.headers)])
  return rows.length > 0
}

const COLUMNS = `id, campaign_id, recipient_id, message_id, mail_from AS "from", rcpt_to AS "to", subject, html, body_text AS text, headers, ${isoTime('received_at')} AS received_at`

const asView = (r: CaughtMail): CaughtMail => ({
  ...r, id: Number(r.id), campaign_id: r.campaign_id === null ? null : Number(r.campaign_id), recipient_id: r.recipient_id === null ? null : Number(r.recipient_id),
})

/** Caught mail, newest first; `q` matches the recipient or the subject. Shows message content: needs pii:read. */
export async function listCaughtMail(db: Db, actor: Actor, opts: { limit: number; cursor?: number | undefined; q?: string | undefined; campaign_id?: number | undefined }): Promise<{ data: Array<Omit<CaughtMail, 'html' | 'text' | 'headers'>>; next_cursor: string | null }> {
  requirePermission(actor, 'pii:read')
  const rows = await db.query<CaughtMail>(
    `SELECT id, campaign_id, recipient_id, message_id, mail_from AS "from", rcpt_to AS "to", subject, ${isoTime('received_at')} AS received_at FROM caught_mail
      WHERE workspace_id = $1 AND ($2::bigint IS NULL OR id < $2) AND ($3::bigint IS NULL OR campaign_id = $3)
        AND ($4::text IS NULL OR strpos(lower(rcpt_to), lower($4)) > 0 OR strpos(lower(coalesce(subject, '')), lower($4)) > 0)
      ORDER BY id DESC LIMIT $5`,
    [actor.workspaceId, opts.cursor ?? null, opts.campaign_id ?? null, opts.q ?? null, opts.limit + 1])
  const more = rows.length > opts.limit
  if (more) rows.pop()
  const data = rows.map((r) => asView(r))
  const last = data[data.length - 1]
  return { data, next_cursor: more && last ? String(last.id) : null }
}

export async function getCaughtMail(db: Db, actor: Actor, id: number): Promise<CaughtMail> {
  requirePermission(actor, 'pii:read')
  const [r] = await db.query<CaughtMail>(`SELECT ${COLUMNS} FROM caught_mail WHERE workspace_id = $1 AND id = $2`, [actor.workspaceId, id])
  if (!r) throw notFound(`caught message ${id}`)
  return asView(r)
}
