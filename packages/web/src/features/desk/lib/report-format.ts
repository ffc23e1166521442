import { formatNumber } from '../../../lib/format.ts'

type T = (key: string, o?: Record<string, unknown>) => string

/** A share (0–1) as a percentage with one decimal, or a dash when there is none (nothing to divide by). */
export const shareText = (v: number | null | undefined, lang: string): string => (v == null ? '—' : `${formatNumber(v * 100, lang, 1)}%`)

/** Minutes as people say them: 45 min, 2 h 5 min, 3 d 4 h; a dash when there is none. */
export function durationText(minutes: number | null | undefined, t: T, lang: string): string {
  if (minutes == null || !Number.isFinite(minutes)) return '—'
  const m = Math.round(minutes)
  if (m < 60) return t('duration.minutes', { n: formatNumber(m, lang) })
  if (m < 24 * 60) return t('duration.hours', { h: formatNumber(Math.floor(m / 60), lang), m: formatNumber(m % 60, lang) })
  return t('duration.days', { d: formatNumber(Math.floor(m / 1440), lang), h: formatNumber(Math.floor((m % 1440) / 60), lang) })
}
