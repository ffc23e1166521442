/**
 * Business-time arithmetic for SLAs: adding N working minutes to an instant, in a workspace's time zone, over a
 * weekly schedule of opening windows and a list of holidays. Written here (no library covers schedules with
 * holidays and IANA zones without pulling in a calendar framework); Intl gives the zone's wall clock.
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface BusinessHours {
  timeZone: string
  /** Per weekday, opening windows as [start, end) in minutes after local midnight; absent: closed. */
  week: Partial<Record<Weekday, Array<[number, number]>>>
  /** Closed days, local dates YYYY-MM-DD. */
  holidays: readonly string[]
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    formatters.set(timeZone, f)
  }
  return f
}

/** The zone's wall clock at `ms`, as if it were UTC (so its date and minute arithmetic are plain). */
function wallClock(ms: number, timeZone: string): number {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(ms).map((x) => [x.type, x.value]))
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
}

/** The instant whose wall clock in the zone is `wall` (the later one across a DST fold, the shifted one in a gap). */
function fromWallClock(wall: number, timeZone: string): number {
  let guess = wall - (wallClock(wall, timeZone) - wall)
  // Two refinements settle the offset on either side of a change.
  for (let i = 0; i < 2; i++) guess += wall - wallClock(guess, timeZone)
  return guess
}

/**
 * The instant `minutes` of opening time after `from`. Opening time before `from` on its day does not count;
 * a window that `from` falls inside counts from `from`. Throws when the schedule has no opening time at all.
 * O(days spanned × windows per day).
 */
export function addBusinessMinutes(from: Date, minutes: number, hours: BusinessHours): Date {
  const open = Object.values(hours.week).some((w) => (w ?? []).some(([a, b]) => b > a))
  if (!open) throw new Error('the business hours have no opening time')
  const holidays = new Set(hours.holidays)
  let left = minutes * MINUTE
  const startWall = wallClock(from.getTime(), hours.timeZone)
  let day = startWall - (startWall % DAY)
  for (let guard = 0; guard < 3660; guard++, day += DAY) {
    const date = new Date(day)
    const key = date.toISOString().slice(0, 10)
    if (holidays.has(key)) continue
    const windows = [...(hours.week[WEEKDAYS[date.getUTCDay()] as Weekday] ?? [])].sort((a, b) => a[0] - b[0])
    for (const [a, b] of windows) {
      const start = Math.max(day + a * MINUTE, startWall)
      const end = day + b * MINUTE
      if (end <= start) continue
      if (end - start >= left) return new Date(fromWallClock(start + left, hours.timeZone))
      left -= end - start
    }
  }
  throw new Error('no deadline within ten years of opening time')
}

/** "09:00" → 540. */
export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}
