import type { SegmentLeaf, SegmentNode, SegmentWindow } from '../../../domain/segment-tree.ts'
import {
  AGGREGATE, ANNIVERSARY, BAND_VALUE, CHANNEL, CONSENT_STATE, DATE_FIELD, FILTER_KEY, GENDER_VALUE, GROUP, MEASURE_FIELD,
  PREDICTION_FIELD, PROFILE_FIELD, SOURCE, type DescribeLang, type Words,
} from './describe-labels.ts'
import { dateOp, joinZh, numberOp, showValue, textOp } from './describe-ops.ts'

export type { DescribeLang } from './describe-labels.ts'

/**
 * One short line for a condition ("Orders in the last 30 days ≥ 2" / "过去30天订单数 ≥ 2"), for the "why is
 * this customer in the segment" answer and the CLI. Any leaf the schema allows has a line.
 */
export function describeLeaf(leaf: SegmentLeaf, lang: DescribeLang): string {
  const label = (table: Record<string, Words>, key: string): string => table[key]?.[lang] ?? key
  switch (leaf.type) {
    case 'profile':
      return textOp(label(PROFILE_FIELD, leaf.field), leaf.op, showValue(leaf.value, lang, leaf.field === 'gender' ? GENDER_VALUE : undefined), lang)
    case 'date':
      return dateOp(label(DATE_FIELD, leaf.field), leaf.op, showValue(leaf.value, lang), lang, label(ANNIVERSARY, leaf.field))
    case 'tag':
      return tagLine(leaf.op, showValue(leaf.value, lang).text, lang)
    case 'attribute': {
      const subject = lang === 'en' ? `Attribute ${leaf.path}` : `属性 ${leaf.path}`
      const v = showValue(leaf.value, lang)
      if (leaf.value_type === 'number') return numberOp(subject, leaf.op, v, lang)
      if (leaf.value_type === 'date') return dateOp(subject, leaf.op, v, lang)
      return textOp(subject, leaf.op, v, lang)
    }
    case 'consent': {
      const state = showValue(leaf.value, lang, CONSENT_STATE)
      const channel = label(CHANNEL, leaf.channel)
      const subject = lang === 'en' ? `${channel} consent (${leaf.purpose})` : `${channel}同意（${leaf.purpose}）`
      return textOp(subject, leaf.op, state, lang)
    }
    case 'behaviour':
      return behaviourLine(leaf, lang)
    case 'product':
      return productLine(leaf, lang)
    case 'prediction': {
      const subject = leaf.field === 'next_category_probability' && leaf.category !== undefined
        ? (lang === 'en' ? `Probability of buying ${leaf.category} next` : `下次购买 ${leaf.category} 的概率`)
        : label(PREDICTION_FIELD, leaf.field)
      const bands = leaf.field === 'churn_band' || leaf.field === 'clv_band' ? BAND_VALUE : undefined
      const v = showValue(leaf.value, lang, bands)
      const numeric = ['churn_score', 'clv', 'p_alive', 'expected_orders', 'next_category_probability'].includes(leaf.field)
      return numeric ? numberOp(subject, leaf.op, v, lang) : textOp(subject, leaf.op, v, lang)
    }
    case 'segment':
      if (lang === 'en') return leaf.op === 'in' ? `In segment #${leaf.segment_id}` : `Not in segment #${leaf.segment_id}`
      return leaf.op === 'in' ? `属于分群 #${leaf.segment_id}` : `不属于分群 #${leaf.segment_id}`
  }
}

function tagLine(op: 'any' | 'all' | 'none', list: string, lang: DescribeLang): string {
  const en = { any: 'Has any of the tags', all: 'Has all of the tags', none: 'Has none of the tags' }
  const zh = { any: '带有以下任一标签：', all: '带有以下全部标签：', none: '不带以下任何标签：' }
  return lang === 'en' ? `${en[op]} ${list}` : `${zh[op]}${list}`
}

function windowText(w: SegmentWindow | undefined, lang: DescribeLang): string {
  if (w === undefined) return ''
  if (w.last_days !== undefined) return lang === 'en' ? `in the last ${w.last_days === 1 ? 'day' : `${w.last_days} days`}` : `过去${w.last_days}天`
  if (w.days_ago_from !== undefined && w.days_ago_to !== undefined) {
    return lang === 'en' ? `between ${w.days_ago_from} and ${w.days_ago_to} days ago` : `${w.days_ago_from}至${w.days_ago_to}天前`
  }
  if (w.since !== undefined) return lang === 'en' ? `since ${w.since}` : `自${w.since}起`
  return ''
}

