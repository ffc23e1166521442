import type { SegmentSql } from './segment-sql.ts'

/**
 * Operators as SQL over an expression: text (case-insensitive), choice, number and date. The schema
 * (domain/segment-tree.ts) has already checked that each op got the value it needs; these trust that.
 */

export function textTest(b: SegmentSql, expr: string, op: string, value: unknown): string {
  const lower = `lower(${expr})`
  switch (op) {
    case 'is': return `${lower} = lower(${b.text(String(value))})`
    case 'is_not': return `NOT coalesce(${lower} = lower(${b.text(String(value))}), false)`
    case 'in': return `${lower} = ANY(${b.texts((value as unknown[]).map((v) => String(v).toLowerCase()))})`
    case 'not_in': return `NOT coalesce(${lower} = ANY(${b.texts((value as unknown[]).map((v) => String(v).toLowerCase()))}), false)`
    case 'contains': return `strpos(${lower}, lower(${b.text(String(value))})) > 0`
    case 'starts_with': return `starts_with(${lower}, lower(${b.text(String(value))}))`
    case 'is_set': return `(${expr} IS NOT NULL AND ${expr}::text <> '')`
    case 'is_not_set': return `(${expr} IS NULL OR ${expr}::text = '')`
    default: throw new Error(`text operator ${op}`)
  }
}

const NUMBER_SQL: Record<string, string> = { '>=': '>=', '>': '>', '<=': '<=', '<': '<', '=': '=', '!=': '<>' }

export function numberTest(b: SegmentSql, expr: string, op: string, value: unknown): string {
  if (op === 'is_set') return `${expr} IS NOT NULL`
  if (op === 'is_not_set') return `${expr} IS NULL`
  const sqlOp = NUMBER_SQL[op]
  if (sqlOp === undefined) throw new Error(`number operator ${op}`)
  return `${expr}::float8 ${sqlOp} ${b.number(Number(value))}`
}

/** Whether `0 op value` holds: a count or sum that is satisfied by nothing at all. */
export function zeroSatisfies(op: string, value: unknown): boolean {
  const v = Number(value)
  switch (op) {
    case '>=': return 0 >= v
    case '>': return 0 > v
    case '<=': return 0 <= v
    case '<': return 0 < v
    case '=': return v === 0
    case '!=': return v !== 0
    default: return false
  }
}

/**
 * What a test on a count says when it only tells whether there is a row: `some` when it holds exactly for
 * counts ≥ 1 (≥ 1, > 0, ≠ 0), `none` when exactly for 0 (= 0, < 1, ≤ 0); otherwise undefined.
 */
export function countPresence(op: string, value: unknown): 'some' | 'none' | undefined {
  const v = Number(value)
  if ((op === '>=' && v > 0 && v <= 1) || (op === '>' && v >= 0 && v < 1) || (op === '!=' && v === 0)) return 'some'
  if ((op === '=' && v === 0) || (op === '<' && v > 0 && v <= 1) || (op === '<=' && v >= 0 && v < 1)) return 'none'
  return undefined
}

/**
 * Date operators. `expr` is a timestamptz (`kind` 'instant') or a date (`'date'`). Calendar comparisons
 * (before / after / on / anniversaries) read instants as dates in the workspace's time zone; within_last,
 * within_next and more_than_ago count whole days of 24 h from now.
 */
export function dateTest(b: SegmentSql, expr: string, kind: 'instant' | 'date', op: string, value: unknown): string {
  // Made on use, so a test that needs neither the time zone nor now adds no parameter for them.
  let local: string | undefined
  let day: string | undefined
  const localDate = () => (local ??= kind === 'instant' ? `(${expr} AT TIME ZONE ${b.tz})::date` : expr)
  const todayRef = () => (day ??= `(${b.now} AT TIME ZONE ${b.tz})::date`)
  const days = () => `make_interval(days => ${b.param(Number(value))}::int)`
  switch (op) {
    case 'is_set': return `${expr} IS NOT NULL`
    case 'is_not_set': return `${expr} IS NULL`
    case 'before': return `${localDate()} < ${b.param(String(value))}::date`
    case 'after': return `${localDate()} > ${b.param(String(value))}::date`
    case 'on': return `${localDate()} = ${b.param(String(value))}::date`
    case 'within_last':
      return kind === 'instant'
        ? `(${expr} >= ${b.now} - ${days()} AND ${expr} <= ${b.now})`
        : `(${localDate()} >= ${todayRef()} - ${b.param(Number(value))}::int AND ${localDate()} <= ${todayRef()})`
    case 'within_next':
      return kind === 'instant'
        ? `(${expr} >= ${b.now} AND ${expr} <= ${b.now} + ${days()})`
        : `(${localDate()} >= ${todayRef()} AND ${localDate()} <= ${todayRef()} + ${b.param(Number(value))}::int)`
    case 'more_than_ago':
      return kind === 'instant' ? `${expr} < ${b.now} - ${days()}` : `${localDate()} < ${todayRef()} - ${b.param(Number(value))}::int`
    case 'anniversary_within_next': {
      // The next anniversary on or after today (29 February falls on 28 February in other years).
      const years = `(extract(year FROM ${todayRef()}) - extract(year FROM ${localDate()}))::int`
      const thisYear = `(${localDate()} + make_interval(years => ${years}))::date`
      const nextYear = `(${localDate()} + make_interval(years => ${years} + 1))::date`
      const next = `(CASE WHEN ${thisYear} < ${todayRef()} THEN ${nextYear} ELSE ${thisYear} END)`
      return `(${next} - ${todayRef()}) BETWEEN 0 AND ${b.param(Number(value))}::int`
    }
    default: throw new Error(`date operator ${op}`)
  }
}

/** Choice values (bands, segment names, clusters): exact for numbers, case-insensitive for texts. */
export function choiceTest(b: SegmentSql, expr: string, numeric: boolean, op: string, value: unknown): string {
  if (!numeric) return textTest(b, expr, op, value)
  const list = (v: unknown) => `${b.param(`{${(v as unknown[]).map(Number).join(',')}}`)}::float8[]`
  switch (op) {
    case 'is': return `${expr}::float8 = ${b.number(Number(value))}`
    case 'is_not': return `NOT coalesce(${expr}::float8 = ${b.number(Number(value))}, false)`
    case 'in': return `${expr}::float8 = ANY(${list(value)})`
    case 'not_in': return `NOT coalesce(${expr}::float8 = ANY(${list(value)}), false)`
    case 'is_set': return `${expr} IS NOT NULL`
    case 'is_not_set': return `${expr} IS NULL`
    default: throw new Error(`choice operator ${op}`)
  }
}
