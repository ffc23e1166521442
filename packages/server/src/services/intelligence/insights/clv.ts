import { requirePermission, type Actor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { clvDistribution, type ClvDistribution } from './clv-distribution.ts'
import { activeVersion, asArray, asRecord, jsonNumber, versionRef, type ModelVersionRef } from './insight-reads.ts'

export interface ClvByChannel {
  /** The customer's signup (acquisition) channel, attributes.signup_channel or .acquisition_channel; null: unknown. */
  channel: string | null
  customers: number
  total_value: number
  mean_value: number
  mean_p_alive: number | null
}

export interface ClvInsight {
  by_channel: ClvByChannel[]
  histogram: ClvDistribution['histogram']
  total: number
  median: number | null
  calibration_table: Array<Record<string, unknown>>
  model_version: ModelVersionRef | null
}

/**
 * GET /insights/clv: stored 12-month values (customer_scores kind clv) by acquisition channel (same channel
 * expression as the features' signup_channel), their distribution, and the active version's calibration /
 * holdout table (report.calibration_table or .calibration_holdout, [] when absent).
 */
export async function clvInsight(db: Db, actor: Actor): Promise<ClvInsight> {
  requirePermission(actor, 'customers:read')
  const ws = actor.workspaceId
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const [version, byChannel, dist] = await Promise.all([
      activeVersion(tx, ws, 'clv'),
      tx.query<{ channel: string | null; customers: number; total_value: number; mean_value: number; mean_p_alive: number | null }>(
        `SELECT coalesce(c.attributes->>'signup_channel', c.attributes->>'acquisition_channel') AS channel,
                count(*)::int AS customers, coalesce(sum(s.score), 0)::float8 AS total_value,
                coalesce(avg(s.score), 0)::float8 AS mean_value, avg(${jsonNumber('s.details', 'p_alive')})::float8 AS mean_p_alive
         FROM customer_scores s JOIN customers c ON c.workspace_id = s.workspace_id AND c.id = s.customer_id
         WHERE s.workspace_id = $1 AND s.kind = 'clv'
         GROUP BY 1 ORDER BY total_value DESC, channel NULLS LAST`,
        [ws],
      ),
      clvDistribution(tx, ws),
    ])
    return {
      by_channel: byChannel.map((r) => ({
        channel: r.channel, customers: Number(r.customers), total_value: Number(r.total_value), mean_value: Number(r.mean_value),
        mean_p_alive: r.mean_p_alive === null ? null : Number(r.mean_p_alive),
      })),
      histogram: dist.histogram,
      total: dist.total,
      median: dist.median,
      // The clv kind writes it as calibration_holdout; calibration_table is the name the API uses.
      calibration_table: asArray(version?.report.calibration_table ?? version?.report.calibration_holdout).map(asRecord),
      model_version: versionRef(version),
    }
  })
}
