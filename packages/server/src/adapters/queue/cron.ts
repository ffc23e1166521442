import { invalid } from '../../errors/rapport-error.ts'

/**
 * A parsed cron expression, evaluated in UTC: `min hour day-of-month month day-of-week`, or six fields with
 * seconds first. Fields take `*`, numbers, ranges `a-b`, steps `*\/n` / `a-b/n` / `a/n`, lists, and month
 * or weekday names (JAN, MON); weekday 0 and 7 are Sunday. As in Vixie cron, when both day fields are
 * restricted a day matches either.
 */
export interface Cron {
  /** 1 for six-field expressions (ticks on seconds), 60 for five. */
  stepSeconds: 1 | 60
  second: ReadonlySet<number>
  minute: ReadonlySet<number>
  hour: ReadonlySet<number>
  dayOfMonth: ReadonlySet<number>
  month: ReadonlySet<number>
  dayOfWeek: ReadonlySet<number>
  dayOfMonthAny: boolean
  dayOfWeekAny: boolean
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

export function parseCron(expr: string): Cron {
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 5 && fields.length !== 6) throw bad(expr, `has ${fields.length} fields; give 5 (min hour day month weekday) or 6 (seconds first)`)
  const [sec, min, hour, dom, mon, dow] = fields.length === 6 ? fields : ['0', ...fields]
  const dayOfWeek = field(expr, dow ?? '', 0, 7, DAYS)
  if (dayOfWeek.has(7)) dayOfWeek.add(0)
  return {
    stepSeconds: fields.length === 6 ? 1 : 60,
    second: field(expr, sec ?? '', 0, 59),
    minute: field(expr, min ?? '', 0, 59),
    hour: field(expr, hour ?? '', 0, 23),
    dayOfMonth: field(expr, dom ?? '', 1, 31),
    month: field(expr, mon ?? '', 1, 12, MONTHS, 1),
    dayOfWeek,
    dayOfMonthAny: dom === '*' || dom === '?',
    dayOfWeekAny: dow === '*' || dow === '?',
  }
}

export function cronMatches(c: Cron, t: Date): boolean {
  if (!c.second.has(t.getUTCSeconds()) || !c.minute.has(t.getUTCMinutes()) || !c.hour.has(t.getUTCHours())) return false
  if (!c.month.has(t.getUTCMonth() + 1)) return false
  const domOk = c.dayOfMonth.has(t.getUTCDate())
  const dowOk = c.dayOfWeek.has(t.getUTCDay())
  if (c.dayOfMonthAny || c.dayOfWeekAny) return domOk && dowOk
  return domOk || dowOk
}

/** The latest tick t with after < t ≤ upTo, or undefined. Cost: one check per step in the window. */
export function latestTick(c: Cron, after: Date, upTo: Date): Date | undefined {
  const step = c.stepSeconds * 1000
  for (let ms = Math.floor(upTo.getTime() / step) * step; ms > after.getTime(); ms -= step) {
    const t = new Date(ms)
    if (cronMatches(c, t)) return t
  }
  return undefined
}

function field(expr: string, text: string, lo: number, hi: number, names?: string[], nameBase = 0): Set<number> {
  const out = new Set<number>()
  const value = (s: string): number => {
    const named = names?.indexOf(s.toUpperCase()) ?? -1
    const n = named >= 0 ? named + nameBase : /^\d+$/.test(s) ? Number(s) : NaN
    if (!(n >= lo && n <= hi)) throw bad(expr, `"${s}" is not in ${lo}-${hi}`)
    return n
  }
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw bad(expr, `step "${stepText}" must be a positive integer`)
    let from: number
    let to: number
    if (range === '*' || range === '?') [from, to] = [lo, hi]
    else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-')
      ;[from, to] = [value(a), value(b)]
      if (from > to) throw bad(expr, `range "${range}" runs backwards`)
    } else [from, to] = [value(range), stepText === undefined ? value(range) : hi]
    for (let v = from; v <= to; v += step) out.add(v)
  }
  return out
}

const bad = (expr: string, why: string) => invalid([{ path: 'cron', message: why }], `cron "${expr}" ${why}`)
