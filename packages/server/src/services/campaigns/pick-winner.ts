import { pickWinner } from '@rapport/ml'
import { systemActor } from '../../domain/actor.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { loadCampaign, type CampaignWinner } from './campaign-row.ts'

/** When a campaign's test sample has had its time: planned_at + wait_hours. */
export function winnerDueAt(planned: string, waitHours: number): Date {
  return new Date(new Date(planned).getTime() + waitHours * 3_600_000)
}

/**
 * Ends a "test, then send the winner": per variant, the test sample's sent messages and how many of them were
 * clicked (or led to an order since the start), the best rate wins (pickWinner: a two-proportion test against
 * the runner-up, its p-value kept; with no difference the first listed wins), and every held recipient is
 * planned with the winner, in one transaction. Doing it twice changes nothing more.
 */
export async function pickCampaignWinner(db: Db, workspaceId: number, campaignId: number, now = new Date()): Promise<CampaignWinner> {
  return db.transaction(async (tx) => {
    const c = await loadCampaign(tx, workspaceId, campaignId, { forUpdate: true })
    if (c.winner) return c.winner
    const test = c.settings.winner_test
    if (!test || c.planned_at === null) throw new RapportError('precondition_failed', `campaign ${campaignId} has no winner test running`)
    const counted = test.metric === 'clicks'
      ? 'r.clicked_at IS NOT NULL'
      : `EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = r.workspace_id AND o.customer_id = r.customer_id AND o.status NOT IN ('cancelled', 'refunded')
                  AND o.ordered_at > $3::timestamptz AND o.ordered_at <= $4::timestamptz)`
    const rows = await tx.query<{ variant: string; n: string; conversions: string }>(
      `SELECT r.variant, count(*) AS n, count(*) FILTER (WHERE ${counted}) AS conversions FROM campaign_recipients r
        WHERE r.workspace_id = $1 AND r.campaign_id = $2 AND r.grp = 'treated' AND r.variant IS NOT NULL AND r.state = 'sent' GROUP BY r.variant`,
      test.metric === 'clicks' ? [workspaceId, campaignId] : [workspaceId, campaignId, c.planned_at, now.toISOString()])
    const counts = c.variants.map((v) => {
      const r = rows.find((x) => x.variant === v.name)
      return { name: v.name, n: Number(r?.n ?? 0), conversions: Number(r?.conversions ?? 0) }
    })
    const first = c.variants[0]?.name ?? ''
    const w = pickWinner(counts) ?? { winner: first, rate: 0, runner_up: null, runner_up_rate: null, p_value: null, significant: false }
    const winner: CampaignWinner = { ...w, metric: test.metric, picked_at: now.toISOString(), variants: counts }
    const held = await tx.query(`UPDATE campaign_recipients SET variant = $3, state = 'planned' WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'held' RETURNING id`,
      [workspaceId, campaignId, winner.winner])
    await tx.query('UPDATE campaigns SET winner = $3::jsonb, updated_at = now() WHERE workspace_id = $1 AND id = $2', [workspaceId, campaignId, JSON.stringify(winner)])
    await recordAudit(tx, systemActor(workspaceId), { action: 'pick_winner', entity: 'campaigns', entityId: campaignId, changes: { winner: winner.winner, p_value: winner.p_value, to_send: held.length } })
    return winner
  })
}
