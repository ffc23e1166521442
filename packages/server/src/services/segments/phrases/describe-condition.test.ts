import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  ATTRIBUTE_TYPES, BEHAVIOUR_SOURCES, CHOICE_OPS, DATE_OPS, MEASURE_FIELDS, MEASURES, NUMBER_OPS, PREDICTION_FIELDS, PROFILE_DATE_FIELDS,
  PROFILE_TEXT_FIELDS, SET_OPS, TEXT_OPS, segmentNode, type PredictionField, type SegmentLeaf, type SegmentNode,
} from '../../../domain/segment-tree.ts'
import { describeLeaf, describeTree, type DescribeLang } from './describe-condition.ts'

/** Each leaf with the line it must give in English and in Chinese. */
const CASES: Array<{ leaf: SegmentLeaf; en: string; zh: string }> = [
  // profile: text operators
  { leaf: { type: 'profile', field: 'city', op: 'is', value: '上海' }, en: 'City is 上海', zh: '城市为 上海' },
  { leaf: { type: 'profile', field: 'city', op: 'in', value: ['上海', 'Shanghai'] }, en: 'City is one of 上海, Shanghai', zh: '城市为 上海、Shanghai 之一' },
  { leaf: { type: 'profile', field: 'country', op: 'not_in', value: ['CN', 'GB'] }, en: 'Country is none of CN, GB', zh: '国家不为 CN、GB 中的任何一个' },
  { leaf: { type: 'profile', field: 'email', op: 'contains', value: '@example.com' }, en: 'E-mail contains @example.com', zh: '邮箱包含 @example.com' },
  { leaf: { type: 'profile', field: 'name', op: 'starts_with', value: 'Li' }, en: 'Name starts with Li', zh: '姓名以 Li 开头' },
  { leaf: { type: 'profile', field: 'phone', op: 'is_not_set' }, en: 'Phone is not set', zh: '电话未设置' },
  { leaf: { type: 'profile', field: 'gender', op: 'is', value: 'female' }, en: 'Gender is female', zh: '性别为女性' },
  // date: date operators
  { leaf: { type: 'date', field: 'signup_at', op: 'within_last', value: 30 }, en: 'Signup date is within the last 30 days', zh: '注册日期在过去30天内' },
  { leaf: { type: 'date', field: 'signup_at', op: 'before', value: '2026-01-01' }, en: 'Signup date is before 2026-01-01', zh: '注册日期早于 2026-01-01' },
  { leaf: { type: 'date', field: 'created_at', op: 'more_than_ago', value: 1 }, en: 'Record created is more than 1 day ago', zh: '记录创建日期在1天以前' },
  { leaf: { type: 'date', field: 'birth_date', op: 'anniversary_within_next', value: 7 }, en: 'Birthday is within the next 7 days', zh: '生日在未来7天内' },
  // tag: set operators
  { leaf: { type: 'tag', op: 'any', value: ['VIP', 'Gold'] }, en: 'Has any of the tags VIP, Gold', zh: '带有以下任一标签：VIP、Gold' },
  { leaf: { type: 'tag', op: 'none', value: ['test'] }, en: 'Has none of the tags test', zh: '不带以下任何标签：test' },
  // attribute: per value type
  { leaf: { type: 'attribute', path: 'loyalty.tier', value_type: 'text', op: 'is', value: 'gold' }, en: 'Attribute loyalty.tier is gold', zh: '属性 loyalty.tier 为 gold' },
  { leaf: { type: 'attribute', path: 'loyalty.points', value_type: 'number', op: '>=', value: 100 }, en: 'Attribute loyalty.points ≥ 100', zh: '属性 loyalty.points ≥ 100' },
  { leaf: { type: 'attribute', path: 'vip', value_type: 'boolean', op: 'is', value: true }, en: 'Attribute vip is true', zh: '属性 vip 为是' },
  { leaf: { type: 'attribute', path: 'renewal', value_type: 'date', op: 'within_next', value: 14 }, en: 'Attribute renewal is within the next 14 days', zh: '属性 renewal 在未来14天内' },
  // consent
  { leaf: { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' }, en: 'E-mail consent (marketing) is granted', zh: '邮件同意（marketing）为已同意' },
  { leaf: { type: 'consent', channel: 'sms', purpose: 'marketing', op: 'is_not', value: 'revoked' }, en: 'SMS consent (marketing) is not revoked', zh: '短信同意（marketing）不为已撤回' },
  // behaviour: number measures, date measures, windows, filters
  { leaf: { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 30 }, op: '>=', value: 2 }, en: 'Orders in the last 30 days ≥ 2', zh: '过去30天订单数 ≥ 2' },
  { leaf: { type: 'behaviour', source: 'orders', measure: 'sum', field: 'total', window: { last_days: 90 }, op: '>', value: 500 }, en: 'Total order value in the last 90 days > 500', zh: '过去90天订单金额合计 > 500' },
  { leaf: { type: 'behaviour', source: 'reviews', measure: 'avg', field: 'rating', op: '<', value: 3 }, en: 'Average rating of reviews < 3', zh: '评价评分平均值 < 3' },
  { leaf: { type: 'behaviour', source: 'events', measure: 'count', window: { days_ago_from: 60, days_ago_to: 30 }, filter: { event_type: ['view'] }, op: '>=', value: 3 },
    en: 'Events (type: view) between 60 and 30 days ago ≥ 3', zh: '60至30天前事件数（类型：view） ≥ 3' },
  { leaf: { type: 'behaviour', source: 'orders', measure: 'count', window: { since: '2026-01-01' }, op: '=', value: 0 }, en: 'Orders since 2026-01-01 = 0', zh: '自2026-01-01起订单数 = 0' },
  { leaf: { type: 'behaviour', source: 'orders', measure: 'last_at', op: 'more_than_ago', value: 60 }, en: 'Last order is more than 60 days ago', zh: '最近一次订单时间在60天以前' },
  { leaf: { type: 'behaviour', source: 'tickets', measure: 'first_at', op: 'after', value: '2025-06-01' }, en: 'First ticket is after 2025-06-01', zh: '首次工单时间晚于 2025-06-01' },
  // product
  { leaf: { type: 'product', op: 'none', categories: ['Pet Supplies'], window: { last_days: 30 } }, en: 'Bought none of the categories Pet Supplies in the last 30 days', zh: '过去30天未买过以下任何品类：Pet Supplies' },
  { leaf: { type: 'product', op: 'any', product_ids: [12, 13] }, en: 'Bought any of the products #12, #13', zh: '买过以下任一商品：#12、#13' },
  { leaf: { type: 'product', op: 'all', categories: ['咖啡茶饮', 'Coffee & Tea'] }, en: 'Bought all of the categories 咖啡茶饮, Coffee & Tea', zh: '买过以下全部品类：咖啡茶饮、Coffee & Tea' },
  // prediction: choice and number fields
  { leaf: { type: 'prediction', field: 'churn_band', op: 'is', value: 'high' }, en: 'Churn risk band is high', zh: '流失风险等级为高' },
  { leaf: { type: 'prediction', field: 'clv_band', op: 'in', value: ['high', 'medium'] }, en: 'CLV band is one of high, medium', zh: 'CLV等级为高、中之一' },
  { leaf: { type: 'prediction', field: 'churn_score', op: '>=', value: 0.7 }, en: 'Churn score ≥ 0.7', zh: '流失分数 ≥ 0.7' },
  { leaf: { type: 'prediction', field: 'rfm_segment', op: 'is', value: 'Champions' }, en: 'RFM segment is Champions', zh: 'RFM分层为 Champions' },
  { leaf: { type: 'prediction', field: 'persona', op: 'is_set' }, en: 'Persona is set', zh: '画像已设置' },
  { leaf: { type: 'prediction', field: 'next_category_probability', category: 'Coffee & Tea', op: '>', value: 0.5 }, en: 'Probability of buying Coffee & Tea next > 0.5', zh: '下次购买 Coffee & Tea 的概率 > 0.5' },
  // segment
  { leaf: { type: 'segment', op: 'in', segment_id: 12 }, en: 'In segment #12', zh: '属于分群 #12' },
  { leaf: { type: 'segment', op: 'not_in', segment_id: 7 }, en: 'Not in segment #7', zh: '不属于分群 #7' },
]

describe('describeLeaf', () => {
  for (const c of CASES) {
    test(`${c.leaf.type} ${String(c.leaf.op)}: "${c.en}" / "${c.zh}"`, () => {
      segmentNode.parse(c.leaf)
      assert.equal(describeLeaf(c.leaf, 'en'), c.en)
      assert.equal(describeLeaf(c.leaf, 'zh-CN'), c.zh)
    })
  }

  test('the cases cover all nine leaf types', () => {
    assert.deepEqual(new Set(CASES.map((c) => c.leaf.type)).size, 9)
  })
})

/** A value each operator accepts, per kind of field. */
function valueFor(op: string, kind: 'text' | 'choice' | 'number' | 'boolean' | 'date'): unknown {
  if (op === 'is_set' || op === 'is_not_set') return undefined
  if (kind === 'number') return 5
  if (kind === 'boolean') return true
  if (kind === 'date') return ['before', 'after', 'on'].includes(op) ? '2026-01-01' : 30
  if (op === 'in' || op === 'not_in') return kind === 'choice' ? ['high', 'low'] : ['a', 'b']
  return kind === 'choice' ? 'high' : 'x'
}
const withValue = <T extends object>(leaf: T, value: unknown): T => (value === undefined ? leaf : { ...leaf, value })

/** Every operator of every leaf type, each leaf one the schema accepts. */
function everyLeaf(): SegmentLeaf[] {
  const out: SegmentLeaf[] = []
  for (const field of PROFILE_TEXT_FIELDS) for (const op of TEXT_OPS) out.push(withValue({ type: 'profile', field, op }, valueFor(op, 'text')) as SegmentLeaf)
  for (const field of PROFILE_DATE_FIELDS) for (const op of DATE_OPS) out.push(withValue({ type: 'date', field, op }, valueFor(op, 'date')) as SegmentLeaf)
  for (const op of SET_OPS) out.push({ type: 'tag', op, value: ['VIP'] })
  const attributeOps = { text: TEXT_OPS, number: [...NUMBER_OPS, 'is_set', 'is_not_set'], boolean: ['is', 'is_not', 'is_set', 'is_not_set'], date: DATE_OPS } as const
  for (const value_type of ATTRIBUTE_TYPES) {
    for (const op of attributeOps[value_type]) out.push(withValue({ type: 'attribute', path: 'a.b', value_type, op }, valueFor(op, value_type)) as SegmentLeaf)
  }
  for (const channel of ['email', 'sms'] as const) for (const op of ['is', 'is_not'] as const) {
    for (const value of ['granted', 'revoked', 'unknown'] as const) out.push({ type: 'consent', channel, purpose: 'marketing', op, value })
  }
  const windows = [undefined, { last_days: 30 }, { days_ago_from: 90, days_ago_to: 30 }, { since: '2026-01-01' }]
  for (const source of BEHAVIOUR_SOURCES) for (const measure of MEASURES) {
    const dated = measure === 'first_at' || measure === 'last_at'
    const field = measure === 'count' || dated ? undefined : MEASURE_FIELDS[source][0]
    if (!dated && measure !== 'count' && field === undefined) continue // the schema refuses sum of events
    for (const op of dated ? DATE_OPS : [...NUMBER_OPS, 'is_set', 'is_not_set']) {
      for (const window of dated ? [undefined] : windows) {
        const filter = source === 'orders' ? { status: ['paid'] } : source === 'events' ? { event_type: ['view'] } : undefined
        out.push(withValue({ type: 'behaviour', source, measure, op, ...(field === undefined ? {} : { field }), ...(window === undefined ? {} : { window }), ...(filter === undefined ? {} : { filter }) },
          valueFor(op, dated ? 'date' : 'number')) as SegmentLeaf)
      }
    }
  }
  for (const op of SET_OPS) {
    out.push({ type: 'product', op, categories: ['Coffee & Tea'] }, { type: 'product', op, product_ids: [1, 2], window: { last_days: 7 } })
  }
  for (const field of Object.keys(PREDICTION_FIELDS) as PredictionField[]) {
    const number = PREDICTION_FIELDS[field] === 'number'
    for (const op of number ? [...NUMBER_OPS, 'is_set', 'is_not_set'] : CHOICE_OPS) {
      const leaf = withValue({ type: 'prediction', field, op, ...(field === 'next_category_probability' ? { category: 'Coffee & Tea' } : {}) }, valueFor(op, number ? 'number' : 'choice'))
      out.push(leaf as SegmentLeaf)
    }
  }
  for (const op of ['in', 'not_in'] as const) out.push({ type: 'segment', op, segment_id: 3 })
  return out
}

describe('describeLeaf on every operator of every leaf type', () => {
  const leaves = everyLeaf()

  test('the generated leaves are all ones the schema accepts', () => {
    for (const leaf of leaves) assert.ok(segmentNode.safeParse(leaf).success, JSON.stringify(leaf))
    assert.ok(leaves.length > 300, `${leaves.length} leaves`)
  })

  for (const lang of ['en', 'zh-CN'] as const satisfies readonly DescribeLang[]) {
    test(`${lang}: each gives a non-empty line without "undefined", "null" or "[object"`, () => {
      for (const leaf of leaves) {
        const line = describeLeaf(leaf, lang)
        assert.ok(line.trim().length > 0, JSON.stringify(leaf))
        assert.doesNotMatch(line, /undefined|null|\[object/, `${line} for ${JSON.stringify(leaf)}`)
      }
    })
  }

  test('lines differ when only the operator differs', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const lines = TEXT_OPS.map((op) => describeLeaf(withValue({ type: 'profile', field: 'city', op }, valueFor(op, 'text')) as SegmentLeaf, lang))
      assert.equal(new Set(lines).size, TEXT_OPS.length, lines.join(' | '))
      const dates = DATE_OPS.map((op) => describeLeaf(withValue({ type: 'date', field: 'signup_at', op }, valueFor(op, 'date')) as SegmentLeaf, lang))
      assert.equal(new Set(dates).size, DATE_OPS.length, dates.join(' | '))
    }
  })

  test('an operator outside its family is still shown, as written', () => {
    const odd = { type: 'attribute', path: 'x', value_type: 'number', op: 'near', value: 3 } as SegmentLeaf
    assert.equal(describeLeaf(odd, 'en'), 'Attribute x near 3')
    assert.equal(describeLeaf(odd, 'zh-CN'), '属性 x near 3')
  })
})

describe('describeTree', () => {
  const tree: SegmentNode = {
    type: 'all',
    conditions: [
      { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 30 }, op: '>=', value: 2 },
      { type: 'any', conditions: [{ type: 'profile', field: 'city', op: 'is', value: '上海' }, { type: 'prediction', field: 'churn_band', op: 'is', value: 'high' }] },
      { type: 'not', condition: { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' } },
    ],
  }

  test('reads the tree as one paragraph with nested groups in brackets (English)', () => {
    assert.equal(describeTree(tree, 'en'),
      'all of: Orders in the last 30 days ≥ 2; any of: (City is 上海; Churn risk band is high); not: (E-mail consent (marketing) is granted)')
  })

  test('reads the tree as one paragraph with nested groups in brackets (Chinese)', () => {
    assert.equal(describeTree(tree, 'zh-CN'), '同时满足：过去30天订单数 ≥ 2；满足任一：（城市为 上海；流失风险等级为高）；不满足：（邮件同意（marketing）为已同意）')
  })

  test('a single leaf reads as its own line', () => {
    assert.equal(describeTree({ type: 'segment', op: 'in', segment_id: 4 }, 'en'), 'In segment #4')
  })
})
