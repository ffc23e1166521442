import type { Rng } from '@rapport/ml'
import type { Catalogue } from './catalogue.ts'
import { consentAt } from './consents.ts'
import type { Profile } from './customers.ts'
import type { EventDraft } from './events.ts'
import { chance, exponential } from './sampling.ts'
import { DAY_MS, HOUR_MS, isoDate } from './time.ts'

interface Campaign {
  id: string
  channel: 'email' | 'sms'
  /** Send time for Chinese customers; English-speaking ones get it 12 hours later (their morning). */
  ms: number
  product: number
}

function calendar(rng: Rng, catalogue: Catalogue, startMs: number, endMs: number): Campaign[] {
  const out: Campaign[] = []
  for (let t = startMs + 3 * DAY_MS + 2 * HOUR_MS; t < endMs - HOUR_MS * 14; t += 14 * DAY_MS)
    out.push({ id: `NL-${isoDate(t)}`, channel: 'email', ms: t, product: rng.int(catalogue.products.length) })
  for (let t = startMs + 10 * DAY_MS + 3 * HOUR_MS; t < endMs - HOUR_MS * 14; t += 30 * DAY_MS)
    out.push({ id: `SMS-${isoDate(t)}`, channel: 'sms', ms: t, product: rng.int(catalogue.products.length) })
  return out
}

/**
 * Marketing touches: a fortnightly newsletter and a monthly SMS offer. Only customers whose consent on that
 * channel is granted at send time can open or click; engagement is a per-customer trait and fades after churn.
 */
export function drawCampaignEvents(rng: Rng, customers: readonly Profile[], catalogue: Catalogue, startMs: number, endMs: number): EventDraft[] {
  const campaigns = calendar(rng, catalogue, startMs, endMs)
  const out: EventDraft[] = []
  for (const who of customers) {
    if (who.consents.length === 0) continue
    for (const c of campaigns) {
      const sent = c.ms + (who.chinese ? 0 : 12 * HOUR_MS)
      if (sent < who.signupMs || !consentAt(who.consents, c.channel, sent)) continue
      const fade = sent > who.churnMs ? 0.2 : 1
      const props = { campaign_id: c.id }
      if (c.channel === 'email') {
        if (!chance(rng, who.engagement * fade)) continue
        const openMs = sent + exponential(rng, 5 * HOUR_MS)
        // Nothing is tracked for someone who unsubscribed in between.
        if (openMs >= endMs || !consentAt(who.consents, 'email', openMs)) continue
        out.push({ customer: who, ms: openMs, type: 'email_open', properties: props })
        if (!chance(rng, 0.3)) continue
        const clickMs = openMs + 20_000 + exponential(rng, 60_000)
        if (clickMs >= endMs || !consentAt(who.consents, 'email', clickMs)) continue
        out.push({ customer: who, ms: clickMs, type: 'email_click', product: c.product, properties: props })
        // A lapsed customer may still click, but no longer browses on.
        if (clickMs < who.churnMs && clickMs + 5_000 < endMs) out.push({ customer: who, ms: clickMs + 5_000, type: 'view', product: c.product, properties: { ...props, source: 'email' } })
      } else if (chance(rng, (0.03 + 0.15 * who.engagement) * fade)) {
        const clickMs = sent + exponential(rng, HOUR_MS)
        if (clickMs < endMs && consentAt(who.consents, 'sms', clickMs)) out.push({ customer: who, ms: clickMs, type: 'sms_click', product: c.product, properties: props })
      }
    }
  }
  return out
}
