import { buildAnswerIndex, suggestAnswers } from '@rapport/ml'

/** Suggested replies to a question by BM25 retrieval over question/answer pairs; `lines` gives each pair's file line. */
export function suggestReplies(pairs: Array<{ question: string; answer: string }>, lines: readonly number[], question: string, o: { top: number; lang: 'zh' | 'en' | 'auto' }) {
  const index = buildAnswerIndex(pairs, { lang: o.lang })
  return suggestAnswers(index, question, o.top).map((s) => ({ ...s, line: lines[s.index] }))
}
