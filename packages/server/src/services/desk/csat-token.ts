import { openJson, rejectedToken, signJson } from '../campaigns/tracking/signed-token.ts'

/** The link in a satisfaction request: which workspace's conversation. */
export interface CsatPayload {
  w: number
  t: number
}

// A key of its own: no tracking or confirmation token passes as a satisfaction link, nor the other way round.
const KEY_LABEL = 'rapport-desk-csat-v1'

export const signCsatToken = (secret: Buffer | string, p: CsatPayload): string => signJson(secret, KEY_LABEL, { w: p.w, t: p.t })

export function verifyCsatToken(secret: Buffer | string, token: string): CsatPayload {
  const o = openJson(secret, KEY_LABEL, token) as Record<string, unknown> | null
  const isId = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw rejectedToken('payload is not an object')
  if (Object.keys(o).some((k) => k !== 'w' && k !== 't') || !isId(o.w) || !isId(o.t)) throw rejectedToken('bad payload')
  return { w: o.w as number, t: o.t as number }
}
