/**
 * The reports' date range: whole local days, `from` to `to` both included as the person picks them; the API is
 * asked for [from 00:00, the day after `to` 00:00) in the browser's time zone.
 */
export const PRESETS = [7, 30, 90] as const
export const DEFAULT_DAYS = 30
/** The API's report covers at most this many days here: a longer range is cut to its last year. */
export const MAX_DAYS = 366

export interface DayRange {
  /** YYYY-MM-DD, local. */
  from: string
  /** YYYY-MM-DD, local, included. */
  to: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

export const dayOf = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/** A YYYY-MM-DD day as local midnight; null when it is not a real day. */
export function parseDay(s: string | null | undefined): Date | null {
  if (!s || !DAY.test(s)) return null
  const [y, m, d] = s.split('-').map(Number) as [number, number, number]
  const date = new Date(y, m - 1, d)
  return dayOf(date) === s ? date : null
}

export const addDays = (day: string, n: number): string => {
  const d = parseDay(day) ?? new Date()
  return dayOf(new Date(d.getFullYear(), d.getMonth(), d.getDate() + n))
}

/** The last `days` days up to and including today. */
export const lastDays = (days: number, today: Date = new Date()): DayRange => {
  const to = dayOf(today)
  return { from: addDays(to, -(days - 1)), to }
}

/** Days from `from` to `to`, both included. */
export const daysBetween = (r: DayRange): string[] => {
  const out: string[] = []
  for (let d = r.from; d <= r.to && out.length <= MAX_DAYS; d = addDays(d, 1)) out.push(d)
  return out
}

/**
 * The range in the address (`?days=7`, or `?from=…&to=…`), else the default. A custom range with an unreadable
 * day, or one that ends before it starts, falls back to the default too.
 */
export function rangeOf(params: URLSearchParams, today: Date = new Date()): DayRange & { preset: number | null } {
  const days = Number(params.get('days'))
  if ((PRESETS as readonly number[]).includes(days)) return { ...lastDays(days, today), preset: days }
  const from = parseDay(params.get('from'))
  const to = parseDay(params.get('to'))
  if (from && to && from <= to) {
    const r = { from: dayOf(from), to: dayOf(to) }
    const preset = PRESETS.find((p) => { const l = lastDays(p, today); return l.from === r.from && l.to === r.to }) ?? null
    return daysBetween(r).length > MAX_DAYS ? { from: addDays(r.to, -(MAX_DAYS - 1)), to: r.to, preset } : { ...r, preset }
  }
  return { ...lastDays(DEFAULT_DAYS, today), preset: DEFAULT_DAYS }
}

/** What the API is asked: local midnights as ISO times, the end excluded. */
export const apiRange = (r: DayRange): { from: string; to: string } => ({
  from: (parseDay(r.from) ?? new Date()).toISOString(),
  to: (parseDay(addDays(r.to, 1)) ?? new Date()).toISOString(),
})
