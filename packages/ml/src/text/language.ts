/** Language of a text as far as routing needs it. */
export type DetectedLanguage = 'zh' | 'en' | 'mixed' | 'unknown'

export interface LanguageGuess {
  lang: DetectedLanguage
  /** Share of Chinese in [0, 1], counting a Han character against three Latin letters (about one word each). */
  zhShare: number
  han: number
  latin: number
}

const HAN = /\p{Script=Han}/u
const LATIN = /\p{Script=Latin}/u

/**
 * Script-count language detection for routing zh / en / mixed text: counts Han characters and Latin letters
 * (a Han character carries about as much as a three-letter chunk of English), then thresholds the Chinese
 * share at 0.3 and 0.7. O(length). Good enough to pick a tokenizer; not a general language identifier.
 */
export function detectLanguage(text: string): LanguageGuess {
  let han = 0
  let latin = 0
  for (const ch of text) {
    if (HAN.test(ch)) han++
    else if (LATIN.test(ch)) latin++
  }
  const zhW = han
  const enW = latin / 3
  if (zhW + enW === 0) return { lang: 'unknown', zhShare: 0, han, latin }
  const zhShare = zhW / (zhW + enW)
  const lang: DetectedLanguage = zhShare >= 0.7 ? 'zh' : zhShare <= 0.3 ? 'en' : 'mixed'
  return { lang, zhShare, han, latin }
}

/** Majority language of a corpus (by summed weight), used to pick one analyzer for a model. */
export function detectCorpusLanguage(texts: readonly string[], sample = 2000): DetectedLanguage {
  let zh = 0
  let en = 0
  const step = Math.max(1, Math.floor(texts.length / sample))
  for (let i = 0; i < texts.length; i += step) {
    const g = detectLanguage(texts[i] ?? '')
    zh += g.han
    en += g.latin / 3
  }
  if (zh + en === 0) return 'unknown'
  const share = zh / (zh + en)
  return share >= 0.7 ? 'zh' : share <= 0.3 ? 'en' : 'mixed'
}
