import type { Rng } from '@rapport/ml'
import type { CustomerInput } from '../domain/entities.ts'
import {
  CHINESE_GIVEN_FEMALE, CHINESE_GIVEN_MALE, CHINESE_MAIL_DOMAINS, CHINESE_SURNAMES, ENGLISH_FIRST_FEMALE,
  ENGLISH_FIRST_MALE, ENGLISH_LAST, ENGLISH_MAIL_DOMAINS,
} from './names.ts'
import type { City } from './places.ts'
import { between, chance, pick } from './sampling.ts'

/** Who a demo customer is on paper: name, gender and the email address derived from the name. */
export interface Identity {
  name: string
  /** How tickets greet and sign: the given name for English speakers, the full name for Chinese ones. */
  shortName: string
  gender: NonNullable<CustomerInput['gender']>
  email: string
}

export function drawGender(rng: Rng): Identity['gender'] {
  const x = rng.next()
  return x < 0.52 ? 'female' : x < 0.97 ? 'male' : x < 0.98 ? 'other' : 'unknown'
}

const ascii = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '')

/** A name for the gender in the city's culture, and a plausible address under a reserved mail domain. */
export function drawIdentity(rng: Rng, city: City, gender: Identity['gender'], taken: Set<string>): Identity {
  const female = gender === 'female' || (gender !== 'male' && chance(rng, 0.5))
  let name: string
  let shortName: string
  let local: string
  let domain: string
  if (city.country === 'CN') {
    const [sur, surPy] = pick(rng, CHINESE_SURNAMES)
    const pool = female ? CHINESE_GIVEN_FEMALE : CHINESE_GIVEN_MALE
    const [g1, py1] = pick(rng, pool)
    const second = chance(rng, 0.65) ? pick(rng, pool) : undefined
    const given = second ? g1 + second[0] : g1
    const givenPy = second ? py1 + second[1] : py1
    name = sur + given
    shortName = name
    domain = pick(rng, CHINESE_MAIL_DOMAINS)
    const style = rng.int(4)
    local =
      domain === 'qq.example' && style < 2 ? String(between(rng, 10_000_000, 2_999_999_999))
        : style === 0 ? `${surPy}${givenPy}`
          : style === 1 ? `${givenPy}.${surPy}`
            : style === 2 ? `${surPy}${givenPy}${between(rng, 80, 99)}`
              : `${surPy}_${givenPy}${between(rng, 1, 999)}`
  } else {
    const first = pick(rng, female ? ENGLISH_FIRST_FEMALE : ENGLISH_FIRST_MALE)
    const last = pick(rng, ENGLISH_LAST)
    name = `${first} ${last}`
    shortName = first
    domain = pick(rng, ENGLISH_MAIL_DOMAINS)
    const f = ascii(first)
    const l = ascii(last)
    const style = rng.int(4)
    local = style === 0 ? `${f}.${l}` : style === 1 ? `${f}${l}${between(rng, 70, 99)}` : style === 2 ? `${f[0] ?? 'x'}${l}` : `${f}_${l}${between(rng, 1, 99)}`
  }
  let email = `${local}@${domain}`
  // Real lists have near-duplicates but never two customers sharing one address.
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`
  taken.add(email)
  return { name, shortName, gender, email }
}
