/** Numbers as people type them: digits ("1,000", "2.5", "3k"), English words and Chinese numerals. */

const UNITS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const
const TENS_EN: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }
const MULTIPLES_EN: Record<string, number> = { once: 1, twice: 2, thrice: 3 }

const byLengthDesc = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length)

const tensPattern = `(?:${Object.keys(TENS_EN).join('|')})(?:[- ](?:${byLengthDesc(UNITS_EN.slice(1, 10)).join('|')}))?`
const wordsPattern = `(?:(?:a|one) hundred|hundred|${tensPattern}|${byLengthDesc(UNITS_EN).join('|')})`

/** An English number: digits or words (matching form, so lower case). */
export const NUM_EN = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?k?|${wordsPattern})`
/** "once", "twice", "thrice": a count with its "times" built in. */
export const MULTIPLE_EN = '(?:once|twice|thrice)'

/** A Chinese number: Arabic digits (optionally 千 / 万) or Chinese numerals. */
export const NUM_ZH = String.raw`(?:\d+(?:\.\d+)?(?:千|万)?|[零〇一二两三四五六七八九十百千万]+)`

export function parseEnglishNumber(s: string): number | undefined {
  const t = s.trim()
  const multiple = MULTIPLES_EN[t]
  if (multiple !== undefined) return multiple
  if (/^[\d,]+(\.\d+)?k?$/.test(t)) {
    const k = t.endsWith('k')
    const n = Number(t.replace(/[,k]/g, ''))
    return Number.isFinite(n) ? (k ? n * 1000 : n) : undefined
  }
  if (t === 'hundred' || t === 'a hundred' || t === 'one hundred') return 100
  const [tens, unit] = t.split(/[- ]/)
  const tensValue = tens === undefined ? undefined : TENS_EN[tens]
  if (tensValue !== undefined) {
    if (unit === undefined) return tensValue
    const u = (UNITS_EN as readonly string[]).indexOf(unit)
    return u > 0 && u < 10 ? tensValue + u : undefined
  }
  const u = (UNITS_EN as readonly string[]).indexOf(t)
  return u >= 0 ? u : undefined
}

const DIGITS_ZH: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const SMALL_UNITS_ZH: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

export function parseChineseNumber(s: string): number | undefined {
  const arabic = /^(\d+(?:\.\d+)?)(千|万)?$/.exec(s)
  if (arabic?.[1] !== undefined) return Number(arabic[1]) * (arabic[2] === '万' ? 10_000 : arabic[2] === '千' ? 1000 : 1)
  let total = 0
  let section = 0
  let digit: number | undefined
  for (const c of s) {
    const d = DIGITS_ZH[c]
    const unit = SMALL_UNITS_ZH[c]
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined // "二三" is not a number; "一百零五" is
      digit = d
    } else if (unit !== undefined) {
      section += (digit ?? 1) * unit
      digit = undefined
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10_000
      section = 0
      digit = undefined
    } else {
      return undefined
    }
  }
  return total + section + (digit ?? 0)
}

export const parseNumber = (s: string, lang: 'en' | 'zh'): number | undefined =>
  lang === 'en' ? parseEnglishNumber(s) : (parseChineseNumber(s) ?? parseEnglishNumber(s))
