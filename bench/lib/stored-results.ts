import type { Db } from '../../packages/server/src/store/db.ts'
import { markdownTable } from './report.ts'
import { reportViews } from './report-views.ts'

/**
 * What the active model versions stored in a workspace, read back from the result tables (whatever kinds
 * exist): per score kind the distribution of scores, bands and labels (RFM segments, personas, categories);
 * the strongest "bought together" associations; what was recommended; flagged orders; and the parts of each
 * active version's report that describe what it found (profiles, rules, calibration tables).
 */
export async function storedResults(db: Db, ws: number): Promise<string[]> {
  const out: string[] = []
  const scores = await db.query<{ kind: string; n: number; mean: number | null; p10: number | null; p25: number | null; p50: number | null; p75: number | null; p90: number | null; max: number | null }>(
    `SELECT kind, count(*)::int8 AS n, avg(score) AS mean,
            percentile_cont(0.1) WITHIN GROUP (ORDER BY score) AS p10, percentile_cont(0.25) WITHIN GROUP (ORDER BY score) AS p25,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS p50, percentile_cont(0.75) WITHIN GROUP (ORDER BY score) AS p75,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY score) AS p90, max(score) AS max
     FROM customer_scores WHERE workspace_id = $1 GROUP BY kind ORDER BY kind`,
    [ws],
  )
  if (scores.length > 0) {
    const f = (x: number | null): string => (x === null ? '–' : Number(x).toPrecision(4))
    out.push('Stored customer scores (score distribution per kind):', '',
      markdownTable(['kind', 'customers', 'mean', 'p10', 'p25', 'median', 'p75', 'p90', 'max'], scores.map((s) => [s.kind, Number(s.n), f(s.mean), f(s.p10), f(s.p25), f(s.p50), f(s.p75), f(s.p90), f(s.max)])), '')
  }
  const labels = await db.query<{ kind: string; what: string; value: string; n: number; mean: number | null }>(
    `SELECT kind, 'band' AS what, band AS value, count(*)::int8 AS n, avg(score) AS mean FROM customer_scores WHERE workspace_id = $1 AND band IS NOT NULL GROUP BY kind, band
     UNION ALL
     SELECT kind, 'label', label, count(*)::int8, avg(score) FROM customer_scores WHERE workspace_id = $1 AND label IS NOT NULL GROUP BY kind, label
     ORDER BY 1, 2, 4 DESC`,
    [ws],
  )
  if (labels.length > 0) {
    out.push('Bands and labels (segment, persona, category) with their customers and mean score:', '',
      markdownTable(['kind', 'field', 'value', 'customers', 'mean score'], labels.map((l) => [l.kind, l.what, l.value, Number(l.n), l.mean === null ? '–' : Number(l.mean).toPrecision(4)])), '')
  }
  const details = await db.query<{ kind: string; key: string; mean: number; n: number }>(
    `SELECT s.kind, d.key, avg((d.value)::text::float8) AS mean, count(*)::int8 AS n
     FROM customer_scores s, jsonb_each(CASE WHEN jsonb_typeof(s.details) = 'object' THEN s.details ELSE '{}'::jsonb END) d
     WHERE s.workspace_id = $1 AND jsonb_typeof(d.value) = 'number' GROUP BY s.kind, d.key ORDER BY s.kind, d.key`,
    [ws],
  )
  if (details.length > 0) out.push(`Mean of the numeric details stored with the scores: ${details.map((d) => `${d.kind}.${d.key} ${Number(d.mean).toPrecision(4)} (n ${d.n})`).join('; ')}.`, '')
  const rules = await db.query<{ a: string; b: string; support: number; confidence: number; lift: number }>(
    `SELECT pa.name AS a, pb.name AS b, x.support, x.confidence, x.lift FROM product_associations x
     JOIN products pa ON pa.workspace_id = x.workspace_id AND pa.id = x.product_id
     JOIN products pb ON pb.workspace_id = x.workspace_id AND pb.id = x.other_product_id
     WHERE x.workspace_id = $1 ORDER BY x.lift DESC, x.confidence DESC, pa.name, pb.name LIMIT 10`,
    [ws],
  )
  if (rules.length > 0) {
    out.push('Top "bought together" associations by lift:', '',
      markdownTable(['product', 'bought with', 'support', 'confidence', 'lift'], rules.map((r) => [r.a, r.b, r.support.toFixed(4), r.confidence.toFixed(3), r.lift.toFixed(2)])), '')
  }
  const recs = await db.query<{ name: string; n: number; sources: string }>(
    `SELECT p.name, count(*)::int8 AS n, string_agg(DISTINCT r.source, ', ') AS sources FROM customer_recommendations r
     JOIN products p ON p.workspace_id = r.workspace_id AND p.id = r.product_id
     WHERE r.workspace_id = $1 GROUP BY p.name ORDER BY n DESC, p.name LIMIT 8`,
    [ws],
  )
  if (recs.length > 0) {
    const [c] = await db.query<{ customers: number; rows: number }>('SELECT count(DISTINCT customer_id)::int8 AS customers, count(*)::int8 AS rows FROM customer_recommendations WHERE workspace_id = $1', [ws])
    out.push(`Recommendations: ${Number(c?.rows ?? 0)} for ${Number(c?.customers ?? 0)} customers; most recommended: ${recs.map((r) => `${r.name} (${r.n}; ${r.sources})`).join('; ')}.`, '')
  }
  const flags = await db.query<{ band: string; n: number }>('SELECT band, count(*)::int8 AS n FROM order_flags WHERE workspace_id = $1 GROUP BY band ORDER BY band', [ws])
  if (flags.length > 0) out.push(`Order flags: ${flags.map((f) => `${f.band} ${f.n}`).join(', ')}.`, '')
  const versions = await db.query<{ kind: string; report: Record<string, unknown> }>(
    `SELECT kind, report FROM model_versions WHERE workspace_id = $1 AND status = 'active' ORDER BY kind`, [ws])
  for (const v of versions) out.push(...reportViews(v.kind, v.report))
  return out
}
