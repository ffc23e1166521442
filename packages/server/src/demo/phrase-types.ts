/** Phrase banks for review text. Sentiment buckets never share a phrase, so text always agrees with rating. */

export type Sentiment = 'positive' | 'mixed' | 'negative'

export interface SentimentPhrases {
  /** Openers that set the tone; `strong` ones are used for 5 stars (and the harshest for 1). */
  strong: readonly string[]
  mild: readonly string[]
  /** Category key → remarks about the product itself. */
  aspects: Readonly<Record<string, readonly string[]>>
  /** Remarks that fit any product. */
  generic: readonly string[]
  closers: readonly string[]
}

export interface ReviewPhrases {
  positive: SentimentPhrases
  mixed: SentimentPhrases
  negative: SentimentPhrases
  /** Sentiment-free context sentences any review may carry ({name} = the product's short name). */
  context: readonly string[]
}

/** Every phrase of one sentiment, for tests that check text against rating. */
export function phrasesOf(p: SentimentPhrases): string[] {
  return [...p.strong, ...p.mild, ...Object.values(p.aspects).flat(), ...p.generic, ...p.closers]
}
