import { createRequire } from 'node:module'
import { createChineseTokenizer } from './chinese-tokenizer.ts'
import { jiebaSegmenter } from './jieba.ts'
import { detectLanguage } from './language.ts'
import { normalizeText } from './normalize.ts'
import { chineseLexiconScore } from './sentiment-lexicon-zh.ts'
import type { Segmenter, Tokenizer } from './tokenizer.ts'

const require = createRequire(import.meta.url)

export type SentimentLabel = 'positive' | 'negative' | 'neutral'

export interface SentimentResult {
  /** In [-1, 1]: -1 most negative, +1 most positive. */
  score: number
  label: SentimentLabel
  /** 'lexicon' is the cold-start fallback and is markedly weaker than a trained model. */
  mode: 'lexicon' | 'trained'
}

type WinkScorer = (text: string) => number
let wink: WinkScorer | undefined

/** English lexicon scorer: wink-nlp's sentiment (a maintained VADER-style lexicon with negation), loaded once. */
function winkScorer(): WinkScorer {
  if (wink) return wink
  const winkNLP = require('wink-nlp') as (model: unknown) => { readDoc(t: string): { out(f: unknown): unknown }; its: { sentiment: unknown } }
  const model = require('wink-eng-lite-web-model') as unknown
  const nlp = winkNLP(model)
  wink = (text) => Number(nlp.readDoc(text).out(nlp.its.sentiment)) || 0
  return wink
}

/** Label of a score, neutral inside ±`band`. */
export function sentimentLabel(score: number, band = 0.05): SentimentLabel {
  return score > band ? 'positive' : score < -band ? 'negative' : 'neutral'
}

let zhTok: Tokenizer | undefined

/**
 * Cold-start sentiment without labelled data: English via wink-nlp's lexicon, Chinese via our small lexicon
 * with negation and degree adverbs (sentiment-lexicon-zh.ts), mixed text as the average weighted by each
 * script's share. Weaker than a trained model (see bench/results/text.md); meant for the first days only.
 * O(length).
 */
export function lexiconSentiment(text: string, segmenter?: Segmenter): SentimentResult {
  const s = normalizeText(text)
  const g = detectLanguage(s)
  let score = 0
  if (g.lang === 'en') score = winkScorer()(s)
  else if (g.lang !== 'unknown') {
    const tok = segmenter ? createChineseTokenizer(segmenter, { negation: false }) : (zhTok ??= createChineseTokenizer(jiebaSegmenter(), { negation: false }))
    const zh = chineseLexiconScore(tok, s)
    score = g.lang === 'zh' ? zh : g.zhShare * zh + (1 - g.zhShare) * winkScorer()(s.replace(/\p{Script=Han}+/gu, ' '))
  }
  score = Math.max(-1, Math.min(1, score))
  return { score, label: sentimentLabel(score), mode: 'lexicon' }
}
