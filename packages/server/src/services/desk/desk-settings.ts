import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { addBusinessMinutes, minutesOf, type BusinessHours } from './business-time.ts'
import { DEFAULT_DESK_SETTINGS, deskSettingsInput, type DeskSettings, type DeskSettingsInput } from './desk-settings-input.ts'

export async function readDeskSettings(db: Db, workspaceId: number): Promise<{ settings: DeskSettings; timeZone: string; stored: boolean }> {
  const [r] = await db.query<{ business_hours: DeskSettings['business_hours'] | null; sla: DeskSettings['sla'] | null; time_zone: string }>(
    `SELECT s.business_hours, s.sla, w.time_zone FROM workspaces w LEFT JOIN desk_settings s ON s.workspace_id = w.id WHERE w.id = $1`, [workspaceId])
  const stored = Boolean(r?.business_hours && r.sla)
  return {
    settings: stored && r?.business_hours && r.sla ? { business_hours: r.business_hours, sla: r.sla } : DEFAULT_DESK_SETTINGS,
    timeZone: r?.time_zone ?? 'UTC',
    stored,
  }
}

export async function getDeskSettings(db: Db, actor: Actor): Promise<DeskSettings & { time_zone: string; default: boolean }> {
  requirePermission(actor, 'customers:read')
  const s = await readDeskSettings(db, actor.workspaceId)
  return { ...s.settings, time_zone: s.timeZone, default: !s.stored }
}

/** Replaces the business hours and targets; the deadlines of unfinished conversations follow. */
export async function setDeskSettings(db: Db, actor: Actor, body: DeskSettingsInput): Promise<DeskSettings & { time_zone: string; default: boolean }> {
  requirePermission(actor, 'settings:write')
  const parsed = deskSettingsInput.safeParse(body)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })))
  const next = parsed.data
  await inTransaction(db, async (tx) => {
    const before = await readDeskSettings(tx, actor.workspaceId)
    await tx.query(
      `INSERT INTO desk_settings (workspace_id, business_hours, sla) VALUES ($1, $2::jsonb, $3::jsonb)
       ON CONFLICT (workspace_id) DO UPDATE SET business_hours = EXCLUDED.business_hours, sla = EXCLUDED.sla, updated_at = now()`,
      [actor.workspaceId, JSON.stringify(next.business_hours), JSON.stringify(next.sla)])
    await recordAudit(tx, actor, { action: 'update', entity: 'desk_settings', entityId: actor.workspaceId, changes: { business_hours: { before: before.settings.business_hours, after: next.business_hours }, sla: { before: before.settings.sla, after: next.sla } } })
    await refreshDeadlines(tx, actor.workspaceId)
  })
  return getDeskSettings(db, actor)
}

export function businessHoursOf(settings: DeskSettings, timeZone: string): BusinessHours {
  const week: BusinessHours['week'] = {}
  for (const [day, windows] of Object.entries(settings.business_hours.week)) {
    week[day as keyof BusinessHours['week']] = (windows ?? []).map(([a, b]) => [minutesOf(a), minutesOf(b)])
  }
  return { timeZone, week, holidays: settings.business_hours.holidays }
}

/** A conversation's deadlines from when it was opened and its priority. */
export function deadlines(settings: DeskSettings, hours: BusinessHours, openedAt: Date, priority: string): { firstResponse: Date; resolution: Date } {
  const p = priority as keyof DeskSettings['sla']['first_response_minutes']
  return {
    firstResponse: addBusinessMinutes(openedAt, settings.sla.first_response_minutes[p] ?? settings.sla.first_response_minutes.normal, hours),
    resolution: addBusinessMinutes(openedAt, settings.sla.resolution_minutes[p] ?? settings.sla.resolution_minutes.normal, hours),
  }
}

/** Sets the deadlines of these (default: every unfinished) conversations of the workspace. */
export async function refreshDeadlines(db: Db, workspaceId: number, ticketIds?: readonly number[]): Promise<number> {
  const { settings, timeZone } = await readDeskSettings(db, workspaceId)
  const hours = businessHoursOf(settings, timeZone)
  const rows = await db.query<{ id: string; opened_at: Date | string; priority: string }>(
    `SELECT t.id, t.opened_at, t.priority FROM tickets t JOIN conversations c ON c.workspace_id = t.workspace_id AND c.ticket_id = t.id
      WHERE t.workspace_id = $1 AND c.unfinished AND ($2::int8[] IS NULL OR t.id = ANY($2::int8[]))`,
    [workspaceId, ticketIds ? [...ticketIds] : null])
  if (rows.length === 0) return 0
  const due = rows.map((r) => deadlines(settings, hours, new Date(r.opened_at), r.priority))
  await db.query(
    `UPDATE conversations c SET first_response_due_at = u.f, resolution_due_at = u.r
       FROM unnest($2::int8[], $3::timestamptz[], $4::timestamptz[]) AS u(id, f, r)
      WHERE c.workspace_id = $1 AND c.ticket_id = u.id`,
    [workspaceId, rows.map((r) => Number(r.id)), due.map((d) => d.firstResponse.toISOString()), due.map((d) => d.resolution.toISOString())])
  return rows.length
}
