import { invalid } from '../../errors/rapport-error.ts'

/**
 * The position after the last row of a page: the sort it belongs to, that row's sort value (as Postgres
 * text, so timestamps keep their microseconds) and its id. Opaque to clients: base64url of a small JSON.
 */
export interface Cursor {
  sort: string
  value: string | null
  id: number
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString('base64url')
}

/** Decodes a cursor, rejecting one that is malformed or was made for another sort order. */
export function decodeCursor(text: string, sort: string): Cursor {
  const bad = () => invalid([{ path: 'query.cursor', message: 'is not a cursor returned by this listing' }])
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw bad()
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw bad()
  const [s, value, id] = parsed as unknown[]
  if (s !== sort || !(value === null || typeof value === 'string') || typeof id !== 'number' || !Number.isSafeInteger(id)) throw bad()
  return { sort, value, id }
}
