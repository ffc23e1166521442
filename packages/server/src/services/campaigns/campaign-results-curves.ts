import { trapezoidArea } from '@rapport/ml'
import type { Db } from '../../store/db.ts'
import { attributedRecipientsSql } from './campaign-results-query.ts'

/** With fewer scored recipients than this in either group, the curves would be noise. */
export const CURVES_MIN_PER_GROUP = 50
/** Points per curve (besides the origin): the tie-group end at or past each 1 % of the scored recipients. */
const BUCKETS = 100

export interface CurvePoint {
  /** Share of the scored recipients taken, by predicted uplift from the highest (0..1). */
  share: number
  /** Incremental conversions among them, r_t − r_c · n_t / n_c (a count, as scikit-uplift's qini_curve). */
  qini: number
  /** The Qini of taking recipients at random: share × the last point's Qini. */
  random: number
  /** Treated minus holdout conversion rate among them; null while either group has nobody yet. */
  uplift: number | null
}

export interface CampaignCurves {
  recipients_scored: number
  treated_scored: number
  holdout_scored: number
  /** From share 0 to 1. */
  points: CurvePoint[]
  /** Normalised Qini AUC as @rapport/ml's qiniAucScore: 0 random, 1 perfect, below 0 worse than random. */
  qini_auc: number
}

/** Why there are no curves (the dashboard words them). */
export const CURVES_REASONS = ['no_uplift_scores', 'no_holdout', 'too_few_scored', 'no_conversions'] as const
export type CurvesReason = (typeof CURVES_REASONS)[number]

export interface CurvesResult {
  curves: CampaignCurves | null
  reason: CurvesReason | null
}

interface CurveRow { n: number; nt: number; rt: number; rc: number; q: number }

/**
 * Qini and uplift curves of the predicted uplift the campaign's audience was frozen with, over its treated and
 * holdout recipients that have one, with campaign-results-query.ts's attribution. The database collapses tied
 * scores (so, as qini.ts, the curve does not depend on how ties are ordered), takes running sums from the
 * highest score down, the exact trapezoid area under the whole Qini curve, and at most 100 of its points: only
 * those leave it, whatever the campaign's size.
 */
export async function campaignResultsCurves(
  db: Db, workspaceId: number, campaignId: number, attributionDays: number, holdoutRecipients: number,
): Promise<CurvesResult> {
  const raw = await db.query<Record<string, unknown>>(
    `WITH ${attributedRecipientsSql(['predicted_uplift'], { scoredOnly: true })},
     ties AS (
       SELECT predicted_uplift AS u, count(*) AS size,
              count(*) FILTER (WHERE grp = 'treated') AS nt,
              count(*) FILTER (WHERE grp = 'treated' AND converted) AS rt,
              count(*) FILTER (WHERE grp = 'holdout' AND converted) AS rc
         FROM attributed GROUP BY predicted_uplift),
     running AS (
       SELECT u, size, (sum(size) OVER w)::float8 AS n, (sum(nt) OVER w)::float8 AS nt,
              (sum(rt) OVER w)::float8 AS rt, (sum(rc) OVER w)::float8 AS rc
         FROM ties WINDOW w AS (ORDER BY u DESC ROWS UNBOUNDED PRECEDING)),
     total AS (SELECT count(*)::float8 AS n FROM measured),
     curve AS (
       SELECT r.*, r.rt - CASE WHEN r.n > r.nt THEN r.rc * r.nt / (r.n - r.nt) ELSE 0 END AS q,
              ceil(r.n * ${BUCKETS} / total.n) AS bucket
         FROM running r CROSS JOIN total),
     trapezoids AS (
       SELECT c.*, c.size * (c.q + lag(c.q, 1, 0::float8) OVER o) / 2 AS trapezoid,
              lead(c.bucket) OVER o IS DISTINCT FROM c.bucket AS closes
         FROM curve c WINDOW o AS (ORDER BY c.u DESC))
     SELECT bucket, max(n) AS n, max(nt) AS nt, max(rt) AS rt, max(rc) AS rc, max(q) FILTER (WHERE closes) AS q, sum(trapezoid) AS area
       FROM trapezoids GROUP BY bucket ORDER BY bucket`,
    [workspaceId, campaignId, attributionDays],
  )
  // Running counts only grow, so a bucket's maxima are its last tie group's; q is that group's too (closes).
  const rows: CurveRow[] = raw.map((r) => ({ n: Number(r.n), nt: Number(r.nt), rt: Number(r.rt), rc: Number(r.rc), q: Number(r.q) }))
  const area = raw.reduce((s, r) => s + Number(r.area), 0)
  const last = rows[rows.length - 1]
  if (!last) return { curves: null, reason: 'no_uplift_scores' }
  if (holdoutRecipients === 0) return { curves: null, reason: 'no_holdout' }
  const treated = last.nt
  const holdout = last.n - last.nt
  if (treated < CURVES_MIN_PER_GROUP || holdout < CURVES_MIN_PER_GROUP) return { curves: null, reason: 'too_few_scored' }
  if (last.rt + last.rc === 0) return { curves: null, reason: 'no_conversions' }

  const points: CurvePoint[] = [{ share: 0, qini: 0, random: 0, uplift: null }]
  for (const r of rows) {
    const nc = r.n - r.nt
    points.push({
      share: r.n / last.n,
      qini: r.q,
      random: (r.n / last.n) * last.q,
      uplift: r.nt > 0 && nc > 0 ? r.rt / r.nt - r.rc / nc : null,
    })
  }
  return {
    curves: { recipients_scored: last.n, treated_scored: treated, holdout_scored: holdout, points, qini_auc: qiniAuc(last, holdout, area) },
    reason: null,
  }
}

/**
 * qini.ts's normalisation, (area(model) − N·Q/2) / (area(perfect) − N·Q/2), from totals: perfectQiniCurve ranks
 * treated converters, then everyone who did not convert, then holdout converters, three tie groups whose ends
 * are known from the counts, so its area needs no rows. With a conversion and 50 in each group the perfect
 * curve is strictly concave over the random line, so the denominator is positive.
 */
function qiniAuc(last: CurveRow, holdout: number, area: number): number {
  const n = last.n
  const finalQ = last.rt - (last.rc * last.nt) / holdout
  const perfect = trapezoidArea([0, last.rt, n - last.rc, n], [0, last.rt, last.rt, finalQ])
  const baseline = (n * finalQ) / 2
  return (area - baseline) / (perfect - baseline)
}
