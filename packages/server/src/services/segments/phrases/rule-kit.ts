import type { Candidate, CandidateBody, PhraseInput, PhraseRule } from './phrase-types.ts'

/**
 * Not inside a word: no Latin letter or digit just before (B) or just after (E). A Han character is a word
 * edge, since Chinese runs words together ("或Pet Supplies").
 */
export const B = String.raw`(?<![\p{Script=Latin}\p{N}])`
export const E = String.raw`(?![\p{Script=Latin}\p{N}])`

/** Alternatives, longest first so a regex prefers "never bought" to "bought". */
export const anyOf = (words: Iterable<string>): string =>
  `(?:${[...words].sort((a, b) => b.length - a.length).map(escapeWords).join('|')})`

/** A literal phrase as a pattern: regex characters escaped, any run of spaces matches any spacing. */
export function escapeWords(s: string): string {
  return s.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
}

/**
 * A rule from a regular expression over the matching form: the longest match starting at each position is
 * offered to `build`, which reads its groups and returns the reading (or null when the match is no reading
 * after all). Every start is tried, not only where the previous match ended, so a reading that overlaps a
 * longer one ("高或高价值" in "流失风险高或高价值") still has its shorter rival ("高价值") to lose to.
 */
export function regexRule(
  pattern: string,
  build: (g: Record<string, string | undefined>, m: RegExpExecArray, input: PhraseInput) => CandidateBody | null,
  priority = 0,
): PhraseRule {
  const re = new RegExp(pattern, 'uy')
  return (input) => {
    const out: Candidate[] = []
    for (let i = 0; i < input.text.length; i++) {
      re.lastIndex = i
      const m = re.exec(input.text)
      if (m === null || m[0].length === 0) continue
      const body = build(m.groups ?? {}, m, input)
      if (body !== null) out.push({ ...body, start: i, end: i + m[0].length, priority })
    }
    return out
  }
}
