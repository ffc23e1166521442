import type { NumberOp } from '../../../domain/segment-tree.ts'

/**
 * Words that compare a count or an amount, before the number ("at least 2", "超过3次") or after it
 * ("2 or more", "3次以上"). Chinese 以上 / 以下 include the number itself, as they do in everyday use.
 */
const PREFIX_EN: Record<string, NumberOp> = {
  'at least': '>=', 'no less than': '>=', 'not less than': '>=', 'no fewer than': '>=', 'not fewer than': '>=',
  'a minimum of': '>=', 'minimum of': '>=', 'min': '>=',
  'more than': '>', 'over': '>', 'above': '>', 'greater than': '>', 'in excess of': '>', 'upwards of': '>',
  'at most': '<=', 'no more than': '<=', 'not more than': '<=', 'up to': '<=', 'a maximum of': '<=', 'maximum of': '<=', 'max': '<=',
  'less than': '<', 'fewer than': '<', 'under': '<', 'below': '<',
  'exactly': '=', 'precisely': '=',
}
const SUFFIX_EN: Record<string, NumberOp> = {
  'or more': '>=', 'or above': '>=', 'or over': '>=', 'or greater': '>=', 'and up': '>=', 'and above': '>=', '+': '>=',
  'or fewer': '<=', 'or less': '<=', 'or below': '<=', 'and below': '<=', 'and under': '<=',
}
const PREFIX_ZH: Record<string, NumberOp> = {
  至少: '>=', 最少: '>=', 不少于: '>=', 不低于: '>=', 起码: '>=', 大于等于: '>=', 满: '>=', 达到: '>=', 达: '>=',
  超过: '>', 多于: '>', 大于: '>', 高于: '>', 多过: '>', 超出: '>',
  至多: '<=', 最多: '<=', 不超过: '<=', 不多于: '<=', 不高于: '<=', 小于等于: '<=',
  少于: '<', 低于: '<', 不到: '<', 不足: '<', 小于: '<',
  恰好: '=', 正好: '=', 刚好: '=', 等于: '=', 仅: '=', 只: '=',
}
const SUFFIX_ZH: Record<string, NumberOp> = {
  以上: '>=', 及以上: '>=', 或以上: '>=', 或更多: '>=', '+': '>=',
  以下: '<=', 及以下: '<=', 或以下: '<=', 或更少: '<=',
}
const SYMBOLS: Record<string, NumberOp> = { '>=': '>=', '≥': '>=', '>': '>', '<=': '<=', '≤': '<=', '<': '<', '==': '=', '=': '=', '!=': '!=', '≠': '!=' }

const alternation = (words: Iterable<string>) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')

export const PREFIX_CMP_EN = `(?:${alternation([...Object.keys(PREFIX_EN), ...Object.keys(SYMBOLS)])})`
export const SUFFIX_CMP_EN = `(?:${alternation(Object.keys(SUFFIX_EN))})`
export const PREFIX_CMP_ZH = `(?:${alternation([...Object.keys(PREFIX_ZH), ...Object.keys(SYMBOLS)])})`
export const SUFFIX_CMP_ZH = `(?:${alternation(Object.keys(SUFFIX_ZH))})`
export const SYMBOL_CMP = `(?:${alternation(Object.keys(SYMBOLS))})`

/** The operator of a prefix or suffix comparator; a bare number means exactly that number. */
export function comparatorOp(prefix: string | undefined, suffix: string | undefined, lang: 'en' | 'zh'): NumberOp | undefined {
  const squash = (s: string) => s.trim().replace(/\s+/g, ' ')
  const pre = prefix === undefined ? undefined : (lang === 'en' ? PREFIX_EN : PREFIX_ZH)[squash(prefix)] ?? SYMBOLS[squash(prefix)]
  const post = suffix === undefined ? undefined : (lang === 'en' ? SUFFIX_EN : SUFFIX_ZH)[squash(suffix)]
  if (pre !== undefined && post !== undefined && pre !== post) return undefined // "at least 2 or fewer": contradictory
  return pre ?? post ?? '='
}
