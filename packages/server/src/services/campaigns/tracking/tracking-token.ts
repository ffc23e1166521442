import { invalid } from '../../../errors/rapport-error.ts'
import { openJson, rejectedToken, signJson } from './signed-token.ts'

/**
 * Signed tokens in the open-pixel, click and unsubscribe URLs of a campaign message (signed-token.ts), under
 * a key for this purpose only. No expiry: a link in an old e-mail must keep working.
 */
export type TrackingKind = 'open' | 'click' | 'unsub'

export interface TrackingPayload {
  k: TrackingKind
  /** Workspace id. */
  w: number
  /** Campaign id. */
  c: number
  /** Ledger row id (campaign_recipients.id). */
  r: number
  /** Target URL; click tokens only. */
  u?: string
}

const KEY_LABEL = 'rapport-tracking-v1'
const MAX_URL_CHARS = 4096
const KINDS: readonly string[] = ['open', 'click', 'unsub'] satisfies TrackingKind[]

export function signToken(secret: Buffer | string, payload: TrackingPayload): string {
  const problem = payloadProblem(payload)
  if (problem) throw invalid([{ path: 'payload', message: problem }], 'the tracking payload is not valid')
  return signJson(secret, KEY_LABEL, { k: payload.k, w: payload.w, c: payload.c, r: payload.r, ...(payload.u === undefined ? {} : { u: payload.u }) })
}

/** Checks the MAC, then the shape; `kind` (the endpoint's) must match the token's when given. */
export function verifyToken(secret: Buffer | string, token: string, kind?: TrackingKind): TrackingPayload {
  const payload = openJson(secret, KEY_LABEL, token)
  const problem = payloadProblem(payload)
  if (problem) throw rejectedToken(problem)
  const p = payload as TrackingPayload
  if (kind !== undefined && p.k !== kind) throw rejectedToken(`a ${p.k} token used as a ${kind} token`)
  return p
}

const isId = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v > 0

function payloadProblem(p: unknown): string | null {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'payload is not an object'
  const o = p as Record<string, unknown>
  if (Object.keys(o).some((key) => !['k', 'w', 'c', 'r', 'u'].includes(key))) return 'unknown field in payload'
  if (typeof o.k !== 'string' || !KINDS.includes(o.k)) return 'unknown token kind'
  if (!isId(o.w) || !isId(o.c) || !isId(o.r)) return 'workspace, campaign and recipient must be positive integer ids'
  if (o.k === 'click') {
    if (typeof o.u !== 'string' || o.u.length === 0 || o.u.length > MAX_URL_CHARS) return 'a click token needs its url'
  } else if (o.u !== undefined) return `a ${o.k} token has no url`
  return null
}
