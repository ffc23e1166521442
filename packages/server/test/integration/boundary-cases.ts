import type { DeclaredColumn } from './declared-columns.ts'

/** One value to put in a field: as a JSON Lines value and (when CSV can carry it) as a CSV cell. */
export interface BoundaryCase {
  /** The value as JSON text (text, because a value nested 5,000 deep overflows JSON.stringify). */
  json: string
  /** undefined when a UTF-8 CSV cannot hold the value (a lone surrogate). */
  cell: string | undefined
  valid: boolean
  what: string
}

const num = (text: string, valid: boolean, what: string): BoundaryCase => ({ json: text, cell: text, valid, what })
const str = (text: string, valid: boolean, what: string): BoundaryCase => ({ json: JSON.stringify(text), cell: text, valid, what })

/**
 * Boundary values generated from a column's declared type: the largest and smallest values the type holds
 * (valid, unless a CHECK narrows them) and the first values past them (invalid), the scale of numerics,
 * years 0001 and 9999 against 0000 and 10000, NUL and lone surrogates in text, depth and finiteness in
 * JSON. `sample` is a valid value of the field, used where the field has its own format (e-mail, phone).
 */
export function boundaryCases(col: DeclaredColumn, sample: string): BoundaryCase[] {
  const t = col.type
  const numeric = /^numeric\((\d+),(\d+)\)$/.exec(t)
  if (numeric) {
    const p = Number(numeric[1])
    const s = Number(numeric[2])
    const whole = '9'.repeat(p - s)
    const max = `${whole}.${'9'.repeat(s)}`
    const cases = [
      num(max, true, `largest ${t}`),
      num(`1${'0'.repeat(p - s)}`, false, `10^${p - s} overflows ${t}`),
      num(`-1${'0'.repeat(p - s)}`, false, `-10^${p - s} overflows ${t}`),
      num(`0.${'0'.repeat(s - 1)}1`, true, `smallest step of ${t}`),
      num(`0.${'0'.repeat(s)}4`, false, `more than ${s} decimals`),
      num('1e15', false, '1e15 (issue 13)'),
    ]
    return withCheck(cases, col)
  }
  if (t === 'integer' || t === 'smallint') {
    const bits = t === 'integer' ? 31 : 15
    const hi = 2 ** bits - 1
    const lo = -(2 ** bits)
    const cases = [num(String(hi), true, `largest ${t}`), num(String(hi + 1), false, `${hi + 1} overflows ${t}`), num(String(lo), true, `smallest ${t}`), num(String(lo - 1), false, `${lo - 1} overflows ${t}`)]
    return withCheck(cases, col)
  }
  if (t === 'date') {
    return [str('0001-01-01', true, 'first day of year 1'), str('9999-12-31', true, 'last day of 9999'), str('0000-12-31', false, 'year 0000'), str('10000-01-01', false, 'year 10000')]
  }
  if (t === 'timestamptz') {
    return [
      str('0001-01-01T00:00:00Z', true, 'first instant of year 1'),
      str('9999-12-31T23:59:59Z', true, 'last second of 9999'),
      str('0000-06-01T00:00:00Z', false, 'year 0000'),
      str('10000-01-01T00:00:00Z', false, 'year 10000'),
      str('0001-01-01T00:30:00+01:00', false, 'year 0 in UTC'),
      str('9999-12-31T23:30:00-01:00', false, 'year 10000 in UTC'),
    ]
  }
  if (t === 'text' || t === 'text[]') {
    return [
      str(sample, true, 'a valid value'),
      str(`${sample.slice(0, 1)}\u0000${sample.slice(1)}`, false, 'a NUL character'),
      { json: JSON.stringify(`${sample}\ud800`), cell: undefined, valid: false, what: 'a lone surrogate' },
    ]
  }
  if (t === 'jsonb') {
    const nested = (levels: number): string => `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`
    const both = (text: string, valid: boolean, what: string): BoundaryCase => ({ json: text, cell: text, valid, what })
    return [
      both(nested(32), true, '32 levels'),
      both(nested(33), false, '33 levels'),
      both(nested(5000), false, '5,000 levels'),
      both('{"n":1e400}', false, '1e400'),
      both('{"k":"a\\u0000"}', false, 'an escaped NUL'),
      both('{"k":"\\ud800"}', false, 'an escaped lone surrogate'),
    ]
  }
  return []
}

/** A CHECK narrows the range: values outside it are invalid, and its own bounds are the valid extremes. */
function withCheck(cases: BoundaryCase[], col: DeclaredColumn): BoundaryCase[] {
  const inRange = (x: number): boolean =>
    (col.min === undefined || (col.minExclusive ? x > col.min : x >= col.min)) && (col.max === undefined || x <= col.max)
  const out = cases.map((c) => (c.valid && !inRange(Number(c.json)) ? { ...c, valid: false, what: `${c.what}, outside the CHECK` } : c))
  if (col.min !== undefined) {
    const first = col.minExclusive ? col.min + 1 : col.min
    out.push(num(String(first), true, 'lowest value the CHECK allows'), num(String(first - 1), false, 'below the CHECK'))
  }
  if (col.max !== undefined) out.push(num(String(col.max), true, 'highest value the CHECK allows'), num(String(col.max + 1), false, 'above the CHECK'))
  return out
}
