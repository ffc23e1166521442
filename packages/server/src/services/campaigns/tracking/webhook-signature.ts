import { createHmac, timingSafeEqual } from 'node:crypto'
import { RapportError } from '../../../errors/rapport-error.ts'

/**
 * Signatures of inbound webhooks (bounces, complaints, SMS replies): header `t=<unix seconds>,v1=<hex>` where
 * v1 is HMAC-SHA256 of `${t}.${rawBody}` under the webhook secret. Signing the timestamp with the body and
 * refusing stale ones bounds how long a captured request can be replayed. Several v1 entries are allowed so a
 * sender can sign with the old and the new secret while it is rotated.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 300

export function signWebhook(secret: Buffer | string, body: Buffer | string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000)
  return `t=${t},v1=${digest(secret, t, typeof body === 'string' ? Buffer.from(body) : body).toString('hex')}`
}

/** Throws `unauthenticated` unless one v1 matches and t is within 5 minutes of now; returns t. */
export function verifyWebhookSignature(secret: Buffer | string, rawBody: Buffer, header: string | undefined, now: Date = new Date()): number {
  const rejected = (why: string): RapportError => new RapportError('unauthenticated', `the webhook signature is not valid: ${why}`)
  if (header === undefined || header.length === 0 || header.length > 4096) throw rejected('no signature header')
  let t: number | undefined
  const signatures: Buffer[] = []
  for (const part of header.split(',')) {
    const eq = part.indexOf('=')
    const key = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value)
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'))
  }
  if (t === undefined || signatures.length === 0) throw rejected('expected t=<unix seconds>,v1=<hex>')
  if (Math.abs(now.getTime() / 1000 - t) > WEBHOOK_TOLERANCE_SECONDS) throw rejected('timestamp outside the 5-minute window')
  const expected = digest(secret, t, rawBody)
  // Compare every entry (no early exit) so timing does not tell which one matched.
  let ok = false
  for (const s of signatures) ok = timingSafeEqual(s, expected) || ok
  if (!ok) throw rejected('signature mismatch')
  return t
}

function digest(secret: Buffer | string, t: number, body: Buffer): Buffer {
  if (secret.length === 0) throw new RapportError('internal', 'the webhook secret is empty')
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest()
}
