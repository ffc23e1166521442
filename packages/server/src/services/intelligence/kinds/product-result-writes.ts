import { arrayLiteral } from '../../../store/array-literal.ts'
import type { Db } from '../../../store/db.ts'
import { assertFinite } from '../score-writes.ts'

/**
 * Writers of the product-level results (customer_recommendations, product_associations), in the style of
 * score-writes.ts: the workspace's whole set is deleted and the new one inserted from unnest'ed arrays, inside
 * the scoring transaction; every number is checked finite first. Rows naming a product or customer that no
 * longer exists are dropped by the INSERT's joins rather than failing the run.
 */
export interface RecommendationRow {
  customerId: number
  rank: number
  productId: number
  score: number
  source: 'model' | 'content' | 'popular'
}

export async function replaceRecommendations(tx: Db, workspaceId: number, versionId: number, rows: readonly RecommendationRow[]): Promise<void> {
  for (const r of rows) assertFinite('the recommendation score', `customer ${r.customerId}, product ${r.productId}`, r.score)
  await tx.query('DELETE FROM customer_recommendations WHERE workspace_id = $1', [workspaceId])
  if (rows.length === 0) return
  await tx.query(
    `INSERT INTO customer_recommendations (workspace_id, customer_id, rank, product_id, score, source, model_version_id)
     SELECT $1, u.customer_id, u.rank, u.product_id, u.score, u.source, $2
       FROM unnest($3::bigint[], $4::int[], $5::bigint[], $6::float8[], $7::text[]) AS u(customer_id, rank, product_id, score, source)
       JOIN customers c ON c.workspace_id = $1 AND c.id = u.customer_id
       JOIN products p ON p.workspace_id = $1 AND p.id = u.product_id`,
    [
      workspaceId, versionId,
      arrayLiteral(rows.map((r) => r.customerId)),
      arrayLiteral(rows.map((r) => r.rank)),
      arrayLiteral(rows.map((r) => r.productId)),
      arrayLiteral(rows.map((r) => r.score)),
      arrayLiteral(rows.map((r) => r.source)),
    ],
  )
}

export interface AssociationRow {
  productId: number
  rank: number
  otherProductId: number
  support: number
  confidence: number
  lift: number
}

export async function replaceAssociations(tx: Db, workspaceId: number, versionId: number, rows: readonly AssociationRow[]): Promise<void> {
  for (const r of rows) {
    const where = `product ${r.productId} → ${r.otherProductId}`
    assertFinite('the support', where, r.support)
    assertFinite('the confidence', where, r.confidence)
    assertFinite('the lift', where, r.lift)
  }
  await tx.query('DELETE FROM product_associations WHERE workspace_id = $1', [workspaceId])
  if (rows.length === 0) return
  await tx.query(
    `INSERT INTO product_associations (workspace_id, product_id, rank, other_product_id, support, confidence, lift, model_version_id)
     SELECT $1, u.product_id, u.rank, u.other_id, u.support, u.confidence, u.lift, $2
       FROM unnest($3::bigint[], $4::int[], $5::bigint[], $6::float8[], $7::float8[], $8::float8[]) AS u(product_id, rank, other_id, support, confidence, lift)
       JOIN products a ON a.workspace_id = $1 AND a.id = u.product_id
       JOIN products b ON b.workspace_id = $1 AND b.id = u.other_id`,
    [
      workspaceId, versionId,
      arrayLiteral(rows.map((r) => r.productId)),
      arrayLiteral(rows.map((r) => r.rank)),
      arrayLiteral(rows.map((r) => r.otherProductId)),
      arrayLiteral(rows.map((r) => r.support)),
      arrayLiteral(rows.map((r) => r.confidence)),
      arrayLiteral(rows.map((r) => r.lift)),
    ],
  )
}
