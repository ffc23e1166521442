/**
 * Dates, times, numbers and money in the reader's language. Intl formatters are cached per locale: a table
 * of 500 rows formats thousands of cells.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key)
  if (!f) {
    f = make()
    cache.set(key, f)
  }
  return f as T
}

const toDate = (v: string | number | Date): Date => (v instanceof Date ? v : new Date(v))

export function formatDate(v: string | number | Date | null | undefined, locale: string): string {
  if (v == null || v === '') return ''
  const d = toDate(v)
  if (Number.isNaN(d.getTime())) return String(v)
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' })).format(d)
}

export function formatDateTime(v: string | number | Date | null | undefined, locale: string): string {
  if (v == null || v === '') return ''
  const d = toDate(v)
  if (Number.isNaN(d.getTime())) return String(v)
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(d)
}

export function formatNumber(v: number | string | null | undefined, locale: string, digits = 0): string {
  if (v == null || v === '') return ''
  const n = typeof v === 'number' ? v : Number(v)
  if (!Number.isFinite(n)) return String(v)
  return cached(`n:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(n)
}

/** An amount in its currency (default CNY, the demo's), e.g. ¥1,234.50 or CN¥1,234.50. */
export function formatMoney(v: number | string | null | undefined, locale: string, currency = 'CNY'): string {
  if (v == null || v === '') return ''
  const n = typeof v === 'number' ? v : Number(v)
  if (!Number.isFinite(n)) return String(v)
  return cached(`m:${locale}:${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(n)
}
