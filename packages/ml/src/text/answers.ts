import { createAnalyzer, defaultAnalyzerConfig, type Analyzer, type AnalyzerConfig } from './analyzer.ts'
import { buildBm25, searchBm25, type Bm25Index } from './bm25.ts'
import { isStopword } from './stopwords.ts'
import type { Segmenter } from './tokenizer.ts'

/** A knowledge-base entry: a question customers ask and the answer to give. */
export interface QaPair {
  question: string
  answer: string
}

export interface AnswerIndex {
  pairs: QaPair[]
  analyzer: Analyzer
  bm25: Bm25Index
}

export interface SuggestedAnswer {
  answer: string
  matchedQuestion: string
  score: number
  /** Row of the pair in the knowledge base. */
  index: number
}

const HAN_RUN = /\p{Script=Han}{2,}/gu

/** Retrieval terms: words without stop words, plus Han character bigrams so partial Chinese matches count. */
function retrievalTerms(analyzer: Analyzer, text: string): string[] {
  const words = analyzer.tokens(text).filter((t) => !isStopword(t) && t !== '!' && t !== '?')
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(HAN_RUN)) {
    const cs = [...m[0]]
    for (let i = 0; i + 1 < cs.length; i++) words.push(`${cs[i]}${cs[i + 1]}#`)
  }
  return words
}

/** Indexes the questions of a knowledge base for BM25 retrieval. O(total tokens). */
export function buildAnswerIndex(pairs: readonly QaPair[], opts: { lang?: AnalyzerConfig['lang']; segmenter?: Segmenter } = {}): AnswerIndex {
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig(opts.lang ?? 'auto'), negation: false }, opts.segmenter)
  const list = [...pairs]
  return { pairs: list, analyzer, bm25: buildBm25(list.map((p) => retrievalTerms(analyzer, p.question))) }
}

/**
 * Suggested replies: the answers whose knowledge-base questions best match the new question under Okapi
 * BM25, with the score and the matched question so an agent can judge the match. O(query postings + N).
 */
export function suggestAnswers(index: AnswerIndex, question: string, top = 3): SuggestedAnswer[] {
  return searchBm25(index.bm25, retrievalTerms(index.analyzer, question), top).map((h) => ({
    answer: index.pairs[h.doc]!.answer,
    matchedQuestion: index.pairs[h.doc]!.question,
    score: h.score,
    index: h.doc,
  }))
}
