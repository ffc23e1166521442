import { createHmac, timingSafeEqual } from 'node:crypto'
import { RapportError, invalid } from '../../../errors/rapport-error.ts'

/**
 * Tokens in links sent to customers: base64url(JSON) '.' base64url(MAC). The MAC is HMAC-SHA256 under a key
 * derived for one purpose (the label), so the workspace secret never signs two kinds of token with the same
 * key, cut to 16 bytes: 128 bits is far beyond guessing, and the URLs stay short.
 */
const MAC_BYTES = 16
const MAC_CHARS = 22 // base64url of 16 bytes, unpadded
const MAX_TOKEN_CHARS = 8192
const BASE64URL = /^[A-Za-z0-9_-]+$/

export const rejectedToken = (why: string): RapportError => invalid([{ path: 'token', message: why }], 'the link is not valid')

/** `canonical` must have a fixed key order, so one payload always gives one token. */
export function signJson(secret: Buffer | string, label: string, canonical: object): string {
  const body = Buffer.from(JSON.stringify(canonical)).toString('base64url')
  return `${body}.${mac(secret, label, body).toString('base64url')}`
}

/** Checks the MAC and returns the parsed body; the caller checks its shape. */
export function openJson(secret: Buffer | string, label: string, token: string): unknown {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) throw rejectedToken('malformed token')
  const dot = token.indexOf('.')
  const body = token.slice(0, dot)
  const sig = token.slice(dot + 1)
  if (dot <= 0 || sig.length !== MAC_CHARS || !BASE64URL.test(body) || !BASE64URL.test(sig)) throw rejectedToken('malformed token')
  const given = Buffer.from(sig, 'base64url')
  // Re-encoding catches altered padding bits, which the decoder would otherwise ignore.
  if (given.length !== MAC_BYTES || given.toString('base64url') !== sig) throw rejectedToken('malformed token')
  if (!timingSafeEqual(given, mac(secret, label, body))) throw rejectedToken('bad signature')
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    throw rejectedToken('malformed payload')
  }
}

/** The workspace id a token claims, read before its MAC is checked only to pick the key (nothing else is trusted). */
export function claimedWorkspace(token: unknown): number | null {
  const body = typeof token === 'string' ? token.slice(0, Math.max(0, token.indexOf('.'))) : ''
  try {
    const w = (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { w?: unknown }).w
    return typeof w === 'number' && Number.isSafeInteger(w) && w > 0 ? w : null
  } catch {
    return null
  }
}

// Derived keys by label and secret: a message signs several links, so deriving once per workspace saves an
// HMAC per link on the send path. Bounded, since secrets change only when rotated.
const derived = new Map<string, Buffer>()

function mac(secret: Buffer | string, label: string, body: string): Buffer {
  if (secret.length === 0) throw new RapportError('internal', 'the tracking secret is empty')
  const id = `${label}\u0000${typeof secret === 'string' ? `s:${secret}` : `b:${secret.toString('hex')}`}`
  let key = derived.get(id)
  if (!key) {
    if (derived.size >= 1000) derived.clear()
    key = createHmac('sha256', secret).update(label).digest()
    derived.set(id, key)
  }
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES)
}
