import { notFound } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'
import { campaignSendSettings, campaignVariant, type CampaignSendSettings } from './campaign-input.ts'
import type { z } from 'zod'

export interface CampaignWinner {
  winner: string
  metric: 'clicks' | 'conversions'
  rate: number
  runner_up: string | null
  runner_up_rate: number | null
  p_value: number | null
  significant: boolean
  picked_at: string
  variants: Array<{ name: string; n: number; conversions: number }>
}

export type CampaignStatus = 'draft' | 'sending' | 'paused' | 'done' | 'cancelled'

/** A campaign as stored, with its JSON columns parsed (defaults filled in for settings added later). */
export interface CampaignRow {
  workspace_id: number
  id: number
  name: string
  channel: 'email' | 'sms'
  purpose: string
  status: CampaignStatus
  segment_id: number | null
  from_address: string | null
  variants: Array<z.output<typeof campaignVariant>>
  holdout_pct: number
  settings: CampaignSendSettings
  pause_reason: string | null
  /** The outcome of a "test, then send the winner" (pick-winner.ts); null before or without one. */
  winner: CampaignWinner | null
  send_job_id: string | null
  planned_at: string | null
  finished_at: string | null
  created_by: string
  created_at: string
  updated_at: string
}

const COLUMNS = `workspace_id, id, name, channel, purpose, status, segment_id, from_address, variants, holdout_pct, settings, pause_reason, winner,
  send_job_id, ${isoTime('planned_at')} AS planned_at, ${isoTime('finished_at')} AS finished_at, created_by,
  ${isoTime('created_at')} AS created_at, ${isoTime('updated_at')} AS updated_at`

export function parseCampaignRow(r: Record<string, unknown>): CampaignRow {
  return {
    ...(r as unknown as CampaignRow),
    workspace_id: Number(r.workspace_id), id: Number(r.id), segment_id: r.segment_id === null ? null : Number(r.segment_id),
    holdout_pct: Number(r.holdout_pct),
    variants: campaignVariant.array().parse(r.variants),
    settings: campaignSendSettings.parse(r.settings ?? {}),
  }
}

export async function loadCampaign(db: Db, workspaceId: number, id: number, opts: { forUpdate?: boolean } = {}): Promise<CampaignRow> {
  const [r] = await db.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM campaigns WHERE workspace_id = $1 AND id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`, [workspaceId, id])
  if (!r) throw notFound(`campaign ${id}`)
  return parseCampaignRow(r)
}

export const CAMPAIGN_COLUMNS = COLUMNS
