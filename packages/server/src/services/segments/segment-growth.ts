import type { Db } from '../../store/db.ts'
import { workspaceTimeZone } from './compile-for-workspace.ts'

export interface GrowthDay {
  /** Calendar day in the workspace's time zone. */
  day: string
  added: number
  dropped: number
  /** Members at the end of the day. */
  size: number
}

/**
 * Members added and dropped per day over the last `days` days, and the size at each day's end. Only the
 * history rows that changed in the range are read (two index ranges); sizes are worked back from today's
 * count, so the cost does not grow with the number of members.
 */
export async function segmentGrowth(db: Db, workspaceId: number, segmentId: number, days: number, now = new Date()): Promise<GrowthDay[]> {
  const tz = await workspaceTimeZone(db, workspaceId)
  const rows = await db.query<{ day: string; added: number; dropped: number }>(
    `WITH bounds AS (SELECT ($3::timestamptz AT TIME ZONE $4)::date AS today),
     days AS (SELECT generate_series(today - ($5::int - 1), today, interval '1 day')::date AS day FROM bounds),
     start_at AS (SELECT ((SELECT min(day) FROM days)::timestamp AT TIME ZONE $4) AS at),
     added AS (SELECT (entered_at AT TIME ZONE $4)::date AS day, count(*) AS n FROM segment_members
                WHERE workspace_id = $1 AND segment_id = $2 AND entered_at >= (SELECT at FROM start_at) GROUP BY 1),
     dropped AS (SELECT (exited_at AT TIME ZONE $4)::date AS day, count(*) AS n FROM segment_members
                WHERE workspace_id = $1 AND segment_id = $2 AND exited_at >= (SELECT at FROM start_at) GROUP BY 1)
     SELECT d.day::text AS day, coalesce(a.n, 0) AS added, coalesce(x.n, 0) AS dropped
       FROM days d LEFT JOIN added a ON a.day = d.day LEFT JOIN dropped x ON x.day = d.day ORDER BY d.day`,
    [workspaceId, segmentId, now.toISOString(), tz, days])
  const [open] = await db.query<{ n: number }>(
    'SELECT count(*) AS n FROM segment_members WHERE workspace_id = $1 AND segment_id = $2 AND exited_at IS NULL', [workspaceId, segmentId])
  let size = Number(open?.n ?? 0)
  const out: GrowthDay[] = new Array(rows.length)
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i] as { day: string; added: number; dropped: number }
    out[i] = { day: r.day, added: Number(r.added), dropped: Number(r.dropped), size }
    // The size at the end of the day before: undo this day's changes.
    size = size - Number(r.added) + Number(r.dropped)
  }
  return out
}
