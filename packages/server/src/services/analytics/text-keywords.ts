import { createAnalyzer, defaultAnalyzerConfig, distinctiveKeywords, textRankKeywords, tfidfKeywords, type Keyword } from '@rapport/ml'
import { UsageError } from '../../errors/rapport-error.ts'

export type KeywordMethod = 'distinctive' | 'tfidf' | 'textrank'

export interface KeywordOptions {
  /** auto: distinctive when there are named groups to contrast, else tfidf. */
  method: KeywordMethod | 'auto'
  top: number
  lang: 'zh' | 'en' | 'auto'
  /** Groups are file rows (keep file order) rather than named values (sorted by name). */
  perRow: boolean
  /** Whether the groups come from a group column (auto picks distinctive only then). */
  named: boolean
}

/** Keywords per group of texts: distinctive (weighted log-odds against the other groups), TF-IDF or TextRank. */
export function textKeywords(texts: readonly string[], groups: readonly string[], o: KeywordOptions) {
  const contrastable = new Set(groups).size > 1
  const method: KeywordMethod = o.method === 'auto' ? (o.named && contrastable ? 'distinctive' : 'tfidf') : o.method
  if (method === 'distinctive' && !contrastable) {
    throw new UsageError('--method distinctive contrasts groups: give --group-col (with two values or more) or --per-row')
  }
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig(o.lang), negation: false, clauseMarks: true })
  const tokens = texts.map((t) => analyzer.tokens(t))
  const result = new Map<string, Keyword[]>()
  if (method === 'distinctive') {
    for (const [g, k] of distinctiveKeywords(tokens, groups, { top: o.top })) result.set(g, k)
  } else if (method === 'tfidf') {
    for (const [g, k] of tfidfKeywords(tokens, groups, o.top)) result.set(g, k)
  } else {
    const byGroup = new Map<string, string[][]>()
    tokens.forEach((t, i) => {
      const g = groups[i] ?? ''
      const list = byGroup.get(g) ?? []
      list.push(t)
      byGroup.set(g, list)
    })
    for (const [g, docs] of byGroup) result.set(g, textRankKeywords(docs, { top: o.top }))
  }
  const sizes = new Map<string, number>()
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1)
  // Rows keep file order; named groups are listed alphabetically.
  const first = new Map(groups.map((g, i) => [g, i] as const).reverse())
  const byName = (a: string, b: string): number => (o.perRow ? (first.get(a) ?? 0) - (first.get(b) ?? 0) : a < b ? -1 : a > b ? 1 : 0)
  const out = [...result].sort((a, b) => byName(a[0], b[0])).map(([group, keywords]) => ({ group, documents: sizes.get(group) ?? 0, keywords }))
  return { method, groups: out }
}
