import type { ColumnSchema, Frame } from '@rapport/ml'
import { customerFeatures } from '../../features/store/customer-features.ts'
import type { Db } from '../../store/db.ts'
import { CAMPAIGN_COLUMNS, parseCampaignRow, type CampaignRow } from './campaign-row.ts'
import { stackFrames } from './stack-frames.ts'

/**
 * The uplift training set of a workspace: one row per treated or holdout recipient of every finished campaign
 * with a holdout whose attribution window closed before T. Features are the features layer's as of the
 * campaign's planned_at (point-in-time columns only, the same top categories for every campaign); treatment is
 * 1 for the treated group; the outcome is 1 when the customer placed an order, not cancelled or refunded, in
 * (planned_at, planned_at + attribution_days], the conversion campaign results count. A customer sent several
 * campaigns is several rows, each with the features of its own send. Recipients whose profiling consent is
 * revoked get no features and are left out (counted). Cost: one feature query and one outcome query per campaign.
 */
export interface UpliftTrainingSet {
  frame: Frame
  schema: ColumnSchema[]
  y: Float64Array
  treatment: Float64Array
  /** customers.id and campaigns.id of each row. */
  customerIds: Float64Array
  campaignIds: Float64Array
  categories: string[]
  campaigns: Array<{ id: number; name: string; planned_at: string; rows: number }>
  excludedNoProfilingConsent: number
}

/** Finished campaigns with a holdout whose window closed before T, oldest first. */
export async function finishedCampaignsWithHoldout(db: Db, workspaceId: number, asOf: Date): Promise<CampaignRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns
      WHERE workspace_id = $1 AND status = 'done' AND holdout_pct > 0 AND planned_at IS NOT NULL AND planned_at < $2
      ORDER BY planned_at, id`,
    [workspaceId, asOf.toISOString()],
  )
  return rows.map(parseCampaignRow).filter((c) => Date.parse(c.planned_at as string) + c.settings.attribution_days * 86_400_000 <= asOf.getTime())
}

export async function upliftTrainingSet(db: Db, workspaceId: number, asOf: Date, o: { categories?: readonly string[] } = {}): Promise<UpliftTrainingSet> {
  const campaigns = await finishedCampaignsWithHoldout(db, workspaceId, asOf)
  const frames: Frame[] = []
  const y: number[] = []
  const treatment: number[] = []
  const customerIds: number[] = []
  const campaignIds: number[] = []
  const summary: UpliftTrainingSet['campaigns'] = []
  let categories = o.categories ? [...o.categories] : undefined
  let excluded = 0
  // The newest campaign first, so the top categories (when not given) are those of the most recent send.
  for (const c of [...campaigns].reverse()) {
    const outcomes = await recipientOutcomes(db, workspaceId, c)
    if (outcomes.size === 0) continue
    const f = await customerFeatures(db, workspaceId, {
      asOf: new Date(c.planned_at as string), customerIds: [...outcomes.keys()], pointInTimeOnly: true,
      ...(categories ? { categories } : {}),
    })
    categories ??= f.spec.categories
    excluded += f.excludedNoProfilingConsent
    f.customerIds.forEach((id) => {
      const out = outcomes.get(id) as { treated: boolean; converted: boolean }
      y.push(out.converted ? 1 : 0)
      treatment.push(out.treated ? 1 : 0)
      customerIds.push(id)
      campaignIds.push(c.id)
    })
    frames.push(f.frame)
    summary.push({ id: c.id, name: c.name, planned_at: c.planned_at as string, rows: f.frame.nRows })
  }
  const frame = stackFrames(frames)
  return {
    frame,
    schema: frame.columns.map((c) => ({ name: c.name, kind: c.kind })),
    y: Float64Array.from(y), treatment: Float64Array.from(treatment),
    customerIds: Float64Array.from(customerIds), campaignIds: Float64Array.from(campaignIds),
    categories: categories ?? [],
    campaigns: summary.reverse(),
    excludedNoProfilingConsent: excluded,
  }
}

/** customers.id → arm and whether they converted in the campaign's attribution window. */
async function recipientOutcomes(db: Db, workspaceId: number, c: CampaignRow): Promise<Map<number, { treated: boolean; converted: boolean }>> {
  const rows = await db.query<{ customer_id: number; grp: string; converted: boolean }>(
    `SELECT r.customer_id, r.grp,
            EXISTS (SELECT 1 FROM orders o
                     WHERE o.workspace_id = $1 AND o.customer_id = r.customer_id AND o.status NOT IN ('cancelled', 'refunded')
                       AND o.ordered_at > c.planned_at AND o.ordered_at <= c.planned_at + make_interval(secs => $3::float8 * 86400)) AS converted
       FROM campaign_recipients r JOIN campaigns c ON c.workspace_id = r.workspace_id AND c.id = r.campaign_id
      WHERE r.workspace_id = $1 AND r.campaign_id = $2 AND r.grp IN ('treated', 'holdout')
      ORDER BY r.customer_id`,
    [workspaceId, c.id, c.settings.attribution_days],
  )
  return new Map(rows.map((r) => [Number(r.customer_id), { treated: r.grp === 'treated', converted: Boolean(r.converted) }]))
}
