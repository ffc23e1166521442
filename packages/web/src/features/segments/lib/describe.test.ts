import { describe, expect, test } from 'vitest'
import { i18n } from '../../../i18n/index.ts'
import { describeLeaf, describeTree } from './describe.ts'
import type { Translate } from './labels.ts'
import type { SegmentNode } from './tree-types.ts'

const tree: SegmentNode = {
  type: 'all',
  conditions: [
    { type: 'profile', field: 'city', op: 'is', value: '上海' },
    {
      type: 'any',
      conditions: [
        { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 90 }, op: '>=', value: 2 },
        { type: 'prediction', field: 'clv_band', op: 'is', value: 'high' },
      ],
    },
    { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' },
    { type: 'not', condition: { type: 'segment', op: 'in', segment_id: 4 } },
  ],
}

const tIn = (lang: string): Translate => i18n.getFixedT(lang, 'segments') as unknown as Translate

describe('definition as text', () => {
  test('English: a heading per group and a sentence per condition, bands and consent states in words', () => {
    const d = describeTree(tIn('en'), tree, new Map([[4, 'Churned']]))
    expect(d.text).toBe('All of these:')
    expect(d.children.map((c) => c.text)).toEqual(['City is 上海', 'Any of these:', 'E-mail consent for marketing is Granted', 'Not this:'])
    expect(d.children[1]?.children.map((c) => c.text)).toEqual(['Number of orders in the last 90 days at least 2', 'Customer value band is High'])
    expect(d.children[3]?.children[0]?.text).toBe('Is a member of the segment “Churned”')
  })

  test('Chinese: the same definition in Chinese, the typed values as typed', () => {
    const d = describeTree(tIn('zh-CN'), tree)
    expect(d.children.map((c) => c.text)).toEqual(['城市 是 上海', '满足以下任一：', '邮件授权（用途：marketing） 是 已授权', '不满足：'])
    expect(d.children[1]?.children.map((c) => c.text)).toEqual(['订单数 过去 90 天内 至少 2', '客户价值等级 是 高'])
    expect(d.children[3]?.children[0]?.text).toBe('属于 分群“#4”')
  })

  test('days carry their unit, lists their separator, filters their names', () => {
    const en = tIn('en')
    expect(describeLeaf(en, { type: 'date', field: 'signup_at', op: 'more_than_ago', value: 30 })).toBe('Sign-up date more than 30 days ago')
    expect(describeLeaf(en, { type: 'tag', op: 'any', value: ['vip', 'new'] })).toBe('Tags include any of vip, new')
    expect(describeLeaf(en, { type: 'behaviour', source: 'tickets', measure: 'count', filter: { sentiment: ['negative'], priority: ['high'] }, op: '>', value: 0 })).toBe(
      'Number of support tickets (Priority high; Sentiment Negative) more than 0',
    )
    expect(describeLeaf(tIn('zh-CN'), { type: 'product', op: 'any', categories: ['美妆', '服饰'], window: { days_ago_from: 60, days_ago_to: 30 } })).toBe('购买过任一 品类 美妆、服饰 的商品 60 到 30 天前之间')
  })
})
