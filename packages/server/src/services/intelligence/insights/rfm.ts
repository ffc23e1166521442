import { requirePermission, type Actor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { activeVersion, jsonNumber, REVENUE_CTE, versionRef, type ModelVersionRef } from './insight-reads.ts'

export interface RfmSegmentTotal {
  segment: string
  customers: number
  /** Completed-order revenue of the segment's customers, all time. */
  revenue: number
  /** customers / every customer with an RFM segment. */
  share: number
}

export interface RfmCell {
  r: number
  f: number
  customers: number
  revenue: number
  /** revenue / customers: the cell's mean completed-order revenue per customer. */
  mean_monetary: number
  /** Mean M score (1–5) of the cell, when the scores carry one. */
  mean_m: number | null
}

export interface RfmInsight {
  cells: RfmCell[]
  segments: RfmSegmentTotal[]
  model_version: ModelVersionRef | null
}

/** Customers and revenue per named RFM segment (customer_scores kind rfm, label = segment), largest first. */
export async function rfmSegmentTotals(db: Db, workspaceId: number): Promise<RfmSegmentTotal[]> {
  const rows = await db.query<{ segment: string; customers: number; revenue: number }>(
    `WITH ${REVENUE_CTE}
     SELECT s.label AS segment, count(*)::int AS customers, coalesce(sum(rev.revenue), 0)::float8 AS revenue
     FROM customer_scores s LEFT JOIN rev ON rev.customer_id = s.customer_id
     WHERE s.workspace_id = $1 AND s.kind = 'rfm' AND s.label IS NOT NULL
     GROUP BY s.label ORDER BY customers DESC, segment`,
    [workspaceId],
  )
  const all = rows.reduce((n, r) => n + Number(r.customers), 0)
  return rows.map((r) => ({ segment: r.segment, customers: Number(r.customers), revenue: Number(r.revenue), share: all === 0 ? 0 : Number(r.customers) / all }))
}

/**
 * GET /insights/rfm: the R × F grid (score details r and f, 1–5) with customers and completed-order revenue
 * per cell, and the named segments. Empty, with model_version null, until an rfm version is active.
 */
export async function rfmInsight(db: Db, actor: Actor): Promise<RfmInsight> {
  requirePermission(actor, 'customers:read')
  const ws = actor.workspaceId
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const [version, cells, segments] = await Promise.all([
      activeVersion(tx, ws, 'rfm'),
      tx.query<{ r: number; f: number; customers: number; revenue: number; mean_m: number | null }>(
        `WITH ${REVENUE_CTE}
         SELECT ${jsonNumber('s.details', 'r')} AS r, ${jsonNumber('s.details', 'f')} AS f, count(*)::int AS customers,
                coalesce(sum(rev.revenue), 0)::float8 AS revenue, avg(${jsonNumber('s.details', 'm')})::float8 AS mean_m
         FROM customer_scores s LEFT JOIN rev ON rev.customer_id = s.customer_id
         WHERE s.workspace_id = $1 AND s.kind = 'rfm'
           AND jsonb_typeof(s.details->'r') = 'number' AND jsonb_typeof(s.details->'f') = 'number'
         GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
        [ws],
      ),
      rfmSegmentTotals(tx, ws),
    ])
    return {
      cells: cells.map((c) => ({
        r: Number(c.r), f: Number(c.f), customers: Number(c.customers), revenue: Number(c.revenue),
        mean_monetary: Number(c.revenue) / Number(c.customers), mean_m: c.mean_m === null ? null : Number(c.mean_m),
      })),
      segments,
      model_version: versionRef(version),
    }
  })
}
