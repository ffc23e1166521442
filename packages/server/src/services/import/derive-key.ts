import { createHash } from 'node:crypto'

/**
 * A stable external id for records that have no natural one (events, reviews, consents): a hash of their
 * content with keys sorted, so importing the same row twice lands on the same key and changes nothing.
 */
export function deriveKey(record: Record<string, unknown>): string {
  return `h_${createHash('sha256').update(canonicalJson(record)).digest('base64url').slice(0, 24)}`
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}
