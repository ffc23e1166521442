import { escapeWords } from './rule-kit.ts'

/**
 * Many names (cities, categories, personas) matched at a position: the names are grouped by their first
 * character, so a position is tried only against the names that can start there, and the longest match
 * wins ("上海市" over "上海"). Built once per vocabulary (see perList).
 *
 * The patterns are plain (no Unicode property classes) because a workspace has hundreds of names and
 * such classes make each expression slow to compile; word edges of Latin names are checked in code.
 */
interface CompiledName<T> {
  re: RegExp
  value: T
  /** The name starts / ends with a Latin letter or digit, so it must not continue a word there. */
  edgeBefore: boolean
  edgeAfter: boolean
}
export interface NameMatcher<T> {
  byFirst: Map<string, Array<CompiledName<T>>>
}

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u
const isWordChar = (c: string) => c.length > 0 && LATIN_OR_DIGIT.test(c)

/** A stored name as a pattern over the matching form: any spacing, "&" also written "and". */
export function namePattern(name: string): string {
  return escapeWords(name.toLowerCase()).replace(/&/g, '(?:&|and)')
}

/** `suffix` is an optional pattern that may follow the name ("市?" after a Chinese city). */
export function nameMatcher<T>(entries: ReadonlyArray<{ name: string; value: T; suffix?: string }>): NameMatcher<T> {
  const byFirst = new Map<string, Array<CompiledName<T>>>()
  for (const e of entries) {
    const name = e.name.trim()
    if (name.length === 0) continue
    const first = name.charAt(0).toLowerCase()
    const group = byFirst.get(first) ?? []
    group.push({
      re: new RegExp(namePattern(name) + (e.suffix ?? ''), 'y'),
      value: e.value,
      edgeBefore: isWordChar(name.charAt(0)),
      edgeAfter: isWordChar(name.charAt(name.length - 1)),
    })
    byFirst.set(first, group)
  }
  return { byFirst }
}

/** The longest name matching at `pos`, its end and value. */
export function matchNameAt<T>(m: NameMatcher<T>, text: string, pos: number): { end: number; value: T } | undefined {
  let best: { end: number; value: T } | undefined
  for (const { re, value, edgeBefore, edgeAfter } of m.byFirst.get(text.charAt(pos)) ?? []) {
    if (edgeBefore && pos > 0 && isWordChar(text.charAt(pos - 1))) continue
    re.lastIndex = pos
    const hit = re.exec(text)
    if (hit === null || hit[0].length === 0) continue
    const end = pos + hit[0].length
    if (edgeAfter && isWordChar(text.charAt(end))) continue
    if (best === undefined || end > best.end) best = { end, value }
  }
  return best
}

/** Every position where a name matches. */
export function allNames<T>(m: NameMatcher<T>, text: string): Array<{ start: number; end: number; value: T }> {
  const out: Array<{ start: number; end: number; value: T }> = []
  for (let i = 0; i < text.length; i++) {
    const hit = matchNameAt(m, text, i)
    if (hit !== undefined) out.push({ start: i, ...hit })
  }
  return out
}

/**
 * A value computed once per list of names and reused for equal lists: the API reads the vocabulary afresh
 * for each request, so lists are compared by content. A few recent lists are kept (one per active workspace).
 */
export function perList<V>(build: (names: readonly string[]) => V, keep = 32): (names: readonly string[]) => V {
  const cache = new Map<string, V>()
  return (names) => {
    const key = names.join('\u0000')
    let v = cache.get(key)
    if (v === undefined) {
      v = build(names)
      if (cache.size >= keep) {
        const oldest = cache.keys().next()
        if (oldest.done !== true) cache.delete(oldest.value)
      }
    } else {
      cache.delete(key) // re-inserted below as the most recent
    }
    cache.set(key, v)
    return v
  }
}
