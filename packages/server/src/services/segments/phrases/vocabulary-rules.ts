/** Readings from the workspace's own words: cities (with the built-in table), countries, RFM segments, personas, categories. */
import { RFM_SEGMENT_ZH } from '../../intelligence/kinds/rfm.ts'
import { predictionChoice } from './leaf-builders.ts'
import { CAPITALS_ONLY, CITY_NAMES, COUNTRY_NAMES, type CityName } from './place-names.ts'
import { allNames, matchNameAt, nameMatcher, perList } from './name-matcher.ts'
import type { Candidate, CandidateBody, PhraseInput, PhraseRule } from './phrase-types.ts'

const cityKey = (s: string) => s.toLowerCase().replace(/市$/, '').replace(/\s+city$/, '').replace(/[\s'’-]/g, '')

const CITY_BY_KEY = new Map<string, CityName>(CITY_NAMES.flatMap((c) => [c.zh, c.en, ...(c.aliases ?? [])].map((s) => [cityKey(s), c] as const)))
const cityEntry = (name: string): CityName | undefined => CITY_BY_KEY.get(cityKey(name))

/** The workspace's city spellings by their comparison key ("上海市" and "上海" share one). */
function storedByKey(stored: readonly string[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>()
  for (const v of stored) byKey.set(cityKey(v), [...(byKey.get(cityKey(v)) ?? []), v])
  return byKey
}

/**
 * The stored spellings of a city: for a well-known one, its Chinese and English names, each as the workspace
 * writes it when it does (上海市, SHANGHAI) and from the table otherwise; for any other, the name as stored.
 */
function citySpellingsFrom(name: string, byKey: ReadonlyMap<string, string[]>): string[] {
  const entry = cityEntry(name)
  if (entry === undefined) return [name]
  const out: string[] = []
  const add = (s: string) => { if (!out.some((o) => o.toLowerCase() === s.toLowerCase())) out.push(s) }
  for (const spelling of [entry.zh, entry.en]) for (const s of byKey.get(cityKey(spelling)) ?? [spelling]) add(s)
  for (const alias of entry.aliases ?? []) for (const s of byKey.get(cityKey(alias)) ?? []) add(s)
  return out
}

const usable = (names: readonly string[]) => names.filter((n) => n.trim().length > 0)

const cityMatcher = perList((stored: readonly string[]) => {
  const byKey = storedByKey(stored)
  return nameMatcher([...CITY_NAMES.flatMap((c) => [c.zh, c.en, ...(c.aliases ?? [])]), ...usable(stored)].map((name) => ({
    name,
    // A Chinese city may be written with 市 ("上海市").
    suffix: /\p{Script=Han}$/u.test(name) && !name.endsWith('市') ? '市?' : '',
    value: citySpellingsFrom(name, byKey),
  })))
})

const countryMatcher = nameMatcher(Object.entries(COUNTRY_NAMES).flatMap(([code, names]) =>
  [...names.en, ...names.zh].map((name) => ({ name, value: code }))))

const rfmMatcher = perList((segments: readonly string[]) => nameMatcher(usable(segments).flatMap((name) => {
  const zh = (RFM_SEGMENT_ZH as Record<string, string | undefined>)[name]
  return [name, ...(zh === undefined ? [] : [zh])].map((typed) => ({ name: typed, value: name }))
})))

const personaMatcher = perList((personas: readonly string[]) => nameMatcher(usable(personas).map((name) => ({ name, value: name }))))

const categoryMatcher = perList((categories: readonly string[]) => nameMatcher(usable(categories).map((name) => ({ name, value: name }))))

const at = <T>(hits: Array<{ start: number; end: number; value: T }>, body: (v: T) => CandidateBody, priority: number): Candidate[] =>
  hits.map((h) => ({ ...body(h.value), start: h.start, end: h.end, priority }))

export const cityRule: PhraseRule = (input: PhraseInput) =>
  at(allNames(cityMatcher(input.vocab.cities), input.text), (values) => ({ kind: 'place', field: 'city', values }), 1)

export const countryRule: PhraseRule = (input) =>
  at(allNames(countryMatcher, input.text), (code) => ({ kind: 'place', field: 'country', values: [code] }), 1)
    .filter((c) => !CAPITALS_ONLY.has(input.text.slice(c.start, c.end)) || input.original.slice(c.start, c.end) === input.original.slice(c.start, c.end).toUpperCase())

/** RFM segments of the workspace by their stored (English) names, and by their Chinese names too. */
export const rfmRule: PhraseRule = (input) =>
  at(allNames(rfmMatcher(input.vocab.rfmSegments), input.text), (name) => predictionChoice('rfm_segment', name), 2)

export const personaRule: PhraseRule = (input) =>
  at(allNames(personaMatcher(input.vocab.personas), input.text), (name) => predictionChoice('persona', name), 2)

/**
 * A list of the workspace's categories starting at `pos` ("Coffee & Tea or Pet Supplies", "咖啡茶饮、宠物用品"):
 * where it ends, the categories as stored, and whether every joint was an "and".
 */
export function categoryListAt(text: string, pos: number, categories: readonly string[], joiner: RegExp, andJoiner: RegExp):
  { end: number; names: string[]; allAnd: boolean } | undefined {
  const matcher = categoryMatcher(categories)
  const first = matchNameAt(matcher, text, pos)
  if (first === undefined) return undefined
  const names = [first.value]
  let end = first.end
  let allAnd = true
  const j = new RegExp(joiner.source, 'uy')
  for (;;) {
    j.lastIndex = end
    const jm = j.exec(text)
    if (jm === null) break
    const next = matchNameAt(matcher, text, end + jm[0].length)
    if (next === undefined) break
    if (!andJoiner.test(jm[0])) allAnd = false
    if (!names.includes(next.value)) names.push(next.value)
    end = next.end
  }
  return { end, names, allAnd }
}
