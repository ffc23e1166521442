/**
 * How long ago `iso` was, in the reader's language ("3 hours ago", "3小时前"), in the largest unit that fits.
 * `now` is a parameter so tests (and one render of a whole table) use one clock.
 */
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

const formats = new Map<string, Intl.RelativeTimeFormat>()

export function relativeTime(iso: string | null | undefined, locale: string, now: number = Date.now()): string {
  if (iso == null || iso === '') return ''
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return iso
  let f = formats.get(locale)
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    formats.set(locale, f)
  }
  const seconds = (t - now) / 1000
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return f.format(Math.round(seconds / size), unit)
  }
  return ''
}
