import type { Db } from '../../store/db.ts'
import { profilingRevokedSql } from '../../features/store/eligibility-sql.ts'

/** A ticket an agent has labelled with an intent: the intent model's training data. */
export interface LabelledTicket {
  id: number
  text: string
  intent: string
  priority: string
  openedAt: number
}

/**
 * Tickets opened before asOf whose intent a person set or corrected (intent_source agent), as subject + the
 * customer's first message; customers whose profiling consent is revoked are left out (counted).
 */
export async function labelledTickets(db: Db, workspaceId: number, asOf: Date): Promise<{ rows: LabelledTicket[]; excluded: number }> {
  const revoked = profilingRevokedSql('now()')
  const rows = await db.query<{ id: string; text: string; intent: string; priority: string; opened_ms: string; revoked: boolean }>(
    `SELECT t.id, concat_ws(E'\\n', nullif(btrim(t.subject), ''), nullif(btrim(t.body), '')) AS text, cv.intent, t.priority,
            (extract(epoch FROM t.opened_at) * 1000)::int8 AS opened_ms, ${revoked} AS revoked
       FROM tickets t JOIN conversations cv ON cv.workspace_id = t.workspace_id AND cv.ticket_id = t.id
       JOIN customers c ON c.workspace_id = t.workspace_id AND c.id = t.customer_id
      WHERE t.workspace_id = $1 AND t.opened_at < $2 AND cv.intent_source = 'agent' AND cv.intent IS NOT NULL
      ORDER BY t.opened_at, t.id`,
    [workspaceId, asOf.toISOString()],
  )
  const kept = rows.filter((r) => !r.revoked && r.text.trim() !== '')
  return {
    rows: kept.map((r) => ({ id: Number(r.id), text: r.text, intent: r.intent, priority: r.priority, openedAt: Number(r.opened_ms) })),
    excluded: rows.filter((r) => r.revoked).length,
  }
}
