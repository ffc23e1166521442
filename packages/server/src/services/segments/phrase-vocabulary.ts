import type { Db } from '../../store/db.ts'
import type { PhraseVocabulary } from './phrases/parse-phrase.ts'

/**
 * The workspace's own words for the phrase parser: its cities and categories as stored, and the labels its
 * active RFM and clusters models gave. Bounded, so a workspace with many distinct values stays cheap.
 */
export async function phraseVocabulary(db: Db, workspaceId: number): Promise<PhraseVocabulary> {
  const values = async (sql: string) => (await db.query<{ v: string }>(sql, [workspaceId])).map((r) => r.v)
  return {
    cities: await values('SELECT city AS v FROM customers WHERE workspace_id = $1 AND city IS NOT NULL GROUP BY city ORDER BY count(*) DESC LIMIT 500'),
    categories: await values('SELECT category AS v FROM products WHERE workspace_id = $1 AND category IS NOT NULL GROUP BY category ORDER BY category LIMIT 500'),
    rfmSegments: await values("SELECT DISTINCT label AS v FROM customer_scores WHERE workspace_id = $1 AND kind = 'rfm' AND label IS NOT NULL LIMIT 100"),
    personas: await values("SELECT DISTINCT label AS v FROM customer_scores WHERE workspace_id = $1 AND kind = 'cluster' AND label IS NOT NULL LIMIT 100"),
  }
}