const SENTIMENT: Record<string, Words> = { positive: { en: 'positive', 'zh-CN': '正面' }, neutral: { en: 'neutral', 'zh-CN': '中性' }, negative: { en: 'negative', 'zh-CN': '负面' } }

function filterText(filter: Extract<SegmentLeaf, { type: 'behaviour' }>['filter'], lang: DescribeLang): string {
  const parts = Object.entries(filter ?? {}).flatMap(([key, values]) => {
    if (!Array.isArray(values) || values.length === 0) return []
    const shown = key === 'product_ids' ? values.map((v) => `#${String(v)}`) : values
    const v = showValue(shown, lang, key === 'sentiment' ? SENTIMENT : undefined).text
    const name = FILTER_KEY[key]?.[lang] ?? key
    return [lang === 'en' ? `${name}: ${v}` : `${name}：${v}`]
  })
  if (parts.length === 0) return ''
  return lang === 'en' ? `(${parts.join('; ')})` : `（${parts.join('；')}）`
}

function behaviourLine(leaf: Extract<SegmentLeaf, { type: 'behaviour' }>, lang: DescribeLang): string {
  const source = SOURCE[leaf.source]
  const one = source.one[lang]
  const win = windowText(leaf.window, lang)
  const filter = filterText(leaf.filter, lang)
  const v = showValue(leaf.value, lang)
  const en = (...parts: string[]) => parts.filter((p) => p.length > 0).join(' ')
  switch (leaf.measure) {
    case 'count':
      return numberOp(lang === 'en' ? en(source.rows.en, filter, win) : joinZh(win, source.rows['zh-CN'], filter), leaf.op, v, lang)
    case 'sum':
    case 'avg':
    case 'min':
    case 'max': {
      const agg = AGGREGATE[leaf.measure]
      const field = leaf.field === undefined ? undefined : MEASURE_FIELD[leaf.field]
      const fieldName = field?.[lang] ?? leaf.field ?? ''
      const subject = lang === 'en'
        ? en(agg?.en ?? leaf.measure, leaf.field === 'total' ? fieldName : en(fieldName, `of ${source.rows.en.toLowerCase()}`), filter, win)
        : joinZh(win, leaf.field === 'total' ? '' : one, fieldName, filter, agg?.['zh-CN'] ?? leaf.measure)
      return numberOp(subject, leaf.op, v, lang)
    }
    case 'first_at':
    case 'last_at': {
      const first = leaf.measure === 'first_at'
      const subject = lang === 'en'
        ? en(first ? `First ${one}` : `Last ${one}`, filter, win)
        : joinZh(win, first ? `首次${one}时间` : `最近一次${one}时间`, filter)
      return dateOp(subject, leaf.op, v, lang)
    }
  }
}

function productLine(leaf: Extract<SegmentLeaf, { type: 'product' }>, lang: DescribeLang): string {
  const win = windowText(leaf.window, lang)
  const byCategory = leaf.categories !== undefined
  const list = showValue(byCategory ? leaf.categories : leaf.product_ids?.map((id) => `#${id}`), lang).text
  if (lang === 'en') {
    const verb = { any: 'Bought any of', all: 'Bought all of', none: 'Bought none of' }[leaf.op]
    return [verb, byCategory ? 'the categories' : 'the products', list, win].filter((p) => p.length > 0).join(' ')
  }
  const what = byCategory ? '品类' : '商品'
  const verb = { any: `买过以下任一${what}：`, all: `买过以下全部${what}：`, none: `未买过以下任何${what}：` }[leaf.op]
  return joinZh(win, verb) + list
}

/**
 * The whole tree as one paragraph: "all of: A; B; any of: (C; D)" / "同时满足：A；B；满足任一：（C；D）".
 * Nested groups are bracketed so the reading is unambiguous.
 */
export function describeTree(node: SegmentNode, lang: DescribeLang): string {
  return describeNode(node, lang, false)
}

// TypeScript does not narrow `type: 'all' | 'any'` away from a union by comparison, hence the guard.
const isLeaf = (n: SegmentNode): n is SegmentLeaf => n.type !== 'all' && n.type !== 'any' && n.type !== 'not'

function describeNode(node: SegmentNode, lang: DescribeLang, nested: boolean): string {
  if (isLeaf(node)) return describeLeaf(node, lang)
  const children = node.type === 'not' ? [node.condition] : node.conditions
  const body = children.map((c) => describeNode(c, lang, true)).join(lang === 'en' ? '; ' : '；')
  const head = lang === 'en' ? `${GROUP[node.type].en}: ` : `${GROUP[node.type]['zh-CN']}：`
  if (!nested) return head + body
  return lang === 'en' ? `${head}(${body})` : `${head}（${body}）`
}
