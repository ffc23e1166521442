import type { Db } from '../../store/db.ts'

export type ResultScope = 'all' | 'variant' | 'rfm' | 'persona'
export type MeasuredGroup = 'treated' | 'holdout'

/** What one group of recipients did, summed in the database. */
export interface GroupCounts {
  recipients: number
  sent: number
  failed: number
  uncertain: number
  delivered: number
  bounced: number
  opened: number
  clicked: number
  unsubscribed: number
  /** Recipients with at least one attributed order. */
  conversions: number
  /** Sum of the attributed orders' totals. */
  revenue: number
  /** Σ (per-recipient revenue)², recipients without an order counting 0: what the revenue CI needs. */
  revenue_sum_squares: number
}

export interface GroupCountsRow extends GroupCounts {
  scope: ResultScope
  /** The variant, RFM segment or persona name; '' for scope 'all'. */
  key: string
  grp: MeasuredGroup
}

/** Customers without a stored RFM segment or persona are counted under this key. */
export const UNSCORED = 'unscored'

export const emptyCounts = (): GroupCounts => ({
  recipients: 0, sent: 0, failed: 0, uncertain: 0, delivered: 0, bounced: 0, opened: 0, clicked: 0, unsubscribed: 0,
  conversions: 0, revenue: 0, revenue_sum_squares: 0,
})

const COUNT_FIELDS = Object.keys(emptyCounts()) as Array<keyof GroupCounts>

/** campaign_recipients columns a results query may read besides id, customer_id and grp. */
export type RecipientColumn = 'variant' | 'state' | 'delivered_at' | 'bounced_at' | 'opened_at' | 'clicked_at' | 'unsubscribed_at' | 'predicted_uplift'

/**
 * The CTEs every results query starts from (after WITH), ending in `attributed`: one row per treated or holdout
 * recipient with id, customer_id, grp, the asked-for `columns`, `converted` (at least one attributed order) and
 * `revenue` (their sum, 0 without). Parameters: $1 workspace, $2 campaign, $3 attribution days. `scoredOnly`
 * keeps the recipients with a predicted_uplift, before the orders are joined.
 *
 * Attribution: orders not cancelled or refunded with ordered_at in (planned_at, planned_at + attribution_days]
 * (days of 24 hours, whatever the session's time zone). The reference is the campaign's planned_at for both
 * groups, not each recipient's sent_at: the holdout has no send time, and one reference for both keeps the
 * comparison fair (a late send would otherwise shorten only the treated group's window). The orders are summed
 * per recipient first, so a customer with three orders is one conversion.
 */
export function attributedRecipientsSql(columns: readonly RecipientColumn[], opts: { scoredOnly?: boolean } = {}): string {
  return `win AS (
       SELECT planned_at AS t0, planned_at + make_interval(secs => $3::float8 * 86400) AS t1
         FROM campaigns WHERE workspace_id = $1 AND id = $2),
     measured AS (
       SELECT r.id, r.customer_id, r.grp${columns.map((c) => `, r.${c}`).join('')}
         FROM campaign_recipients r
        WHERE r.workspace_id = $1 AND r.campaign_id = $2 AND r.grp IN ('treated', 'holdout')${opts.scoredOnly ? ' AND r.predicted_uplift IS NOT NULL' : ''}),
     bought AS (
       SELECT m.id, sum(o.total) AS revenue
         FROM measured m CROSS JOIN win
         JOIN orders o ON o.workspace_id = $1 AND o.customer_id = m.customer_id
        WHERE o.status NOT IN ('cancelled', 'refunded') AND o.ordered_at > win.t0 AND o.ordered_at <= win.t1
        GROUP BY m.id),
     attributed AS (
       SELECT m.*, b.id IS NOT NULL AS converted, coalesce(b.revenue, 0) AS revenue
         FROM measured m LEFT JOIN bought b ON b.id = m.id)`
}

/**
 * Every count of a campaign's treated and holdout recipients in one GROUP BY GROUPING SETS pass: the whole group,
 * each variant (treated only: the holdout has none), each RFM segment and each persona, with the attribution of
 * attributedRecipientsSql. Only the counts leave the database.
 */
export async function campaignGroupCounts(db: Db, workspaceId: number, campaignId: number, attributionDays: number): Promise<GroupCountsRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `WITH ${attributedRecipientsSql(['variant', 'state', 'delivered_at', 'bounced_at', 'opened_at', 'clicked_at', 'unsubscribed_at'])},
     per_recipient AS (
       SELECT a.*, coalesce(rfm.label, '${UNSCORED}') AS rfm, coalesce(cl.label, '${UNSCORED}') AS persona
         FROM attributed a
         LEFT JOIN customer_scores rfm ON rfm.workspace_id = $1 AND rfm.kind = 'rfm' AND rfm.customer_id = a.customer_id
         LEFT JOIN customer_scores cl ON cl.workspace_id = $1 AND cl.kind = 'cluster' AND cl.customer_id = a.customer_id)
     SELECT CASE WHEN grouping(variant) = 0 THEN 'variant' WHEN grouping(rfm) = 0 THEN 'rfm'
                 WHEN grouping(persona) = 0 THEN 'persona' ELSE 'all' END AS scope,
            CASE WHEN grouping(variant) = 0 THEN variant WHEN grouping(rfm) = 0 THEN rfm
                 WHEN grouping(persona) = 0 THEN persona ELSE '' END AS key,
            grp,
            count(*) AS recipients,
            count(*) FILTER (WHERE state = 'sent') AS sent,
            count(*) FILTER (WHERE state = 'failed') AS failed,
            count(*) FILTER (WHERE state = 'uncertain') AS uncertain,
            count(delivered_at) AS delivered,
            count(bounced_at) AS bounced,
            count(opened_at) AS opened,
            count(clicked_at) AS clicked,
            count(unsubscribed_at) AS unsubscribed,
            count(*) FILTER (WHERE converted) AS conversions,
            sum(revenue) AS revenue,
            sum(revenue * revenue) AS revenue_sum_squares
       FROM per_recipient
      GROUP BY GROUPING SETS ((grp), (grp, variant), (grp, rfm), (grp, persona))
     HAVING grouping(variant) = 1 OR (grp = 'treated' AND variant IS NOT NULL)`,
    [workspaceId, campaignId, attributionDays],
  )
  return rows.map((r) => {
    const out = { scope: r.scope as ResultScope, key: String(r.key), grp: r.grp as MeasuredGroup, ...emptyCounts() }
    for (const f of COUNT_FIELDS) out[f] = Number(r[f] ?? 0)
    return out
  })
}

/** Excluded audience members by the reason they were not sent (planCounts' reasons, as stored). */
export async function excludedCounts(db: Db, workspaceId: number, campaignId: number): Promise<Record<string, number>> {
  const rows = await db.query<{ reason: string; n: number }>(
    `SELECT coalesce(skip_reason, 'unknown') AS reason, count(*) AS n FROM campaign_recipients
      WHERE workspace_id = $1 AND campaign_id = $2 AND grp = 'excluded' GROUP BY 1 ORDER BY 1`,
    [workspaceId, campaignId])
  return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]))
}
