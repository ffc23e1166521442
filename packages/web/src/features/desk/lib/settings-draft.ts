import { PRIORITIES, type Priority } from '../api/desk-types.ts'
import { WEEKDAYS, type DeskSettings, type DeskSettingsBody, type RoutingRule, type RoutingRulesBody, type Weekday } from '../api/desk-admin.ts'

/**
 * The forms' copies of the desk settings and routing rules, as typed (numbers stay text until sent), and the body
 * each sends. The server's field errors come back keyed by the sent body's paths (`business_hours.week.mon.0`,
 * `rules.2.team_id`): the forms keep the order of what they send, so a path names the row it came from.
 */
export interface HoursDraft {
  week: Record<Weekday, Array<{ start: string; end: string }>>
  holidays: string[]
  first: Record<Priority, string>
  resolution: Record<Priority, string>
  warn: string
}

export type SlaKind = 'first' | 'resolution'
export const SLA_PATHS: Record<SlaKind, 'first_response_minutes' | 'resolution_minutes'> = { first: 'first_response_minutes', resolution: 'resolution_minutes' }

const perPriority = (m: Record<Priority, number>): Record<Priority, string> => Object.fromEntries(PRIORITIES.map((p) => [p, String(m[p])])) as Record<Priority, string>

export function hoursDraftOf(s: DeskSettings): HoursDraft {
  return {
    week: Object.fromEntries(WEEKDAYS.map((d) => [d, (s.business_hours.week[d] ?? []).map((w) => ({ start: w[0] ?? '', end: w[1] ?? '' }))])) as HoursDraft['week'],
    holidays: [...(s.business_hours.holidays ?? [])],
    first: perPriority(s.sla.first_response_minutes),
    resolution: perPriority(s.sla.resolution_minutes),
    warn: String(s.sla.warn_minutes ?? 60),
  }
}

/** A number field's text as a number; empty is NaN (not 0), so the rules refuse it rather than save 0. */
export const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text))

const minutesOf = (m: Record<Priority, string>): Record<Priority, number> => Object.fromEntries(PRIORITIES.map((p) => [p, numberOf(m[p])])) as Record<Priority, number>

/** The PUT body: every day (an empty list is a closed day), the holidays in the order shown. */
export function settingsBody(d: HoursDraft): DeskSettingsBody {
  return {
    business_hours: {
      week: Object.fromEntries(WEEKDAYS.map((day) => [day, d.week[day].map((w) => [w.start.trim(), w.end.trim()] as [string, string])])) as DeskSettingsBody['business_hours']['week'],
      holidays: d.holidays.map((h) => h.trim()),
    },
    sla: { first_response_minutes: minutesOf(d.first), resolution_minutes: minutesOf(d.resolution), warn_minutes: numberOf(d.warn) },
  }
}

export interface RuleDraft {
  /** Local only: keeps a row's inputs with it when rules move. */
  key: number
  intents: string
  languages: string[]
  channels: string[]
  vip_only: boolean
  team_id: string
}

let nextKey = 1
export const newRuleKey = (): number => nextKey++

export const ruleDraftOf = (r: Pick<RoutingRule, 'intents' | 'languages' | 'channels' | 'vip_only' | 'team_id'>): RuleDraft => ({
  key: newRuleKey(), intents: r.intents.join(', '), languages: [...r.languages], channels: [...r.channels], vip_only: r.vip_only, team_id: String(r.team_id),
})

/** Intents typed with commas, spaces or new lines between them. */
export const intentList = (text: string): string[] => text.split(/[\s,，、]+/).map((s) => s.trim()).filter(Boolean)

export function rulesBody(rules: RuleDraft[]): RoutingRulesBody {
  return {
    rules: rules.map((r) => ({
      intents: intentList(r.intents),
      languages: r.languages as RoutingRulesBody['rules'][number]['languages'],
      channels: r.channels as RoutingRulesBody['rules'][number]['channels'],
      vip_only: r.vip_only,
      team_id: r.team_id === '' ? Number.NaN : Number(r.team_id),
    })),
  }
}

/** Moves the item at `i` by `by` places (within the list); the same list when it cannot move. */
export function move<T>(list: T[], i: number, by: number): T[] {
  const j = i + by
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return list
  const out = [...list]
  const [item] = out.splice(i, 1)
  if (item !== undefined) out.splice(j, 0, item)
  return out
}

/** The first error at `path` or inside it (`rules.1` also takes `rules.1.intents.0`). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path] !== undefined) return errors[path]
  const inside = Object.keys(errors).find((k) => k.startsWith(`${path}.`))
  return inside === undefined ? undefined : errors[inside]
}

/** Errors whose path no field of the form shows: said for the whole form, so none is lost. */
export const unplaced = (errors: Record<string, string>, shown: (path: string) => boolean): string[] =>
  Object.entries(errors).filter(([k]) => !shown(k)).map(([k, m]) => (k === '_' ? m : `${k}: ${m}`))
