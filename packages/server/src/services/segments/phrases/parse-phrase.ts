import { invalid } from '../../../errors/rapport-error.ts'
import { segmentNode, type SegmentLeaf } from '../../../domain/segment-tree.ts'
import { attachWindows } from './attach-windows.ts'
import { chooseReadings } from './choose-readings.ts'
import { leftoversIn, onlyFiller, type Leftover } from './leftovers.ts'
import { mergePlaces } from './merge-places.ts'
import { detectLang, matchingForm } from './normalize.ts'
import type { PhraseLang, PhraseResult, PhraseRule, PhraseVocabulary } from './phrase-types.ts'
import { categoryBuyersRule, productRule } from './product-rules.ts'
import { ENGLISH_RULES } from './rules-en.ts'
import { CHINESE_RULES } from './rules-zh.ts'
import { cityRule, countryRule, personaRule, rfmRule } from './vocabulary-rules.ts'

export type { PhraseResult, PhraseVocabulary } from './phrase-types.ts'

/** Longer input is not a phrase; it would only make the matching slow. */
export const MAX_PHRASE_LENGTH = 1000

const RULES: Record<PhraseLang, PhraseRule[]> = {
  en: [...ENGLISH_RULES, productRule('en'), categoryBuyersRule('en'), cityRule, countryRule, rfmRule, personaRule],
  zh: [...CHINESE_RULES, productRule('zh'), categoryBuyersRule('zh'), cityRule, countryRule, rfmRule, personaRule],
}

/**
 * Reads a marketer's phrase ("上海 过去30天 下单至少2次 流失风险高 可以发邮件") as a segment tree for review:
 * rule-based, against the workspace's own cities, categories, RFM segments and personas. Whatever is not
 * understood is listed in `unknown`, in input order; nothing is guessed or dropped silently.
 */
export function parsePhrase(text: string, vocab: PhraseVocabulary, lang?: PhraseLang): PhraseResult {
  if (text.length > MAX_PHRASE_LENGTH) throw invalid([{ path: 'text', message: `must be at most ${MAX_PHRASE_LENGTH} characters` }], 'the phrase is too long')
  const language = lang ?? detectLang(text)
  const input = { original: text, text: matchingForm(text), vocab }
  const readings = mergePlaces(chooseReadings(RULES[language].flatMap((rule) => rule(input))), input.text, language)
  const { leaves, unusedWindows } = attachWindows(readings, input.text, language)

  const unknown: Leftover[] = []
  let from = 0
  for (const r of readings) {
    unknown.push(...leftoversIn(input.text, from, r.start, language))
    from = r.end
  }
  unknown.push(...leftoversIn(input.text, from, input.text.length, language))
  unknown.push(...readings.filter((r) => r.kind === 'unclear'), ...unusedWindows)
  // A verb whose object is already reported ("bought <Garden Tools>") is part of that report; alone, it is unknown.
  for (const v of readings.filter((r) => r.kind === 'verb')) {
    const object = unknown.filter((u) => u.start >= v.end).sort((a, b) => a.start - b.start)[0]
    if (object === undefined || !onlyFiller(input.text, v.end, object.start, language)) unknown.push(v)
  }

  const conditions: SegmentLeaf[] = []
  const recognised: Array<{ start: number; text: string; path: string }> = []
  for (const { reading, leaf, windows } of leaves) {
    // Rules build valid leaves; this guard keeps the promise that `tree` always passes the schema.
    if (!segmentNode.safeParse(leaf).success) {
      unknown.push(reading, ...windows)
      continue
    }
    const path = `$.conditions[${conditions.length}]`
    conditions.push(leaf)
    for (const span of [reading, ...windows]) recognised.push({ start: span.start, text: text.slice(span.start, span.end).trim(), path })
  }

  return {
    tree: conditions.length === 0 ? null : { type: 'all', conditions },
    unknown: unknown.sort((a, b) => a.start - b.start).map((u) => text.slice(u.start, u.end).trim()),
    lang: language,
    recognised: recognised.sort((a, b) => a.start - b.start).map(({ text: t, path }) => ({ text: t, path })),
  }
}
