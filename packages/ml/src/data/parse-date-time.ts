/**
 * The one date-time rule of Rapport: text → day number (days since 1970-01-01 UTC, the time of day as a
 * fraction), the scale every analytic in this package takes. A time without an offset is read as UTC, never
 * in the host's time zone, so a file gives the same numbers on every machine; an explicit `Z` or `±HH:MM`
 * offset is applied. Calendar-checked: 31 April is not a date. Pure (Date.UTC only), O(length of the text).
 */
export type DateTimeParser = (text: string) => number | undefined

const MS_PER_DAY = 86_400_000

/** Day number of a UTC calendar date-time, or undefined when a field is out of range or the date rolls over. */
export function dayNumber(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s >= 61) return undefined
  // Date.UTC truncates fractional seconds, so milliseconds are added separately.
  const ms = Date.UTC(y, mo - 1, d, h, mi) + Math.round(s * 1000)
  // Reject dates that roll over (31 April → 1 May).
  if (new Date(ms).getUTCDate() !== d) return undefined
  return ms / MS_PER_DAY
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(Z|[+-]\d{2}:?\d{2})?$/
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/** ISO 8601 dates and date-times (YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]); naive times are UTC. */
export function parseIsoDateTime(text: string): number | undefined {
  const m = ISO.exec(text.trim())
  if (!m) return undefined
  const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
  const zone = m[7]
  if (day === undefined || zone === undefined || zone === 'Z') return day
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.replace(/[+:-]/g, '')
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
  return day - offsetMinutes / 1440
}

/** Auto-detection: YYYYMMDD, ISO 8601 (see parseIsoDateTime), or M/D/YYYY [H:MM[:SS]]. */
export function parseDateTime(text: string): number | undefined {
  const t = text.trim()
  const c = COMPACT.exec(t)
  if (c) return dayNumber(Number(c[1]), Number(c[2]), Number(c[3]))
  const iso = parseIsoDateTime(t)
  if (iso !== undefined) return iso
  const u = US.exec(t)
  if (u) return dayNumber(Number(u[3]), Number(u[1]), Number(u[2]), Number(u[4] ?? 0), Number(u[5] ?? 0), Number(u[6] ?? 0))
  return undefined
}

type Field = 'y' | 'mo' | 'd' | 'h' | 'mi' | 's'

/**
 * A parser for a named format or a pattern. Names: `auto` (default), `iso`, `yyyymmdd`. Patterns use the
 * tokens YYYY, M/MM (month), D/DD, H/HH, and after a colon MM/mm (minutes) and SS/ss; other characters
 * match literally (`D/M/YYYY H:MM`, `DD.MM.YYYY`). Times are UTC. Throws on a pattern without a date.
 */
export function dateTimeParser(format?: string): DateTimeParser {
  const f = (format ?? 'auto').trim()
  const lower = f.toLowerCase()
  if (f === '' || lower === 'auto' || lower === 'iso') return parseDateTime
  if (lower === 'yyyymmdd') {
    return (t) => {
      const m = COMPACT.exec(t.trim())
      return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined
    }
  }
  const fields: Field[] = []
  let re = ''
  let afterColon = false
  for (let i = 0; i < f.length; ) {
    const tok = /^(YYYY|MM|M|DD|D|HH|H|mm|SS|ss)/.exec(f.slice(i))?.[1]
    if (tok === undefined) {
      const ch = f.charAt(i)
      re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      afterColon = ch === ':'
      i++
      continue
    }
    fields.push(fieldOf(tok, afterColon))
    re += tok === 'YYYY' ? '(\\d{4})' : tok.length === 2 ? '(\\d{2})' : '(\\d{1,2})'
    afterColon = false
    i += tok.length
  }
  for (const need of ['y', 'mo', 'd'] as const) {
    if (!fields.includes(need)) throw new Error(`--date-format "${f}" needs YYYY, M (or MM) and D (or DD)`)
  }
  const compiled = new RegExp(`^${re}$`)
  return (text) => {
    const m = compiled.exec(text.trim())
    if (!m) return undefined
    const v: Record<Field, number> = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 }
    fields.forEach((k, j) => (v[k] = Number(m[j + 1])))
    return dayNumber(v.y, v.mo, v.d, v.h, v.mi, v.s)
  }
}

function fieldOf(tok: string, afterColon: boolean): Field {
  if (tok === 'YYYY') return 'y'
  if (tok === 'mm' || ((tok === 'MM' || tok === 'M') && afterColon)) return 'mi'
  if (tok === 'MM' || tok === 'M') return 'mo'
  if (tok === 'DD' || tok === 'D') return 'd'
  if (tok === 'HH' || tok === 'H') return 'h'
  return 's'
}

/** Day number → YYYY-MM-DD (UTC). */
export function formatDay(day: number): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10)
}
