import { arrayLiteral } from '../../../store/array-literal.ts'
import type { Db } from '../../../store/db.ts'
import { assertFinite } from '../score-writes.ts'

/**
 * Writers of the sentiment kind's results, in the manner of score-writes.ts: each replaces the workspace's
 * whole set (DELETE, then one INSERT from unnest'ed arrays) inside the scoring transaction, after checking
 * every number is finite.
 */
export interface TextSentimentRow {
  entity: 'reviews' | 'tickets'
  entityId: number
  customerId: number
  sentiment: 'positive' | 'neutral' | 'negative'
  confidence: number
  language: string | null
}

export interface ProductKeywordsRow {
  productId: number
  keywords: Array<{ term: string; weight: number }>
}

export async function replaceTextSentiments(tx: Db, workspaceId: number, versionId: number, rows: readonly TextSentimentRow[]): Promise<void> {
  for (const r of rows) assertFinite('the sentiment confidence', `${r.entity} ${r.entityId}`, r.confidence)
  await tx.query('DELETE FROM text_sentiments WHERE workspace_id = $1', [workspaceId])
  if (rows.length === 0) return
  await tx.query(
    `INSERT INTO text_sentiments (workspace_id, entity, entity_id, customer_id, sentiment, confidence, language, model_version_id)
     SELECT $1, u.entity, u.entity_id, u.customer_id, u.sentiment, u.confidence, u.language, $2
     FROM unnest($3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::float8[], $8::text[]) AS u(entity, entity_id, customer_id, sentiment, confidence, language)`,
    [
      workspaceId, versionId,
      arrayLiteral(rows.map((r) => r.entity)), arrayLiteral(rows.map((r) => r.entityId)), arrayLiteral(rows.map((r) => r.customerId)),
      arrayLiteral(rows.map((r) => r.sentiment)), arrayLiteral(rows.map((r) => r.confidence)), arrayLiteral(rows.map((r) => r.language)),
    ],
  )
}

export async function replaceProductKeywords(tx: Db, workspaceId: number, versionId: number, rows: readonly ProductKeywordsRow[]): Promise<void> {
  for (const r of rows) for (const k of r.keywords) assertFinite('a keyword weight', `product ${r.productId}`, k.weight)
  await tx.query('DELETE FROM product_keywords WHERE workspace_id = $1', [workspaceId])
  if (rows.length === 0) return
  await tx.query(
    `INSERT INTO product_keywords (workspace_id, product_id, keywords, model_version_id)
     SELECT $1, u.product_id, u.keywords::jsonb, $2 FROM unnest($3::bigint[], $4::text[]) AS u(product_id, keywords)`,
    [workspaceId, versionId, arrayLiteral(rows.map((r) => r.productId)), arrayLiteral(rows.map((r) => JSON.stringify(r.keywords)))],
  )
}
