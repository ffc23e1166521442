/**
 * A tokenizer turns one (normalised) text into tokens. Implementations: English rules
 * (english-tokenizer.ts), Chinese word segmentation over an injected segmenter (chinese-tokenizer.ts).
 */
export interface Tokenizer {
  tokenize(text: string): string[]
}

/** Word segmentation of Chinese text (jieba or any other library), injected so the models stay testable. */
export type Segmenter = (text: string) => string[]
