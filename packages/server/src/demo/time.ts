/** Time helpers for the demo data: epoch milliseconds inside, ISO 8601 UTC strings (whole seconds) outside. */

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS
export const WEEK_MS = 7 * DAY_MS

const dayPrefix = new Map<number, string>()
const pad2 = (n: number) => (n < 10 ? '0' : '') + n

/**
 * `2026-11-01T09:30:00Z`: ISO 8601 in UTC with a `Z`, without milliseconds. The date part is cached per day
 * because the generator formats hundreds of thousands of times over a few hundred days.
 */
export function isoSeconds(ms: number): string {
  const sec = Math.floor(ms / 1000)
  const day = Math.floor(sec / 86400)
  let prefix = dayPrefix.get(day)
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11)
    dayPrefix.set(day, prefix)
  }
  const s = sec - day * 86400
  const h = Math.floor(s / 3600)
  const m = Math.floor((s - h * 3600) / 60)
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(s - h * 3600 - m * 60)}Z`
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Parses the `asOf` option (a date or an ISO datetime) to epoch ms; a bad value is a RangeError, not NaN data. */
export function parseAsOf(asOf: string): number {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T00:00:00Z` : asOf)
  if (!Number.isFinite(ms)) throw new RangeError(`asOf: '${asOf}' is not a date (use YYYY-MM-DD or ISO 8601)`)
  return ms
}

/** Month (1–12) and day of month in UTC. */
function monthDay(ms: number): [number, number] {
  const d = new Date(ms)
  return [d.getUTCMonth() + 1, d.getUTCDate()]
}

/** The largest value `shoppingIntensity` returns, for thinning a Poisson process. */
export const MAX_INTENSITY = 4

/**
 * Relative shopping intensity on a day, by market: Singles' Day (11 Nov) and 618 (June) in China, Black
 * Friday/Cyber Monday and the Christmas run-up elsewhere, plus a weekend lift. Multiplies a customer's base
 * rate, so seasonality is visible in aggregate without changing who buys.
 */
export function shoppingIntensity(ms: number, chinese: boolean): number {
  const [m, d] = monthDay(ms)
  const weekday = new Date(ms).getUTCDay()
  let f = weekday === 0 || weekday === 6 ? 1.15 : 1
  if (chinese) {
    if (m === 11 && d >= 1 && d <= 11) f *= d >= 10 ? 3.4 : 1.6
    else if (m === 6 && d >= 1 && d <= 18) f *= d >= 16 ? 2.4 : 1.4
    else if (m === 1 || m === 2) f *= 0.85
  } else {
    if (m === 11 && d >= 22) f *= 2.6
    else if (m === 12 && d <= 20) f *= 1.5
    else if (m === 12 && d >= 26) f *= 1.3
  }
  return Math.min(f, MAX_INTENSITY)
}

/** Whether a day is a promotion day, when prices carry a discount. */
export function promotionDiscount(ms: number, chinese: boolean): number {
  const [m, d] = monthDay(ms)
  if (chinese) {
    if (m === 11 && d >= 10 && d <= 11) return 0.8
    if (m === 6 && d >= 16 && d <= 18) return 0.85
  } else if (m === 11 && d >= 22) return 0.8
  return 1
}
