import { dateTimeParser, formatDay as formatDayNumber, parseDateTime, type DateTimeParser } from '@rapport/ml'

/**
 * Dates in imported and analysed files → day numbers (days since 1970-01-01 UTC, the time of day as a
 * fraction). The rule itself lives in @rapport/ml (data/parse-date-time.ts), so `io/` and the models read a
 * date the same way: naive times are UTC, offsets are applied. This module keeps the names `io/` callers use.
 */
export type DateParser = DateTimeParser

/** Auto-detecting parser: YYYYMMDD, ISO dates and date-times (offset applied), or M/D/YYYY [H:MM[:SS]]. */
export const parseDateAuto: DateParser = parseDateTime

/** Builds a parser for `--date-format`; throws on an unusable pattern. */
export function dateParser(format: string | undefined): DateParser {
  return dateTimeParser(format)
}

/** Day number → YYYY-MM-DD (UTC). */
export const formatDay: (day: number) => string = formatDayNumber
