import type { Rng } from '@rapport/ml'
import type { ConsentInput } from '../domain/entities.ts'
import { chance, pick } from './sampling.ts'
import { HOUR_MS, isoSeconds } from './time.ts'

/** One entry of a customer's append-only consent history, in time order. */
export interface ConsentChange {
  channel: 'email' | 'sms'
  granted: boolean
  ms: number
  source: string
}

export interface ConsentTraits {
  signupMs: number
  endMs: number
  chinese: boolean
  hasEmail: boolean
  hasPhone: boolean
  /** Customers about to leave unsubscribe more; the time they leave, or Infinity. */
  churnMs: number
}

/**
 * A consent history per channel: granted or refused at signup, sometimes revoked later (more often around
 * churn), and now and then granted again from the preference centre.
 */
export function drawConsentHistory(rng: Rng, t: ConsentTraits): ConsentChange[] {
  const out: ConsentChange[] = []
  const channels: ['email' | 'sms', boolean, number][] = [
    ['email', t.hasEmail, t.chinese ? 0.5 : 0.62],
    ['sms', t.hasPhone, t.chinese ? 0.55 : 0.3],
  ]
  for (const [channel, reachable, pGrant] of channels) {
    if (!reachable) continue
    const granted = chance(rng, pGrant)
    out.push({ channel, granted, ms: t.signupMs + rng.int(60_000), source: 'signup_form' })
    if (!granted) {
      if (chance(rng, 0.08)) {
        const ms = t.signupMs + rng.next() * (t.endMs - t.signupMs)
        out.push({ channel, granted: true, ms, source: pick(rng, ['preference_centre', 'checkout']) })
      }
      continue
    }
    const churner = Number.isFinite(t.churnMs)
    if (churner && chance(rng, 0.35)) {
      const ms = Math.min(t.endMs - HOUR_MS, t.churnMs + rng.next() * 30 * 24 * HOUR_MS)
      if (ms > t.signupMs) out.push({ channel, granted: false, ms, source: 'unsubscribe_link' })
    } else if (chance(rng, 0.12)) {
      const ms = t.signupMs + rng.next() * (t.endMs - t.signupMs)
      out.push({ channel, granted: false, ms, source: pick(rng, ['unsubscribe_link', 'unsubscribe_link', 'preference_centre', 'customer_service']) })
      if (chance(rng, 0.2)) out.push({ channel, granted: true, ms: ms + rng.next() * (t.endMs - ms), source: 'preference_centre' })
    }
  }
  return out.sort((a, b) => a.ms - b.ms)
}

/** Whether the history allows contact on `channel` at time `ms` (the last change before `ms` wins). */
export function consentAt(history: readonly ConsentChange[], channel: 'email' | 'sms', ms: number): boolean {
  let granted = false
  for (const c of history) {
    if (c.ms > ms) break
    if (c.channel === channel) granted = c.granted
  }
  return granted
}

export function consentRecords(customerId: string, history: readonly ConsentChange[]): ConsentInput[] {
  return history.map((c) => ({
    customer_id: customerId,
    channel: c.channel,
    purpose: 'marketing',
    status: c.granted ? 'granted' : 'revoked',
    recorded_at: isoSeconds(c.ms),
    source: c.source,
  }))
}
