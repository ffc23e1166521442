import { formatMoney, formatNumber } from '../../../lib/format.ts'

export type Translate = (key: string, opts?: Record<string, unknown>) => string

export interface Estimate {
  diff: number | null
  ci_low: number | null
  ci_high: number | null
  p_value: number | null
}

const signed = (s: string, v: number): string => (v > 0 ? `+${s}` : s)

/** A p-value as people read it: two decimals, three below 0.01, and "< 0.001" rather than a row of zeros. */
export function pValueText(p: number | null, locale: string): string {
  if (p === null) return '—'
  if (p < 0.001) return '< 0.001'
  return `= ${formatNumber(p, locale, p < 0.01 ? 3 : 2)}`
}

/** A rate (0.0213) as percentage points with one decimal: "2.1". */
export const points = (rate: number, locale: string): string => formatNumber(rate * 100, locale, 1)

/**
 * A lift in words with its 95 % interval and p-value: "+2.1 pts (95 % CI 0.4 to 3.8), p = 0.02" for a
 * conversion rate (kind `points`), the same in money for revenue per recipient. Null parts say "not measurable".
 */
export function liftText(t: Translate, e: Estimate, kind: 'points' | 'money', locale: string, currency = 'CNY'): string {
  if (e.diff === null) return t('lift.notMeasurable')
  const fmt = (v: number): string => (kind === 'points' ? points(v, locale) : formatMoney(v, locale, currency))
  const value = signed(fmt(e.diff), e.diff)
  const ci = e.ci_low === null || e.ci_high === null ? null : { low: fmt(e.ci_low), high: fmt(e.ci_high) }
  const key = kind === 'points' ? 'lift.points' : 'lift.money'
  return ci === null
    ? t(`${key}NoCi`, { value, p: pValueText(e.p_value, locale) })
    : t(key, { value, low: ci.low, high: ci.high, p: pValueText(e.p_value, locale) })
}

/** Whether the interval leaves zero out: the effect is distinguishable from none at 95 %. */
export function verdict(e: Pick<Estimate, 'ci_low' | 'ci_high'>): 'up' | 'down' | 'unclear' | 'unknown' {
  if (e.ci_low === null || e.ci_high === null) return 'unknown'
  if (e.ci_low > 0) return 'up'
  if (e.ci_high < 0) return 'down'
  return 'unclear'
}
