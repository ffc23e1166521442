import type { Db } from '../../store/db.ts'

/**
 * Brings `jobs` rows in line with pg-boss for the cases our own bookkeeping cannot see: a worker killed
 * mid-job (pg-boss expires the job and retries or fails it) or a job pg-boss failed or cancelled itself.
 * Rows still `active` whose pg-boss job waits for a retry go back to `queued`; rows whose pg-boss job
 * failed or was cancelled take that state. Returns how many rows changed.
 */
export async function reconcileWithBoss(db: Db, bossSchema: string): Promise<number> {
  const s = `"${bossSchema.replace(/"/g, '""')}"`
  const rows = await db.query(
    `WITH open AS (SELECT workspace_id, id FROM jobs WHERE state IN ('queued', 'active')),
     boss AS (
       SELECT b.id::text AS id, b.state::text AS state, b.output FROM ${s}.job b WHERE b.id::text IN (SELECT id FROM open)
       UNION ALL
       SELECT a.id::text, a.state::text, a.output FROM ${s}.archive a WHERE a.id::text IN (SELECT id FROM open))
     UPDATE jobs j SET
       state = CASE WHEN boss.state IN ('failed', 'cancelled') THEN boss.state ELSE 'queued' END,
       error = CASE WHEN boss.state = 'failed' THEN COALESCE(j.error, boss.output->>'message', 'failed') ELSE j.error END,
       finished_at = CASE WHEN boss.state IN ('failed', 'cancelled') THEN now() END
     FROM boss
     WHERE boss.id = j.id AND j.state IN ('queued', 'active')
       AND (boss.state IN ('failed', 'cancelled') OR (j.state = 'active' AND boss.state IN ('created', 'retry')))
     RETURNING 1`,
  )
  return rows.length
}
