import { stemmer } from 'stemmer'
import type { Tokenizer } from './tokenizer.ts'

export interface EnglishTokenizerOptions {
  /** Prefix words after a negation with `not_` until the next punctuation mark (Pang, Lee & Vaithyanathan 2002). Default true. */
  negation?: boolean
  /** Porter-stem every word with the `stemmer` package. Default false. */
  stem?: boolean
  /** Keep `!` and `?` as tokens (they carry sentiment and question intent). Default true. */
  keepMarks?: boolean
  /** Emit `,` at every clause punctuation mark, so phrase finders do not join words across clauses. Default false. */
  clauseMarks?: boolean
}

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcan['’]t\b/g, 'can not'],
  [/\bwon['’]t\b/g, 'will not'],
  [/\bshan['’]t\b/g, 'shall not'],
  [/\bain['’]t\b/g, 'is not'],
  [/n['’]t\b/g, ' not'],
  [/['’]re\b/g, ' are'],
  [/['’]ve\b/g, ' have'],
  [/['’]ll\b/g, ' will'],
  [/['’]d\b/g, ' would'],
  [/['’]m\b/g, ' am'],
  [/['’]s\b/g, ''],
]

/** Words that open a negation scope. */
export const ENGLISH_NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'nowhere', 'cannot', 'without', 'hardly',
])

// A word: letters/digits, possibly joined by inner apostrophes or hyphens; or a run of clause punctuation.
const TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[.,;:!?]+/gu

/**
 * Unicode-aware English tokenizer: lower-cases, expands contractions (`don't` → `do not`), splits on anything
 * that is not a letter or digit, marks negation scope (`not good` → `not not_good`), and optionally stems.
 * O(length).
 */
export function createEnglishTokenizer(opts: EnglishTokenizerOptions = {}): Tokenizer {
  const negation = opts.negation ?? true
  const stem = opts.stem ?? false
  const keepMarks = opts.keepMarks ?? true
  const clauseMarks = opts.clauseMarks ?? false
  return {
    tokenize(text: string): string[] {
      let s = text.toLowerCase()
      for (const [re, rep] of CONTRACTIONS) s = s.replace(re, rep)
      const out: string[] = []
      let negated = false
      for (const m of s.matchAll(TOKEN)) {
        const tok = m[0]
        const first = tok.charCodeAt(0)
        if (first === 46 || first === 44 || first === 59 || first === 58 || first === 33 || first === 63) {
          negated = false
          if (clauseMarks) out.push(',')
          if (keepMarks) {
            if (tok.includes('!')) out.push('!')
            if (tok.includes('?')) out.push('?')
          }
          continue
        }
        const word = stem ? stemmer(tok) : tok
        if (negation && ENGLISH_NEGATORS.has(tok)) {
          out.push(word)
          negated = true
          continue
        }
        out.push(negated ? `not_${word}` : word)
      }
      return out
    },
  }
}
