import { createHmac, timingSafeEqual } from 'node:crypto'
import { RapportError, invalid } from '../../../errors/rapport-error.ts'

/**
 * Signed tokens in the open-pixel, click and unsubscribe URLs of a campaign message: base64url(JSON) '.'
 * base64url(MAC). The MAC is HMAC-SHA256 under a key derived for this purpose only (so the workspace secret
 * signing these never signs anything else with the same key), cut to 16 bytes: 128 bits is far beyond
 * guessing, and the URLs stay short. No expiry: a link in an old e-mail must keep working.
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
const MAC_BYTES = 16
const MAC_CHARS = 22 // base64url of 16 bytes, unpadded
const MAX_TOKEN_CHARS = 8192
const MAX_URL_CHARS = 4096
const KINDS: readonly string[] = ['open', 'click', 'unsub'] satisfies TrackingKind[]
const BASE64URL = /^[A-Za-z0-9_-]+$/

export function signToken(secret: Buffer | string, payload: TrackingPayload): string {
  const problem = payloadProblem(payload)
  if (problem) throw invalid([{ path: 'payload', message: problem }], 'the tracking payload is not valid')
  // A fixed key order so one payload always gives one token.
  const canonical = { k: payload.k, w: payload.w, c: payload.c, r: payload.r, ...(payload.u === undefined ? {} : { u: payload.u }) }
  const body = Buffer.from(JSON.stringify(canonical)).toString('base64url')
  return `${body}.${mac(secret, body).toString('base64url')}`
}

/** Checks the MAC, then the shape; `kind` (the endpoint's) must match the token's when given. */
export function verifyToken(secret: Buffer | string, token: string, kind?: TrackingKind): TrackingPayload {
  const rejected = (why: string): RapportError => invalid([{ path: 'token', message: why }], 'the tracking link is not valid')
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) throw rejected('malformed token')
  const dot = token.indexOf('.')
  const body = token.slice(0, dot)
  const sig = token.slice(dot + 1)
  if (dot <= 0 || sig.length !== MAC_CHARS || !BASE64URL.test(body) || !BASE64URL.test(sig)) throw rejected('malformed token')
  const given = Buffer.from(sig, 'base64url')
  // Re-encoding catches altered padding bits, which the decoder would otherwise ignore.
  if (given.length !== MAC_BYTES || given.toString('base64url') !== sig) throw rejected('malformed token')
  if (!timingSafeEqual(given, mac(secret, body))) throw rejected('bad signature')
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    throw rejected('malformed payload')
  }
  const problem = payloadProblem(payload)
  if (problem) throw rejected(problem)
  const p = payload as TrackingPayload
  if (kind !== undefined && p.k !== kind) throw rejected(`a ${p.k} token used as a ${kind} token`)
  return p
}

function mac(secret: Buffer | string, body: string): Buffer {
  if (secret.length === 0) throw new RapportError('internal', 'the tracking secret is empty')
  const key = createHmac('sha256', secret).update(KEY_LABEL).digest()
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES)
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
