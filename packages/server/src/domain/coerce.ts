/**
 * Turns the strings of a CSV row into the typed values the entity schemas expect. JSON Lines input already
 * has types, but numbers written as strings are accepted there too. Empty cells mean "absent".
 */
const NUMBER_FIELDS = new Set(['price', 'total', 'quantity', 'unit_price', 'rating'])
const JSON_FIELDS = new Set(['attributes', 'properties'])
const LIST_FIELDS = new Set(['tags'])

export interface CoerceError {
  field: string
  reason: string
}

/** Coerces in place; returns the problems found (the caller reports them as row errors). */
export function coerceRecord(record: Record<string, unknown>): CoerceError[] {
  const errors: CoerceError[] = []
  for (const [field, value] of Object.entries(record)) {
    if (typeof value !== 'string') continue
    const v = value.trim()
    if (v === '') {
      delete record[field]
      continue
    }
    if (NUMBER_FIELDS.has(field)) {
      const n = Number(v)
      if (Number.isFinite(n)) record[field] = n
      else errors.push({ field, reason: `"${clip(v)}" is not a number` })
    } else if (JSON_FIELDS.has(field)) {
      try {
        const parsed: unknown = JSON.parse(v)
        record[field] = parsed
      } catch {
        errors.push({ field, reason: 'is not valid JSON' })
      }
    } else if (LIST_FIELDS.has(field)) {
      record[field] = v.startsWith('[') ? safeJson(v) ?? v : v.split(/[;|]/).map((s) => s.trim()).filter(Boolean)
    } else if (field.endsWith('_at')) {
      // "2024-05-01 10:20:30" is how spreadsheets write times: accept it as ISO 8601.
      record[field] = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(v) ? v.replace(' ', 'T') : v
    } else {
      record[field] = v
    }
  }
  return errors
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v) as unknown
  } catch {
    return undefined
  }
}

function clip(v: string): string {
  return v.length > 40 ? `${v.slice(0, 37)}...` : v
}
