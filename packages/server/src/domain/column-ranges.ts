import { z } from 'zod'

/**
 * The ranges of the column types in store/migrations (numeric(14,2), integer, smallint, date, timestamptz),
 * as zod schemas, so a value the database would refuse — aborting a whole import with no location — is a
 * validation error naming its field instead. column-ranges.test.ts checks these against the SQL.
 */

/** numeric(14,2): 12 digits before the point, 2 after. */
export const MONEY_PRECISION = 14
export const MONEY_SCALE = 2
/** Exclusive bound of |x| for numeric(14,2). */
export const MONEY_LIMIT = 10 ** (MONEY_PRECISION - MONEY_SCALE)
export const INT4_MAX = 2_147_483_647
export const INT4_MIN = -2_147_483_648
export const INT2_MAX = 32_767
export const INT2_MIN = -32_768
/** Years Rapport accepts in dates and timestamps (PostgreSQL has more, but not as four-digit ISO years). */
export const YEAR_MIN = 1
export const YEAR_MAX = 9999

const SCALE = 10 ** MONEY_SCALE
// Date.UTC maps years 0-99 to 1900-1999, hence setUTCFullYear.
const firstInstant = (() => {
  const d = new Date(0)
  d.setUTCFullYear(YEAR_MIN, 0, 1)
  d.setUTCHours(0, 0, 0, 0)
  return d.getTime()
})()
const lastInstant = Date.UTC(YEAR_MAX, 11, 31, 23, 59, 59, 999)

/**
 * An amount of money: finite, |x| < 10^12, at most two decimals. The decimal test is exact for the double
 * nearest a two-decimal value (x·100 rounds to an integer d < 2^53, and d/100 is correctly rounded back to
 * x), and cheaper than formatting the number; it runs on every price cell of an import.
 */
export function moneyProblem(x: number, min = -Infinity): string | undefined {
  if (!Number.isFinite(x)) return 'is not a finite number'
  if (x < min) return `must be at least ${min}`
  if (!(Math.abs(x) < MONEY_LIMIT)) return `must be less than ${MONEY_LIMIT.toLocaleString('en')} in absolute value`
  if (Math.round(x * SCALE) / SCALE !== x) return `must have at most ${MONEY_SCALE} decimals`
  return undefined
}

/**
 * An amount for a numeric(14,2) column, optionally with a lower bound. One check (a refine whose message
 * is worked out only on failure): zod's per-check cost shows on a million order lines.
 */
export const money = (opts: { min?: number } = {}): z.ZodNumber => {
  const min = opts.min ?? -Infinity
  return z.number().refine((x) => moneyProblem(x, min) === undefined, { error: (iss) => moneyProblem(iss.input as number, min) })
}

/** integer (int4) and smallint (int2) columns, optionally narrowed (a CHECK, or what the field means). */
export const int4 = (opts: { min?: number; max?: number } = {}): z.ZodNumber =>
  z.number().int().min(Math.max(INT4_MIN, opts.min ?? INT4_MIN)).max(Math.min(INT4_MAX, opts.max ?? INT4_MAX))
export const int2 = (opts: { min?: number; max?: number } = {}): z.ZodNumber =>
  z.number().int().min(Math.max(INT2_MIN, opts.min ?? INT2_MIN)).max(Math.min(INT2_MAX, opts.max ?? INT2_MAX))

/** Year 0001–9999 in the first four characters of an ISO date (the ISO regexes allow 0000). */
function yearProblem(s: string): string | undefined {
  // '0000' is the only four-digit year below 1; five-digit years do not pass the ISO regexes.
  return s.startsWith('0000') ? `year must be between ${String(YEAR_MIN).padStart(4, '0')} and ${YEAR_MAX}` : undefined
}

/** A YYYY-MM-DD date with a year in 0001–9999. */
export const isoDate = (): z.ZodISODate =>
  z.iso.date().refine((s) => yearProblem(s) === undefined, { error: (iss) => yearProblem(iss.input as string) })

const isoDateTimeFormat = () => z.iso.datetime({ offset: true, local: true })

/**
 * An ISO 8601 date-time (with an offset or local) or date, whose year — and, with an offset, whose instant
 * in UTC — lies in 0001–9999.
 */
export const isoTimestamp = () =>
  isoDateTimeFormat()
    .or(z.iso.date())
    .refine((s) => timestampRangeProblem(s) === undefined, { error: (iss) => timestampRangeProblem(iss.input as string) })

/**
 * The formats' own regexes, for the import's fast row check (fast-row-check.ts), which must accept what
 * these schemas accept and nothing more.
 */
export const ISO_DATE_PATTERN: RegExp = formatPattern(z.iso.date())
export const ISO_DATETIME_PATTERN: RegExp = formatPattern(isoDateTimeFormat())

/** The regex a zod string format (date, datetime, email) tests. */
export function formatPattern(format: z.ZodStringFormat): RegExp {
  const { pattern } = format.def
  if (!(pattern instanceof RegExp)) throw new Error('a zod string format without its regex')
  return pattern
}

/** The range part of isoDate, for a string that already matches ISO_DATE_PATTERN. */
export const dateRangeProblem = (s: string): string | undefined => yearProblem(s)

/** The range part of isoTimestamp, for a string that already matches one of its formats. */
export const timestampRangeProblem = (s: string): string | undefined => yearProblem(s) ?? instantProblem(s)

/** An offset can move year 0001 or 9999 out of range in UTC; only those years need the (slower) parse. */
function instantProblem(s: string): string | undefined {
  if (!(s.startsWith('0001-') || s.startsWith('9999-'))) return undefined
  const m = /([+-])(\d\d):?(\d\d)$/.exec(s)
  if (m === null || s.length <= 10) return undefined
  const t = Date.parse(`${s.slice(0, s.length - m[0].length)}${m[1]}${m[2]}:${m[3]}`)
  if (t >= firstInstant && t <= lastInstant) return undefined
  return `must be between ${String(YEAR_MIN).padStart(4, '0')}-01-01 and ${YEAR_MAX}-12-31 in UTC`
}
