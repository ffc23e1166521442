export interface CharNgramOptions {
  /** n-gram lengths inside runs of Han characters (Chinese has no spaces: the run is the unit). Default [1, 3]. */
  han?: readonly [number, number]
  /** n-gram lengths inside other words, padded with a space at each end (scikit-learn's char_wb). Default [2, 5]. */
  word?: readonly [number, number]
}

const HAN = /\p{Script=Han}/u
const RUN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu

/**
 * Character n-grams of a normalised text, robust to segmentation errors, typos and inflection: within each
 * run of Han characters all n-grams of the `han` lengths; within each other word the n-grams of the `word`
 * lengths of the space-padded word. Punctuation separates runs. O(length × span of n).
 */
export function charNgrams(text: string, opts: CharNgramOptions = {}): string[] {
  const [hLo, hHi] = opts.han ?? [1, 3]
  const [wLo, wHi] = opts.word ?? [2, 5]
  const out: string[] = []
  for (const m of text.matchAll(RUN)) {
    const run = m[0]
    if (HAN.test(run)) {
      const chars = [...run]
      for (let n = hLo; n <= hHi; n++) {
        for (let i = 0; i + n <= chars.length; i++) out.push(n === 1 ? chars[i]! : chars.slice(i, i + n).join(''))
      }
    } else {
      const chars = [...` ${run} `]
      for (let n = wLo; n <= wHi; n++) {
        if (n > chars.length) break
        for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''))
      }
    }
  }
  return out
}

/** Word n-grams (min..max) of a token list, joined by a space. O(tokens × span). */
export function wordNgrams(tokens: readonly string[], min = 1, max = 1): string[] {
  const out: string[] = []
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '))
  }
  return out
}
