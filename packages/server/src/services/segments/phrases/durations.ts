import { MAX_DAYS } from '../../../domain/segment-tree.ts'
import { NUM_EN, NUM_ZH, parseNumber } from './numbers.ts'

/** Units of a time span; weeks are 7 days, months 30 and years 365 (the tree counts whole days). */
export const UNIT_EN = '(?:days?|weeks?|months?|years?)'
export const UNIT_ZH = '(?:天|日|周|个星期|星期|个月|月|年)'

/** An English span "30 days", "two weeks", "a month", or a bare unit ("the last week"): groups n?, u. */
export const spanEn = (n: string, u: string) => String.raw`(?:(?<${n}>${NUM_EN}|an?)\s+)?(?<${u}>${UNIT_EN})`
/** A Chinese span "30天", "三个月", "半年": groups n, u. */
export const spanZh = (n: string, u: string) => `(?<${n}>${NUM_ZH}|半)(?:个)?(?<${u}>${UNIT_ZH})`

function unitDays(unit: string): number | undefined {
  if (/^days?$|^天$|^日$/.test(unit)) return 1
  if (/^weeks?$|^周$|星期$/.test(unit)) return 7
  if (/^months?$|月$/.test(unit)) return 30
  if (/^years?$|^年$/.test(unit)) return 365
  return undefined
}

/**
 * Whole days of a span, or undefined when it is not a whole number from 1 to MAX_DAYS (the tree's limits);
 * a missing number is one unit ("the last week").
 */
export function spanDays(n: string | undefined, unit: string | undefined, lang: 'en' | 'zh'): number | undefined {
  if (unit === undefined) return undefined
  const perUnit = unitDays(unit)
  const count = n === undefined || n === 'a' || n === 'an' ? 1 : n === '半' ? 0.5 : parseNumber(n, lang)
  if (perUnit === undefined || count === undefined) return undefined
  // "半年" is half a year: rounded, since the tree counts whole days; any other fraction must come out whole.
  const days = n === '半' ? Math.round(count * perUnit) : count * perUnit
  return Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? days : undefined
}
