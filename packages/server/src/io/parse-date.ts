/**
 * Dates in transaction files → day numbers (days since 1970-01-01 UTC, with the time of day as a fraction),
 * the scale the analytics in @rapport/ml take. Formats: `auto` (default: YYYYMMDD, ISO 8601, or
 * M/D/YYYY [H:MM[:SS]]), or an explicit pattern of tokens YYYY, M/MM (month), D/DD, H/HH, and after a
 * colon MM/mm (minutes) and SS/ss; other characters must match literally (`D/M/YYYY H:MM`, `YYYYMMDD`,
 * `YYYY-MM-DD`, `DD.MM.YYYY`). `iso` and `yyyymmdd` are accepted as names.
 */
export type DateParser = (text: string) => number | undefined

const MS_PER_DAY = 86_400_000

function dayNumber(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined
  const ms = Date.UTC(y, mo - 1, d, h, mi, s)
  // Reject dates that roll over (31 April → 1 May).
  if (new Date(ms).getUTCDate() !== d) return undefined
  return ms / MS_PER_DAY
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/** Auto-detecting parser: YYYYMMDD, ISO dates and date-times (offset applied), or M/D/YYYY [H:MM[:SS]]. */
export function parseDateAuto(text: string): number | undefined {
  const t = text.trim()
  let m = COMPACT.exec(t)
  if (m) return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]))
  m = ISO.exec(t)
  if (m) {
    const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))
    if (day === undefined || m[7] === undefined || m[7] === 'Z') return day
    const sign = m[7].startsWith('-') ? -1 : 1
    const digits = m[7].replace(/[+:-]/g, '')
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
    return day - offsetMinutes / 1440
  }
  m = US.exec(t)
  if (m) return dayNumber(Number(m[3]), Number(m[1]), Number(m[2]), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))
  return undefined
}

/** Builds a parser for `--date-format`; throws on an unusable pattern. */
export function dateParser(format: string | undefined): DateParser {
  const f = (format ?? 'auto').trim()
  if (f === '' || f.toLowerCase() === 'auto' || f.toLowerCase() === 'iso') return parseDateAuto
  if (f.toLowerCase() === 'yyyymmdd') return (t) => {
    const m = COMPACT.exec(t.trim())
    return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined
  }
  const fields: Array<'y' | 'mo' | 'd' | 'h' | 'mi' | 's'> = []
  let re = ''
  let afterColon = false
  for (let i = 0; i < f.length; ) {
    const rest = f.slice(i)
    const tok = /^(YYYY|MM|M|DD|D|HH|H|mm|SS|ss)/.exec(rest)?.[1]
    if (tok === undefined) {
      const ch = f[i] as string
      re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      afterColon = ch === ':'
      i++
      continue
    }
    const fixed = tok.length === 2 || tok === 'YYYY'
    if (tok === 'YYYY') fields.push('y')
    else if (tok === 'mm' || ((tok === 'MM' || tok === 'M') && afterColon)) fields.push('mi')
    else if (tok === 'MM' || tok === 'M') fields.push('mo')
    else if (tok === 'DD' || tok === 'D') fields.push('d')
    else if (tok === 'HH' || tok === 'H') fields.push('h')
    else fields.push('s')
    re += tok === 'YYYY' ? '(\\d{4})' : fixed ? '(\\d{2})' : '(\\d{1,2})'
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
    const v = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 }
    fields.forEach((k, j) => (v[k] = Number(m[j + 1])))
    return dayNumber(v.y, v.mo, v.d, v.h, v.mi, v.s)
  }
}

/** Day number → YYYY-MM-DD (UTC). */
export function formatDay(day: number): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10)
}
