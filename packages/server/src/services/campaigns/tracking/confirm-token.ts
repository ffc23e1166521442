import { openJson, rejectedToken, signJson } from './signed-token.ts'

/** The link in a double opt-in confirmation message: whose grant, on which channel and for which purpose. */
export interface ConfirmPayload {
  /** Workspace id. */
  w: number
  /** Customer id. */
  cu: number
  ch: 'email' | 'sms'
  /** The consent purpose (marketing, …). */
  p: string
}

// A key of its own: a tracking token can never be passed off as a confirmation, nor the other way round.
const KEY_LABEL = 'rapport-consent-confirm-v1'

export function signConfirmToken(secret: Buffer | string, p: ConfirmPayload): string {
  return signJson(secret, KEY_LABEL, { w: p.w, cu: p.cu, ch: p.ch, p: p.p })
}

export function verifyConfirmToken(secret: Buffer | string, token: string): ConfirmPayload {
  const o = openJson(secret, KEY_LABEL, token) as Record<string, unknown> | null
  const isId = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw rejectedToken('payload is not an object')
  if (Object.keys(o).some((k) => !['w', 'cu', 'ch', 'p'].includes(k))) throw rejectedToken('unknown field in payload')
  if (!isId(o.w) || !isId(o.cu)) throw rejectedToken('workspace and customer must be positive integer ids')
  if (o.ch !== 'email' && o.ch !== 'sms') throw rejectedToken('unknown channel')
  if (typeof o.p !== 'string' || o.p.length === 0 || o.p.length > 60) throw rejectedToken('bad purpose')
  return { w: o.w as number, cu: o.cu as number, ch: o.ch, p: o.p }
}
