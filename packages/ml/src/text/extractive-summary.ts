import { createAnalyzer, defaultAnalyzerConfig } from './analyzer.ts'
import { isStopword } from './stopwords.ts'

export interface SummarySentence {
  text: string
  /** Index of the sentence in the input order. */
  index: number
  score: number
}

const ALWAYS_ENDS = new Set(['。', '！', '？', '；', '!', '?', '\n'])

/**
 * Splits text into sentences (trimmed, longer than one character): after 。！？；! ? and line breaks (a run of
 * them stays with its sentence), and after a full stop followed by a space or the end (so 12.5 stays whole).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = []
  const chars = [...text]
  let start = 0
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string
    const next = chars[i + 1]
    const ends = ALWAYS_ENDS.has(c) ? !(next !== undefined && ALWAYS_ENDS.has(next) && next !== '\n') : c === '.' && (next === undefined || /\s/.test(next))
    if (ends) {
      out.push(chars.slice(start, i + 1).join(''))
      start = i + 1
    }
  }
  out.push(chars.slice(start).join(''))
  return out.map((s) => s.trim()).filter((s) => s.length > 1)
}

/**
 * Extractive summary: the `top` sentences most central to the whole text — cosine similarity of each sentence's
 * term counts (stop words dropped) to the text's overall term counts, with a length guard so one-word sentences
 * do not win — returned in their original order. zh and en. O(tokens).
 */
export function extractiveSummary(texts: readonly string[], top = 3): SummarySentence[] {
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig('auto'), negation: false })
  const sentences = texts.flatMap((t) => splitSentences(t))
  const bags = sentences.map((s) => {
    const bag = new Map<string, number>()
    for (const w of analyzer.tokens(s)) if (!isStopword(w) && /[\p{L}\p{N}]/u.test(w)) bag.set(w, (bag.get(w) ?? 0) + 1)
    return bag
  })
  const total = new Map<string, number>()
  for (const b of bags) for (const [w, n] of b) total.set(w, (total.get(w) ?? 0) + n)
  let totalNorm = 0
  for (const n of total.values()) totalNorm += n * n
  totalNorm = Math.sqrt(totalNorm)
  const scored = bags.map((b, index) => {
    let dot = 0
    let norm = 0
    let terms = 0
    for (const [w, n] of b) {
      dot += n * (total.get(w) ?? 0)
      norm += n * n
      terms += n
    }
    const cosine = norm > 0 && totalNorm > 0 ? dot / (Math.sqrt(norm) * totalNorm) : 0
    return { text: sentences[index] as string, index, score: cosine * Math.min(1, terms / 4) }
  })
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.index - b.index).slice(0, top).sort((a, b) => a.index - b.index)
}
