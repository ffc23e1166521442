import { isoTime } from '../../store/entity-view.ts'
import { jsonRows, withoutN } from '../../store/query/json-rows.ts'

/** How many recommendations the 360° view shows (the store keeps up to 20). */
export const RECOMMENDATIONS_SHOWN = 10

export interface StoredScore {
  kind: string
  score: number | null
  percentile: number | null
  band: string | null
  label: string | null
  reasons: unknown
  details: unknown
  model_version: { id: number; version: number; scored_at: string | null }
}

export interface StoredRecommendation {
  rank: number
  score: number
  source: 'model' | 'content' | 'popular'
  product: { id: number; sku: string; name: string; category: string | null; price: number | null }
}

/** The rows as the 360 statement returns them (JSON), before intelligenceFromJson shapes them. */
export type StoredScoreRow = Omit<StoredScore, 'model_version'> & { version_id: number; version: number; scored_at: string | null }
export type StoredRecommendationRow = { rank: number; score: number; source: StoredRecommendation['source']; id: number; sku: string; name: string; category: string | null; price: number | null }

/**
 * What the active models stored for one customer: every score kind (churn with reasons, CLV and P(alive),
 * next category, RFM segment, persona) and the recommendations with their products. Two indexed reads, as
 * two JSON columns (`scores`, `recommendations`, each followed by a comma) of the 360 statement
 * (customer-360.ts), which binds $1 to the workspace and $2 to the customer.
 */
export const intelligenceSql = `
  ${jsonRows(`s.kind, s.score, s.percentile, s.band, s.label, s.reasons, s.details, v.id AS version_id, v.version, ${isoTime('v.scored_at')} AS scored_at`,
    `FROM customer_scores s JOIN model_versions v ON v.workspace_id = s.workspace_id AND v.id = s.model_version_id
     WHERE s.workspace_id = $1 AND s.customer_id = $2`, 's.kind', null)} AS scores,
  ${jsonRows('r.rank, r.score, r.source, p.id, p.sku, p.name, p.category, p.price::float8 AS price',
    `FROM customer_recommendations r JOIN products p ON p.workspace_id = r.workspace_id AND p.id = r.product_id
     WHERE r.workspace_id = $1 AND r.customer_id = $2`, 'r.rank', RECOMMENDATIONS_SHOWN)} AS recommendations,`

export function intelligenceFromJson(scores: StoredScoreRow[], recs: StoredRecommendationRow[]): { scores: StoredScore[]; recommendations: StoredRecommendation[] } {
  return {
    scores: withoutN(scores).map(({ version_id, version, scored_at, ...s }) => ({ ...s, model_version: { id: Number(version_id), version: Number(version), scored_at } })),
    recommendations: withoutN(recs).map((r) => ({
      rank: Number(r.rank), score: Number(r.score), source: r.source,
      product: { id: Number(r.id), sku: r.sku, name: r.name, category: r.category, price: r.price === null ? null : Number(r.price) },
    })),
  }
}
