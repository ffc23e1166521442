import type { Segmenter, Tokenizer } from './tokenizer.ts'

export interface ChineseTokenizerOptions {
  /** Mark the word after a negator (`不 好吃` → `不 不_好吃`) within the clause. Default true. */
  negation?: boolean
  /** Keep `!` and `?` (also full-width forms) as tokens. Default true. */
  keepMarks?: boolean
  /** Emit `,` at every clause punctuation mark (for phrase finders). Default false. */
  clauseMarks?: boolean
}

/** Chinese negators that open a short negation scope (the next word). */
export const CHINESE_NEGATORS: ReadonlySet<string> = new Set([
  '不', '没', '没有', '无', '非', '未', '别', '不是', '不会', '不要', '不能', '并不', '从不', '毫无', '绝不', '不太', '不够',
])

const WORD = /[\p{L}\p{N}]/u
const CLAUSE_END = /[.,;:!?。，；：！？、\n]/u

/**
 * Chinese tokenizer over an injected word segmenter (jieba by default, see jieba.ts): segments, drops
 * whitespace and punctuation tokens, lower-cases Latin words inside mixed text and marks a one-word negation
 * scope. Cost: that of the segmenter (linear in the text for jieba).
 */
export function createChineseTokenizer(segment: Segmenter, opts: ChineseTokenizerOptions = {}): Tokenizer {
  const negation = opts.negation ?? true
  const keepMarks = opts.keepMarks ?? true
  const clauseMarks = opts.clauseMarks ?? false
  return {
    tokenize(text: string): string[] {
      const out: string[] = []
      let negate = false
      for (const raw of segment(text)) {
        const tok = raw.trim().toLowerCase()
        if (tok === '') continue
        if (!WORD.test(tok)) {
          if (CLAUSE_END.test(tok)) {
            negate = false
            if (clauseMarks) out.push(',')
          }
          if (keepMarks && /[!！]/u.test(tok)) out.push('!')
          if (keepMarks && /[?？]/u.test(tok)) out.push('?')
          continue
        }
        if (negation && CHINESE_NEGATORS.has(tok)) {
          out.push(tok)
          negate = true
          continue
        }
        out.push(negate ? `不_${tok}` : tok)
        negate = false
      }
      return out
    },
  }
}
