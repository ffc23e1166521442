import type { Db } from '../../store/db.ts'

/**
 * The default T of a run: just after the workspace's last order or event, but never later than now. Training
 * windows count back from it, so a workspace whose data stops (an imported history, the demo's fixed end)
 * is modelled on the period it has rather than on empty months up to today.
 */
export async function dataEnd(db: Db, workspaceId: number, now = new Date()): Promise<Date> {
  const [row] = await db.query<{ last: string | null }>(
    `SELECT to_char(greatest((SELECT max(ordered_at) FROM orders WHERE workspace_id = $1),
                             (SELECT max(occurred_at) FROM events WHERE workspace_id = $1)) AT TIME ZONE 'UTC',
                    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last`,
    [workspaceId],
  )
  if (!row?.last) return now
  const end = new Date(new Date(row.last).getTime() + 1000)
  return end < now ? end : now
}
