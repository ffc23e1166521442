import { fieldKeyOf } from './fields.ts'
import { daysUnit, fieldLabel, opLabel, type Translate } from './labels.ts'
import { valueInputFor, valueKindOf } from './operators.ts'
import { FILTER_KEYS, type BehaviourFilter, type LeafValue, type SegmentLeaf, type SegmentNode, type SegmentWindow } from './tree-types.ts'

/**
 * A definition read as text, in the reader's language: one sentence per condition ("City is 上海",
 * "Number of orders in the last 90 days at least 2") and a heading per group. Values the person typed
 * stay as typed; the closed lists (bands, consent states, yes/no) are translated.
 */
export interface Described {
  kind: 'group' | 'leaf'
  text: string
  children: Described[]
}

export function describeTree(t: Translate, node: SegmentNode, segmentNames: ReadonlyMap<number, string> = new Map()): Described {
  switch (node.type) {
    case 'all':
    case 'any':
      return { kind: 'group', text: t(`describe.${node.type}`), children: node.conditions.map((c) => describeTree(t, c, segmentNames)) }
    case 'not':
      return { kind: 'group', text: t('describe.not'), children: [describeTree(t, node.condition, segmentNames)] }
    default:
      return { kind: 'leaf', text: describeLeaf(t, node, segmentNames), children: [] }
  }
}

const join = (t: Translate, items: Array<string | number>): string => items.map(String).join(t('describe.listSeparator'))

function translatedValue(t: Translate, leaf: SegmentLeaf, v: string | number | boolean): string {
  if (typeof v === 'boolean') return t(`boolean.${String(v)}`)
  if (leaf.type === 'prediction' && (leaf.field === 'churn_band' || leaf.field === 'clv_band')) return t(`bands.${String(v)}`)
  return String(v)
}

/** The value part of a sentence: a list, a number of days with its unit, a date or a single value. */
export function describeValue(t: Translate, leaf: SegmentLeaf, op: string, value: LeafValue): string {
  if (value === undefined) return ''
  const input = valueInputFor(valueKindOf(leaf), op)
  if (input === 'none') return ''
  if (Array.isArray(value)) return join(t, value.map((v) => translatedValue(t, leaf, v)))
  if (input === 'days') return `${String(value)} ${daysUnit(t, op)}`
  return translatedValue(t, leaf, value)
}

export function describeWindow(t: Translate, w: SegmentWindow | undefined): string {
  if (!w) return ''
  if (w.last_days !== undefined) return t('describe.window.last', { n: w.last_days })
  if (w.days_ago_from !== undefined || w.days_ago_to !== undefined) return t('describe.window.between', { from: w.days_ago_from ?? '?', to: w.days_ago_to ?? '?' })
  if (w.since !== undefined) return t('describe.window.since', { date: w.since })
  return ''
}

function describeFilter(t: Translate, f: BehaviourFilter | undefined): string {
  if (!f) return ''
  const parts = FILTER_KEYS.flatMap((k) => {
    const v = f[k]
    if (!v || v.length === 0) return []
    const values = k === 'sentiment' ? v.map((s) => t(`sentiments.${String(s)}`)) : v
    return [t('describe.filter', { name: t(`filters.${k}`), values: join(t, values) })]
  })
  return parts.length === 0 ? '' : t('describe.filters', { filters: parts.join(t('describe.filterSeparator')) })
}

const sentence = (...parts: string[]): string => parts.filter((p) => p !== '').join(' ')

export function describeLeaf(t: Translate, leaf: SegmentLeaf, segmentNames: ReadonlyMap<number, string> = new Map()): string {
  const kind = valueKindOf(leaf)
  switch (leaf.type) {
    case 'profile':
    case 'date':
      return sentence(fieldLabel(t, fieldKeyOf(leaf)), opLabel(t, kind, leaf.op), describeValue(t, leaf, leaf.op, leaf.value))
    case 'attribute':
      return sentence(t('describe.attribute', { path: leaf.path }), opLabel(t, kind, leaf.op), describeValue(t, leaf, leaf.op, leaf.value))
    case 'tag':
      return sentence(fieldLabel(t, 'tag'), opLabel(t, 'tag', leaf.op), join(t, leaf.value))
    case 'consent':
      return sentence(t('describe.consent', { channel: fieldLabel(t, fieldKeyOf(leaf)), purpose: leaf.purpose }), opLabel(t, kind, leaf.op), t(`consentStates.${leaf.value}`))
    case 'behaviour': {
      const subject = t(`describe.measure.${leaf.measure}`, { source: t(`sources.${leaf.source}`), field: leaf.field ? t(`measureFields.${leaf.field}`) : '' })
      return sentence(subject, describeWindow(t, leaf.window), describeFilter(t, leaf.filter), opLabel(t, kind, leaf.op), describeValue(t, leaf, leaf.op, leaf.value))
    }
    case 'product': {
      const what = leaf.categories ? t('describe.categories', { values: join(t, leaf.categories) }) : t('describe.products', { values: join(t, (leaf.product_ids ?? []).map((id) => `#${id}`)) })
      return sentence(opLabel(t, 'product', leaf.op), what, describeWindow(t, leaf.window))
    }
    case 'prediction': {
      const field = leaf.field === 'next_category_probability' ? t('describe.nextCategoryProbability', { category: leaf.category ?? '' }) : fieldLabel(t, fieldKeyOf(leaf))
      return sentence(field, opLabel(t, kind, leaf.op), describeValue(t, leaf, leaf.op, leaf.value))
    }
    case 'segment':
      return sentence(opLabel(t, 'segment', leaf.op), t('describe.segment', { name: segmentNames.get(leaf.segment_id) ?? `#${leaf.segment_id}` }))
  }
}
