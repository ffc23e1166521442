import { createHash } from 'node:crypto'

/**
 * A stable external id for records that have no natural one (events, reviews, consents): a hash of their
 * fields in schema order, so importing the same row twice lands on the same key and changes nothing.
 * Nested objects (properties) are serialised with sorted keys, so key order in the input doesn't matter.
 */
export function deriveKey(fields: readonly string[], record: Record<string, unknown>): string {
  const h = createHash('sha256')
  for (const f of fields) {
    const v = record[f]
    if (LATER_FIELDS.has(f) && (v === undefined || v === null)) continue
    h.update(v === undefined || v === null ? '\u0000' : typeof v === 'object' ? canonicalJson(v) : String(v))
    h.update('\u0001')
  }
  return `h_${h.digest('base64url').slice(0, 24)}`
}

/**
 * Fields added to a schema after records were keyed by it: they take part in the key only when present, so
 * a row imported before they existed keeps its key (re-importing the same file changes nothing).
 */
const LATER_FIELDS: ReadonlySet<string> = new Set(['confirmed_at'])

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value).sort()
  let out = '{'
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k]
    if (v === undefined) continue
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`
  }
  return `${out}}`
}
