import { isKeywordCandidate } from './stopwords.ts'

export interface Keyword {
  term: string
  score: number
}

const HAN_ONLY = /^\p{Script=Han}+$/u

/**
 * Keyword candidates of a token list: candidate words (stopwords.ts) and two-word phrases of adjacent
 * candidates ("delivery speed"; Chinese phrases are joined without a space: "服务" + "态度" → "服务态度").
 * Tokens should carry clause marks (AnalyzerConfig.clauseMarks) so phrases stay inside a clause.
 */
export function keywordCandidates(tokens: readonly string[], kinds?: { words: Set<string>; phrases: Set<string> }): string[] {
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (!isKeywordCandidate(t)) continue
    out.push(t)
    kinds?.words.add(t)
    const u = tokens[i + 1]
    if (u !== undefined && isKeywordCandidate(u)) {
      const p = joinPhrase(t, u)
      out.push(p)
      kinds?.phrases.add(p)
    }
  }
  return out
}

export function joinPhrase(a: string, b: string): string {
  return HAN_ONLY.test(a) && HAN_ONLY.test(b) ? `${a}${b}` : `${a} ${b}`
}

/**
 * TF-IDF keywords per group of documents (a group is one document when no grouping is given): every
 * document's candidate terms are weighted (1 + ln tf) · ln((1 + N) / (1 + df)) + 1 over all N documents and
 * L2-normalised (phrases must occur in two documents); a group's score of a term is the mean over its documents.
 * Terms frequent in the group and rare overall win, but a term common to every group ("hotel" in hotel
 * reviews) can still top each list: to contrast groups use distinctiveKeywords. O(total tokens + terms · log).
 */
export function tfidfKeywords(
  tokenDocs: readonly (readonly string[])[],
  groups?: readonly string[],
  top = 10,
): Map<string, Keyword[]> {
  const N = tokenDocs.length
  const kinds = { words: new Set<string>(), phrases: new Set<string>() }
  const isPhrase = (t: string): boolean => kinds.phrases.has(t) && !kinds.words.has(t)
  const docTerms = tokenDocs.map((toks) => {
    const m = new Map<string, number>()
    for (const t of keywordCandidates(toks, kinds)) m.set(t, (m.get(t) ?? 0) + 1)
    return m
  })
  const df = new Map<string, number>()
  for (const m of docTerms) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  // A phrase seen in a single document of a multi-document input is an accident of wording, not a tag.
  if (N > 1) for (const m of docTerms) for (const t of m.keys()) if (isPhrase(t) && (df.get(t) ?? 0) < 2) m.delete(t)
  const sums = new Map<string, Map<string, number>>()
  const sizes = new Map<string, number>()
  docTerms.forEach((m, d) => {
    const g = groups ? (groups[d] ?? '') : String(d)
    sizes.set(g, (sizes.get(g) ?? 0) + 1)
    let acc = sums.get(g)
    if (!acc) sums.set(g, (acc = new Map()))
    const w = new Map<string, number>()
    let norm = 0
    for (const [t, tf] of m) {
      const v = (1 + Math.log(tf)) * (Math.log((1 + N) / (1 + (df.get(t) ?? 0))) + 1)
      w.set(t, v)
      norm += v * v
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (const [t, v] of w) acc.set(t, (acc.get(t) ?? 0) + v * inv)
  })
  const out = new Map<string, Keyword[]>()
  for (const [g, acc] of sums) {
    const n = sizes.get(g) ?? 1
    out.set(g, rankTop([...acc].map(([term, s]) => ({ term, score: s / n })), top))
  }
  return out
}

/** Best `top` keywords by score (ties by term), dropping a single word already covered by a chosen phrase. */
export function rankTop(list: Keyword[], top: number): Keyword[] {
  list.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
  const chosen: Keyword[] = []
  for (const k of list) {
    if (chosen.length >= top) break
    if (chosen.some((c) => covers(c.term, k.term) || covers(k.term, c.term))) continue
    chosen.push(k)
  }
  return chosen
}

/** Whether phrase `a` contains term `b` (whole words for spaced phrases, substrings for Chinese). */
function covers(a: string, b: string): boolean {
  if (a === b) return true
  return a.includes(' ') || b.includes(' ') ? ` ${a} `.includes(` ${b} `) : HAN_ONLY.test(a) && a.includes(b)
}
