import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'

/** IANA names Node knows, plus UTC (which Intl lists only as Etc/UTC on some builds). */
const ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])

export const isTimeZone = (s: string): boolean => ZONES.has(s)

/**
 * Sets the time zone the workspace's calendar conditions are read in (segments: "since 2026-01-01",
 * birthdays, growth per day). Needs settings:write; audited with the old and new value.
 */
export async function setWorkspaceTimeZone(db: Db, actor: Actor, timeZone: string): Promise<{ time_zone: string }> {
  requirePermission(actor, 'settings:write')
  if (!isTimeZone(timeZone)) throw invalid([{ path: 'body.time_zone', message: `"${timeZone}" is not an IANA time zone such as Asia/Shanghai or Europe/London` }])
  return db.transaction(async (tx) => {
    const [before] = await tx.query<{ time_zone: string }>('SELECT time_zone FROM workspaces WHERE id = $1 FOR UPDATE', [actor.workspaceId])
    await tx.query('UPDATE workspaces SET time_zone = $2 WHERE id = $1', [actor.workspaceId, timeZone])
    await recordAudit(tx, actor, { action: 'update', entity: 'workspaces', entityId: actor.workspaceId, changes: { time_zone: { before: before?.time_zone ?? null, after: timeZone } } })
    return { time_zone: timeZone }
  })
}
