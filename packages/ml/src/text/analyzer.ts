import { charNgrams, wordNgrams } from './char-ngrams.ts'
import { createChineseTokenizer } from './chinese-tokenizer.ts'
import { createEnglishTokenizer } from './english-tokenizer.ts'
import { jiebaSegmenter } from './jieba.ts'
import { normalizeText } from './normalize.ts'
import type { Segmenter, Tokenizer } from './tokenizer.ts'

/** How a text becomes feature tokens; stored in every model so prediction repeats training exactly. */
export interface AnalyzerConfig {
  /** zh: jieba for every text; en: English rules; auto: jieba when the text has Han characters, else English. */
  lang: 'zh' | 'en' | 'auto'
  /** Word n-gram lengths [min, max]; null for no word features. */
  wordNgrams: [number, number] | null
  /** Character n-gram lengths in Han runs and in other words; null for no character features. */
  charNgrams: { han: [number, number]; word: [number, number] } | null
  negation: boolean
  stem: boolean
  traditionalToSimplified: boolean
  /** tokens() emits `,` at clause punctuation (keywords: no phrases across clauses). Default false. */
  clauseMarks?: boolean
}

/** The default analyzer: words 1–2 plus characters (Han 1–3, char_wb 2–5), negation marked, no stemming. */
export function defaultAnalyzerConfig(lang: AnalyzerConfig['lang'] = 'auto'): AnalyzerConfig {
  return {
    lang,
    wordNgrams: [1, 2],
    charNgrams: { han: [1, 3], word: [2, 5] },
    negation: true,
    stem: false,
    traditionalToSimplified: true,
  }
}

/** Token streams of one text, one per feature block. */
export interface AnalyzedText {
  words: string[]
  chars: string[]
}

export interface Analyzer {
  config: AnalyzerConfig
  /** Normalised tokens (no n-grams), e.g. for keywords and BM25. */
  tokens(text: string): string[]
  analyze(text: string): AnalyzedText
}

const HAN = /\p{Script=Han}/u

/** Builds an analyzer; the Chinese segmenter defaults to jieba and may be injected (tests, other segmenters). */
export function createAnalyzer(config: AnalyzerConfig, segmenter?: Segmenter): Analyzer {
  const marks = config.clauseMarks ?? false
  const en = createEnglishTokenizer({ negation: config.negation, stem: config.stem, clauseMarks: marks })
  let zh: Tokenizer | undefined
  const zhTokenizer = (): Tokenizer => (zh ??= createChineseTokenizer(segmenter ?? jiebaSegmenter(), { negation: config.negation, clauseMarks: marks }))
  const norm = (text: string): string => normalizeText(text, { traditionalToSimplified: config.traditionalToSimplified })
  const tokensOf = (s: string): string[] =>
    config.lang === 'en' || (config.lang === 'auto' && !HAN.test(s)) ? en.tokenize(s) : zhTokenizer().tokenize(s)
  return {
    config,
    tokens: (text) => tokensOf(norm(text)),
    analyze(text: string): AnalyzedText {
      const s = norm(text)
      const w = config.wordNgrams
      const words = w ? wordNgrams(tokensOf(s), w[0], w[1]) : []
      const c = config.charNgrams
      const chars = c ? charNgrams(s, { han: c.han, word: c.word }) : []
      return { words, chars }
    },
  }
}
