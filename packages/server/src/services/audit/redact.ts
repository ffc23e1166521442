/**
 * Fields whose values are personal data: the audit log records that they changed, never what they were or
 * became. Passwords and secrets never appear at all.
 */
const PERSONAL: Record<string, ReadonlySet<string>> = {
  customers: new Set(['name', 'email', 'phone', 'birth_date']),
  users: new Set(['name', 'email']),
  reviews: new Set(['text']),
  tickets: new Set(['subject', 'body']),
}
const SECRET = new Set(['password', 'token', 'csrf_token'])

export const REDACTED = '[redacted]'

export type Changes = Record<string, { before?: unknown; after?: unknown }>

/** The fields that differ between before and after (either may be absent: create or delete), redacted. */
export function changedFields(entity: string, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): Changes {
  const out: Changes = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const k of keys) {
    if (k === 'updated_at' || k === 'created_at') continue
    const b = before?.[k]
    const a = after?.[k]
    if (before && after && JSON.stringify(b) === JSON.stringify(a)) continue
    const change: { before?: unknown; after?: unknown } = {}
    if (before) change.before = redactValue(entity, k, b)
    if (after) change.after = redactValue(entity, k, a)
    out[k] = change
  }
  return out
}

function redactValue(entity: string, field: string, v: unknown): unknown {
  if (v === null || v === undefined) return null
  return PERSONAL[entity]?.has(field) || SECRET.has(field) || field.endsWith('_hash') ? REDACTED : v
}
