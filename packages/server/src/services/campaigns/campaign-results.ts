import { pickWinner, type WinnerResult } from '@rapport/ml'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { campaignResultsCurves, type CampaignCurves, type CurvesReason } from './campaign-results-curves.ts'
import { liftOf, withRates, type GroupStats, type Lift } from './campaign-results-lift.ts'
import { campaignGroupCounts, emptyCounts, excludedCounts, type GroupCounts, type GroupCountsRow, type MeasuredGroup, type ResultScope } from './campaign-results-query.ts'
import { loadCampaign, type CampaignStatus } from './campaign-row.ts'

export type { GroupStats, Lift } from './campaign-results-lift.ts'
export type { CampaignCurves, CurvePoint, CurvesReason } from './campaign-results-curves.ts'

export interface VariantResult {
  name: string
  treated: GroupStats
  /** This variant's recipients against the whole holdout. */
  lift: Lift
}

export interface BreakdownRow {
  /** RFM segment or persona name, or 'unscored'. */
  key: string
  /** Treated plus holdout recipients. */
  recipients: number
  treated: GroupStats
  holdout: GroupStats
  lift: Lift
}

export interface CampaignResults {
  campaign_id: number
  name: string
  status: CampaignStatus
  planned_at: string
  attribution_days: number
  /** planned_at + attribution_days: orders up to here count. */
  window_end: string
  /** The attribution window has not closed yet: conversions are still coming in. */
  window_open: boolean
  treated: GroupStats
  holdout: GroupStats
  excluded: { total: number; by_reason: Record<string, number> }
  lift: Lift
  /** In the campaign's variant order. */
  variants: VariantResult[]
  /** The best variant on conversion rate; null with fewer than 2 variants. */
  winner: WinnerResult | null
  /** Ordered by recipients, most first. */
  breakdown: { rfm: BreakdownRow[]; persona: BreakdownRow[] }
  /** Qini and uplift curves of the predicted uplift the audience was frozen with; null and curves_reason says why. */
  curves: CampaignCurves | null
  curves_reason: CurvesReason | null
}

/**
 * A campaign's measured outcome: what each group and variant did, and the lift of the send over the holdout,
 * overall, per variant and per RFM segment and persona. Everything is counted by GROUP BY in the database
 * (campaign-results-query.ts explains the attribution), so a campaign of any size costs one pass.
 */
export async function campaignResults(db: Db, workspaceId: number, campaignId: number, opts: { now?: Date } = {}): Promise<CampaignResults> {
  const c = await loadCampaign(db, workspaceId, campaignId)
  if (c.planned_at === null) {
    throw new RapportError('precondition_failed', `campaign ${campaignId} has no results yet: it is a draft, and results are measured from when its send starts`)
  }
  const days = c.settings.attribution_days
  const windowEnd = new Date(Date.parse(c.planned_at) + days * 86_400_000)
  const rows = await campaignGroupCounts(db, workspaceId, campaignId, days)
  const byReason = await excludedCounts(db, workspaceId, campaignId)
  const find = finder(rows)
  const treated = find('all', '', 'treated')
  const holdout = find('all', '', 'holdout')
  const curves = await campaignResultsCurves(db, workspaceId, campaignId, days, holdout.recipients)

  const variantNames = c.variants.map((v) => v.name)
  for (const r of rows) if (r.scope === 'variant' && !variantNames.includes(r.key)) variantNames.push(r.key)
  const variants = variantNames.map((name) => {
    const v = find('variant', name, 'treated')
    return { name, treated: withRates(v), lift: liftOf(v, holdout) }
  })
  const winner = variants.length >= 2
    ? pickWinner(variants.map((v) => ({ name: v.name, n: v.treated.recipients, conversions: v.treated.conversions })))
    : null

  return {
    campaign_id: c.id,
    name: c.name,
    status: c.status,
    planned_at: c.planned_at,
    attribution_days: days,
    window_end: windowEnd.toISOString(),
    window_open: (opts.now ?? new Date()).getTime() < windowEnd.getTime(),
    treated: withRates(treated),
    holdout: withRates(holdout),
    excluded: { total: Object.values(byReason).reduce((s, n) => s + n, 0), by_reason: byReason },
    lift: liftOf(treated, holdout),
    variants,
    winner,
    breakdown: { rfm: breakdown(rows, find, 'rfm'), persona: breakdown(rows, find, 'persona') },
    curves: curves.curves,
    curves_reason: curves.reason,
  }
}

type Find = (scope: ResultScope, key: string, grp: MeasuredGroup) => GroupCounts

/** Looks a row up by scope, key and group; a combination nobody fell into counts as zeros. */
function finder(rows: GroupCountsRow[]): Find {
  const index = new Map(rows.map((r) => [JSON.stringify([r.scope, r.key, r.grp]), r]))
  return (scope, key, grp) => index.get(JSON.stringify([scope, key, grp])) ?? emptyCounts()
}

function breakdown(rows: GroupCountsRow[], find: Find, scope: 'rfm' | 'persona'): BreakdownRow[] {
  const keys = [...new Set(rows.filter((r) => r.scope === scope).map((r) => r.key))]
  return keys
    .map((key) => {
      const t = find(scope, key, 'treated')
      const h = find(scope, key, 'holdout')
      return { key, recipients: t.recipients + h.recipients, treated: withRates(t), holdout: withRates(h), lift: liftOf(t, h) }
    })
    .sort((a, b) => b.recipients - a.recipients || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
