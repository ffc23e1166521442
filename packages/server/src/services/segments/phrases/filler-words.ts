import type { PhraseLang } from './phrase-types.ts'

/**
 * Words that carry no condition of their own ("customers who … with … and …", "的", "客户"). Words that
 * change the meaning — not, no, never, except, or, 不, 没, 非, 或 — are deliberately absent: left over,
 * they are reported as unknown rather than ignored.
 */
export const FILLER_EN = new Set([
  'customers', 'customer', 'clients', 'client', 'users', 'user', 'people', 'persons', 'shoppers', 'buyers', 'members', 'contacts',
  'who', 'whom', 'whose', 'that', 'which', 'with', 'and', 'also', 'both', 'have', 'has', 'had', 'having', 'are', 'is', 'was',
  'were', 'be', 'been', 'being', 'the', 'a', 'an', 'of', 'in', 'from', 'at', 'on', 'to', 'for', 'by', 'living', 'live', 'lives',
  'based', 'located', 'all', 'their', 'they', 'them', 'those', 'these', 'show', 'me', 'find', 'list', 'select', 'please',
  'ones', 'segment', 'rfm', 'persona', 'band', 'whose', 'currently', 'do', 'does', 'did',
])

/** Chinese connectors that split a leftover stretch wherever they occur. */
export const SPLITTERS_ZH = ['并且', '而且', '以及', '同时', '还有', '的', '和']
/** Chinese filler trimmed from the edges of a leftover piece, or filler when it is the whole piece. */
export const EDGE_FILLER_ZH = [
  '客户', '顾客', '用户', '会员', '人群', '群体', '那些', '哪些', '所有', '全部', '找出', '筛选', '选出', '给我', '帮我', '列出', '请',
  '来自', '位于', '住在', '地区', '城市', '分群', '分层', '画像', '一下', '在', '是', '了', '过', '都', '也', '还', '并', '且', '及', '与', '跟',
].sort((a, b) => b.length - a.length)
const WHOLE_FILLER_ZH = new Set([...EDGE_FILLER_ZH, '有', '中', '里', '人', '其中'])

/** Punctuation and symbols that only separate ("，", "&" alone, "(" …). */
export const isPunctuation = (s: string): boolean => /^[\p{P}\p{S}\s]*$/u.test(s)

export function isFiller(word: string, lang: PhraseLang): boolean {
  const w = word.toLowerCase()
  if (isPunctuation(w)) return true
  if (FILLER_EN.has(w)) return true
  return lang === 'zh' && WHOLE_FILLER_ZH.has(w)
}
