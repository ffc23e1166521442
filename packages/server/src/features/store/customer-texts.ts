import type { Db } from '../../store/db.ts'
import { profilingRevokedSql } from './eligibility-sql.ts'

/**
 * The review and ticket texts written before asOf by customers whose profiling consent is not revoked (as
 * checked at consentCheckedAt), with the number of texts and customers left out for that reason. A ticket's
 * text is its subject and body; rows with no text at all are not returned (nothing to read). Two selects and
 * one count, each filtered on workspace_id first.
 */
export interface CustomerText {
  entity: 'reviews' | 'tickets'
  id: number
  customerId: number
  text: string
  /** Reviews only. */
  productId: number | null
  rating: number | null
  /** As stored (reviews); null when unknown (tickets keep no language). */
  language: string | null
}

export interface CustomerTexts {
  texts: CustomerText[]
  excluded: { customers: number; texts: number }
}

export async function customerTexts(db: Db, workspaceId: number, asOf: Date, consentCheckedAt: Date): Promise<CustomerTexts> {
  const params = [workspaceId, asOf.toISOString(), consentCheckedAt.toISOString()]
  const revoked = profilingRevokedSql('$3::timestamptz')
  const reviews = await db.query<{ id: number; customer_id: number; product_id: number; rating: number; text: string; language: string | null }>(
    `SELECT r.id, r.customer_id, r.product_id, r.rating, r.text, r.language
       FROM reviews r JOIN customers c ON c.workspace_id = r.workspace_id AND c.id = r.customer_id
      WHERE r.workspace_id = $1 AND r.reviewed_at < $2 AND btrim(coalesce(r.text, '')) <> '' AND NOT ${revoked}
      ORDER BY r.id`,
    params,
  )
  const tickets = await db.query<{ id: number; customer_id: number; text: string }>(
    `SELECT t.id, t.customer_id, concat_ws(E'\\n', nullif(btrim(t.subject), ''), nullif(btrim(t.body), '')) AS text
       FROM tickets t JOIN customers c ON c.workspace_id = t.workspace_id AND c.id = t.customer_id
      WHERE t.workspace_id = $1 AND t.opened_at < $2 AND btrim(t.subject || coalesce(t.body, '')) <> '' AND NOT ${revoked}
      ORDER BY t.id`,
    params,
  )
  const [excluded] = await db.query<{ customers: number; texts: number }>(
    `SELECT count(DISTINCT c.id)::int AS customers, count(*)::int AS texts
       FROM (SELECT workspace_id, customer_id FROM reviews WHERE workspace_id = $1 AND reviewed_at < $2 AND btrim(coalesce(text, '')) <> ''
             UNION ALL
             SELECT workspace_id, customer_id FROM tickets WHERE workspace_id = $1 AND opened_at < $2 AND btrim(subject || coalesce(body, '')) <> '') x
       JOIN customers c ON c.workspace_id = x.workspace_id AND c.id = x.customer_id
      WHERE ${revoked}`,
    params,
  )
  return {
    texts: [
      ...reviews.map((r): CustomerText => ({
        entity: 'reviews', id: Number(r.id), customerId: Number(r.customer_id), text: r.text, productId: Number(r.product_id), rating: Number(r.rating), language: r.language,
      })),
      ...tickets.map((t): CustomerText => ({ entity: 'tickets', id: Number(t.id), customerId: Number(t.customer_id), text: t.text, productId: null, rating: null, language: null })),
    ],
    excluded: { customers: Number(excluded?.customers ?? 0), texts: Number(excluded?.texts ?? 0) },
  }
}
