import * as OpenCC from 'opencc-js'

const HAN = /\p{Script=Han}/u
let toSimplified: ((s: string) => string) | undefined

/** Options of {@link normalizeText}. */
export interface NormalizeOptions {
  /** Convert traditional Chinese characters to simplified ones (OpenCC's t → cn tables). Default true. */
  traditionalToSimplified?: boolean
  /** Lower-case the text. Default true. */
  lowerCase?: boolean
}

/**
 * Canonical form of a text before tokenisation: Unicode NFKC (which maps full-width ASCII such as
 * `ＡＢＣ１２３，` to half-width `ABC123,` and folds compatibility forms), traditional → simplified Chinese via
 * opencc-js when the text has Han characters, and lower case. O(length).
 */
export function normalizeText(text: string, opts: NormalizeOptions = {}): string {
  let s = text.normalize('NFKC')
  if ((opts.traditionalToSimplified ?? true) && HAN.test(s)) {
    // The converter builds its trie once (about 50 ms); later calls are linear in the text length.
    const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }) as (t: string) => string)
    s = convert(s)
  }
  return (opts.lowerCase ?? true) ? s.toLowerCase() : s
}
