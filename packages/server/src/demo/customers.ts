import type { Rng } from '@rapport/ml'
import type { CustomerInput } from '../domain/entities.ts'
import { drawConsentHistory } from './consents.ts'
import type { ConsentChange } from './consents.ts'
import { drawGender, drawIdentity } from './identity.ts'
import { categoryMix, PERSONAS } from './personas.ts'
import type { Persona } from './personas.ts'
import { CHINESE_CITIES, ENGLISH_CITIES, phoneNumber } from './places.ts'
import type { City } from './places.ts'
import { beta, chance, cumulative, gamma, pick, pickIndex } from './sampling.ts'
import { DAY_MS, isoDate, isoSeconds } from './time.ts'

/** A demo customer and the hidden traits that drive everything they do. */
export interface Profile {
  index: number
  id: string
  input: CustomerInput
  shortName: string
  city: City
  chinese: boolean
  signupMs: number
  /** Base orders per week (gamma-distributed across customers, as in the NBD model). */
  rate: number
  /** Never orders at all: signs up, browses, leaves. */
  buyer: boolean
  /** Spend multiplier (log-normal): bigger baskets and dearer variants. */
  spend: number
  /** Cumulative category weights for `pickIndex`. */
  categoryCum: Float64Array
  personas: string[]
  /** When the customer silently stops buying, or Infinity. */
  churnMs: number
  /** Added to every rating the customer gives. */
  taste: number
  reviewPropensity: number
  /** Chance of opening a marketing email. */
  engagement: number
  favouriteChannel: 'web' | 'app' | 'store' | 'marketplace' | 'phone'
  consents: ConsentChange[]
}

const ACQUISITION_CHURN: Record<string, number> = { referral: 0.17, search: 0.26, social: 0.31, marketplace: 0.36, wechat: 0.25, store: 0.22 }

function personaFor(rng: Rng, gender: string, exclude?: Persona): Persona {
  const w = PERSONAS.map((p) =>
    p === exclude ? 0 : gender === 'female' ? p.female : gender === 'male' ? p.male : (p.female + p.male) / 2)
  const persona = PERSONAS[pickIndex(rng, cumulative(w))]
  if (!persona) throw new Error('no persona')
  return persona
}

const cityCum = (cities: readonly City[]) => cumulative(cities.map((c) => c.weight))
const CN_CUM = cityCum(CHINESE_CITIES)
const EN_CUM = cityCum(ENGLISH_CITIES)

/**
 * Draws `n` customers signing up between `startMs` and `endMs`, more of them later (a growing shop).
 * About 55% live in Chinese cities, the rest in English-speaking ones; a quarter or so churn.
 */
export function drawCustomers(rng: Rng, n: number, startMs: number, endMs: number): Profile[] {
  const taken = new Set<string>()
  const out: Profile[] = []
  for (let i = 0; i < n; i++) {
    const chinese = chance(rng, 0.55)
    const city = chinese ? CHINESE_CITIES[pickIndex(rng, CN_CUM)] : ENGLISH_CITIES[pickIndex(rng, EN_CUM)]
    if (!city) throw new Error('no city')
    const gender = drawGender(rng)
    const who = drawIdentity(rng, city, gender, taken)
    const primary = personaFor(rng, gender)
    const secondary = chance(rng, 0.55) ? personaFor(rng, gender, primary) : undefined
    const age = primary.ages ? primary.ages[0] + rng.next() * (primary.ages[1] - primary.ages[0]) : Math.min(75, 18 + gamma(rng, 3, 6.5))
    const signupMs = Math.floor(startMs + (endMs - startMs - DAY_MS) * Math.pow(rng.next(), 0.8))
    const acquisition = pick(rng, chinese ? ['wechat', 'marketplace', 'search', 'social', 'referral', 'store'] : ['search', 'social', 'referral', 'marketplace', 'store'])
    const churner = chance(rng, ACQUISITION_CHURN[acquisition] ?? 0.27)
    const churnMs = churner ? signupMs + (endMs - signupMs) * (0.1 + 0.8 * rng.next()) : Infinity
    const hasEmail = chance(rng, 0.96)
    const hasPhone = chance(rng, 0.85)
    const id = `C${String(i + 1).padStart(6, '0')}`
    const tags: string[] = []
    if (chance(rng, 0.35)) tags.push(primary.tag)
    if (chinese && chance(rng, 0.25)) tags.push('wechat-follower')
    if (age < 24 && chance(rng, 0.3)) tags.push('student')
    if (chance(rng, 0.01)) tags.push('b2b')
    if (chance(rng, 0.005)) tags.push('employee')
    const input: CustomerInput = {
      external_id: id,
      name: who.name,
      city: city.city,
      region: city.region,
      country: city.country,
      signup_at: isoSeconds(signupMs),
      attributes: { language: chinese ? 'zh' : 'en', city_en: city.cityEn, acquisition_channel: acquisition },
    }
    if (hasEmail) input.email = who.email
    if (hasPhone) input.phone = phoneNumber(rng, city)
    if (chance(rng, 0.97)) input.gender = gender
    if (chance(rng, 0.9)) input.birth_date = isoDate(endMs - age * 365.25 * DAY_MS)
    if (tags.length) input.tags = tags
    const consents = drawConsentHistory(rng, { signupMs, endMs, chinese, hasEmail, hasPhone, churnMs })
    const favourites: Profile['favouriteChannel'][] = chinese ? ['app', 'app', 'marketplace', 'web', 'store'] : ['web', 'web', 'app', 'store', 'phone', 'marketplace']
    out.push({
      index: i,
      id,
      input,
      shortName: who.shortName,
      city,
      chinese,
      signupMs,
      rate: Math.min(1.5, gamma(rng, 0.9, 0.16 / 0.9)),
      buyer: chance(rng, 0.9),
      spend: Math.exp(0.35 * rng.normal()),
      categoryCum: cumulative(categoryMix(primary, secondary, 0.35)),
      personas: secondary ? [primary.key, secondary.key] : [primary.key],
      churnMs,
      taste: 0.45 * rng.normal() - (churner ? 0.35 : 0),
      reviewPropensity: chance(rng, 0.35) ? 0 : 0.04 + 0.3 * beta(rng, 1.2, 3),
      engagement: beta(rng, 1.5, 5),
      favouriteChannel: pick(rng, favourites),
      consents,
    })
  }
  return out
}
