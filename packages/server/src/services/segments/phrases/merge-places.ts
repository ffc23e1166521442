import type { Candidate, PhraseLang } from './phrase-types.ts'

/** What may join two places into one list: "Shanghai or Beijing", "上海、北京和深圳". */
const JOINT = {
  en: /^(?:\s|,|\/|&|(?<![\p{Script=Latin}\p{N}])(?:or|and|in|from)(?![\p{Script=Latin}\p{N}]))*$/u,
  zh: /^(?:\s|,|、|\/|或者|或|和|及|与|以及|在|来自)*$/u,
}

/** A negation just before a place ("not in Shanghai", "不在上海") and what may close it ("以外"). */
const NEGATION_BEFORE = {
  en: /(?<![\p{Script=Latin}\p{N}])(?:not\s+(?:in|from|living\s+in|based\s+in|located\s+in)|outside(?:\s+of)?|excluding|except(?:\s+(?:in|for))?)\s+$/u,
  zh: /(?:不在|不是|不住在|不来自|非|除了|除)\s*$/u,
}
const NEGATION_AFTER = { en: /^$/u, zh: /^(?:以外|之外)/u }

/**
 * Turns places into profile conditions. Neighbouring places of the same kind become one "is one of" list — a
 * customer lives in one city, so "上海和北京" can only mean either of them.
 */
export function mergePlaces(readings: readonly Candidate[], text: string, lang: PhraseLang): Candidate[] {
  const merged: Candidate[] = []
  for (const r of readings) {
    const prev = merged.at(-1)
    if (r.kind === 'place' && prev?.kind === 'place' && prev.field === r.field && JOINT[lang].test(text.slice(prev.end, r.start))) {
      const values = [...prev.values]
      for (const v of r.values) if (!values.some((x) => x.toLowerCase() === v.toLowerCase())) values.push(v)
      merged[merged.length - 1] = { ...prev, values, end: r.end }
    } else {
      merged.push(r)
    }
  }
  return merged.map((r, i) => {
    if (r.kind !== 'place') return r
    // The negation must lie in the gap after the previous reading, so it is not part of another condition.
    const gapStart = merged[i - 1]?.end ?? 0
    const negation = NEGATION_BEFORE[lang].exec(text.slice(gapStart, r.start))
    const closing = negation === null ? null : NEGATION_AFTER[lang].exec(text.slice(r.end))
    const [only] = r.values
    const single = r.values.length === 1 && only !== undefined
    const leaf = single
      ? { type: 'profile' as const, field: r.field, op: negation === null ? 'is' as const : 'is_not' as const, value: only }
      : { type: 'profile' as const, field: r.field, op: negation === null ? 'in' as const : 'not_in' as const, value: r.values }
    const start = negation === null ? r.start : gapStart + negation.index
    const end = r.end + (closing?.[0].length ?? 0)
    return { kind: 'leaf', leaf, windowUse: 'none', start, end, priority: r.priority }
  })
}
