import type { DescribeLang, Words } from './describe-labels.ts'

/**
 * "<subject> <operator> <value>" in both languages, for the operator families of the tree (text / choice,
 * number, date). An operator a family does not know is still shown, as written, rather than hidden.
 * In Chinese, translated values join the label directly ("流失风险等级为高"); values as stored are set off
 * by spaces ("城市为 上海、Shanghai 之一").
 */

export interface Value {
  /** The value as it will be shown; `translated` when it came from a label table rather than the data. */
  text: string
  translated: boolean
}

const NONE: Words = { en: '(no value)', 'zh-CN': '（无值）' }

export function showValue(v: unknown, lang: DescribeLang, labels?: Record<string, Words>): Value {
  if (v === undefined || v === null) return { text: NONE[lang], translated: true }
  if (Array.isArray(v)) {
    const items = v.map((x) => showValue(x, lang, labels))
    if (items.length === 0) return { text: NONE[lang], translated: true }
    return { text: items.map((i) => i.text).join(lang === 'en' ? ', ' : '、'), translated: items.every((i) => i.translated) }
  }
  if (typeof v === 'boolean') return { text: lang === 'en' ? String(v) : v ? '是' : '否', translated: lang !== 'en' }
  const s = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v)
  const label = labels?.[s]
  if (label !== undefined) return { text: label[lang], translated: true }
  return { text: s.length === 0 ? '""' : s, translated: false }
}

/** Chinese parts joined without spaces, except around Latin letters and digits ("属性 vip 为 是"). */
export function joinZh(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).reduce((acc, p) => {
    if (acc.length === 0) return p
    const edge = /[\p{Script=Latin}\p{N})\]]$/u.test(acc) || /^[\p{Script=Latin}\p{N}#(]/u.test(p)
    return edge ? `${acc} ${p}` : acc + p
  }, '')
}

const zhValue = (v: Value) => (v.translated ? v.text : ` ${v.text} `)
const tidy = (s: string) => s.replace(/\s+/g, ' ').trim()

export function textOp(subject: string, op: string, v: Value, lang: DescribeLang): string {
  if (lang === 'en') {
    switch (op) {
      case 'is': return `${subject} is ${v.text}`
      case 'is_not': return `${subject} is not ${v.text}`
      case 'in': return `${subject} is one of ${v.text}`
      case 'not_in': return `${subject} is none of ${v.text}`
      case 'contains': return `${subject} contains ${v.text}`
      case 'starts_with': return `${subject} starts with ${v.text}`
      case 'is_set': return `${subject} is set`
      case 'is_not_set': return `${subject} is not set`
      default: return otherOp(subject, op, v, lang)
    }
  }
  switch (op) {
    case 'is': return tidy(joinZh(subject, '为') + zhValue(v))
    case 'is_not': return tidy(joinZh(subject, '不为') + zhValue(v))
    case 'in': return tidy(joinZh(subject, '为') + zhValue(v) + '之一')
    case 'not_in': return tidy(joinZh(subject, '不为') + zhValue(v) + '中的任何一个')
    case 'contains': return tidy(joinZh(subject, '包含') + zhValue(v))
    case 'starts_with': return tidy(joinZh(subject, '以') + zhValue(v) + '开头')
    case 'is_set': return joinZh(subject, '已设置')
    case 'is_not_set': return joinZh(subject, '未设置')
    default: return otherOp(subject, op, v, lang)
  }
}

const SYMBOL: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' }

export function numberOp(subject: string, op: string, v: Value, lang: DescribeLang): string {
  const symbol = SYMBOL[op]
  if (symbol !== undefined) return `${subject} ${symbol} ${v.text}`
  if (op === 'is_set' || op === 'is_not_set') return textOp(subject, op, v, lang)
  return otherOp(subject, op, v, lang)
}

const days = (v: Value, lang: DescribeLang) => (lang === 'zh-CN' ? `${v.text}天` : v.text === '1' ? '1 day' : `${v.text} days`)

/** `anniversary` names the yearly recurrence of the date, for anniversary_within_next ("Birthday"). */
export function dateOp(subject: string, op: string, v: Value, lang: DescribeLang, anniversary?: string): string {
  if (lang === 'en') {
    switch (op) {
      case 'before': return `${subject} is before ${v.text}`
      case 'after': return `${subject} is after ${v.text}`
      case 'on': return `${subject} is on ${v.text}`
      case 'within_last': return `${subject} is within the last ${days(v, lang)}`
      case 'within_next': return `${subject} is within the next ${days(v, lang)}`
      case 'more_than_ago': return `${subject} is more than ${days(v, lang)} ago`
      case 'anniversary_within_next': return `${anniversary ?? `Anniversary of ${subject}`} is within the next ${days(v, lang)}`
      case 'is_set': case 'is_not_set': return textOp(subject, op, v, lang)
      default: return otherOp(subject, op, v, lang)
    }
  }
  switch (op) {
    case 'before': return tidy(joinZh(subject, '早于') + zhValue(v))
    case 'after': return tidy(joinZh(subject, '晚于') + zhValue(v))
    case 'on': return tidy(joinZh(subject, '为') + zhValue(v))
    case 'within_last': return `${joinZh(subject, '在过去')}${days(v, lang)}内`
    case 'within_next': return `${joinZh(subject, '在未来')}${days(v, lang)}内`
    case 'more_than_ago': return `${joinZh(subject, '在')}${days(v, lang)}以前`
    case 'anniversary_within_next': return `${joinZh(anniversary ?? `${subject}周年日`, '在未来')}${days(v, lang)}内`
    case 'is_set': case 'is_not_set': return textOp(subject, op, v, lang)
    default: return otherOp(subject, op, v, lang)
  }
}

/** An operator outside the family, shown as written so the line still says what the tree holds. */
function otherOp(subject: string, op: string, v: Value, lang: DescribeLang): string {
  const shownOp = op.length === 0 ? '""' : op
  return lang === 'en' ? `${subject} ${shownOp} ${v.text}` : tidy(`${subject} ${shownOp} ${v.text}`)
}
