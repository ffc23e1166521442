import { createAnalyzer, defaultAnalyzerConfig, distinctiveKeywords } from '@rapport/ml'
import type { Db } from '../../../store/db.ts'
import { arrayLiteral } from '../../../store/array-literal.ts'

/**
 * What each cluster's customers write about: the distinctive keywords (weighted log-odds against the other
 * clusters, text/distinctive-keywords.ts) of the reviews written before asOf by the clustered customers,
 * each review tokenised as Chinese (jieba) or English by its script. Only the clustered customers' reviews
 * are read, so a customer without profiling consent (never clustered) contributes no text.
 */
export async function clusterReviewKeywords(
  db: Db,
  workspaceId: number,
  asOf: Date,
  customerIds: ArrayLike<number>,
  labels: ArrayLike<number>,
  k: number,
  top = 8,
): Promise<{ keywords: string[][]; reviews: number }> {
  const clusterOf = new Map<number, number>()
  for (let i = 0; i < customerIds.length; i++) clusterOf.set(customerIds[i] as number, labels[i] as number)
  const rows = await db.query<{ customer_id: number; text: string }>(
    // A join to the unnest'ed ids (hashed), not `= ANY(ids)`, which compares every review with every id.
    `SELECT r.customer_id, r.text FROM reviews r JOIN unnest($3::bigint[]) AS u(id) ON u.id = r.customer_id
      WHERE r.workspace_id = $1 AND r.reviewed_at < $2 AND r.text IS NOT NULL AND r.text <> ''`,
    [workspaceId, asOf.toISOString(), arrayLiteral(Array.from(customerIds))],
  )
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig('auto'), negation: false, clauseMarks: true })
  const tokens: string[][] = []
  const groups: string[] = []
  for (const r of rows) {
    const c = clusterOf.get(Number(r.customer_id))
    if (c === undefined) continue
    tokens.push(analyzer.tokens(r.text))
    groups.push(String(c))
  }
  const found = distinctiveKeywords(tokens, groups, { top })
  const keywords = Array.from({ length: k }, (_, c) => (found.get(String(c)) ?? []).map((kw) => kw.term))
  return { keywords, reviews: tokens.length }
}
