import { test } from 'node:test'
import assert from 'node:assert/strict'
import { namePersonas, type ProfileEntry } from './cluster-personas.ts'

const e = (feature: string, z: number): ProfileEntry => ({ feature, z, mean: 0, overall_mean: 0 })

test('the two largest nameable |z| name the persona; low category shares and repeated words are skipped', () => {
  const [p] = namePersonas(
    [[e('category_share_Pet Supplies', -2.5), e('frequency', 1.8), e('orders_365d', 1.7), e('category_share_Books', 1.2), e('monetary', 0.4)]],
    [['fast delivery', '包装', 'cute']],
    new Map([['Books', '图书']]),
  )
  assert.equal(p?.en, 'Loyal regulars · Books lovers · “fast delivery”')
  assert.equal(p?.['zh-CN'], '忠实常客·图书爱好者·“包装”')
  assert.deepEqual(p?.defining.map((d) => d.feature), ['frequency', 'category_share_Books'])
})

test('a second feature below |z| 0.5 is left out; a cluster near the mean everywhere is "Everyday customers"', () => {
  const [a, b] = namePersonas([[e('recency_days', 1.4), e('monetary', -0.45)], [e('recency_days', 0.2), e('frequency', -0.1)]], [[], []])
  assert.equal(a?.en, 'Lapsed')
  assert.equal(a?.['zh-CN'], '沉睡客户')
  assert.equal(b?.en, 'Everyday customers')
  assert.deepEqual(b?.defining, [])
})

test('clusters with the same words get a further feature, then a number, so names are unique', () => {
  const names = namePersonas(
    [
      [e('category_share_Tea', 2), e('monetary', 1), e('tenure_days', 0.8)],
      [e('category_share_Tea', 1.9), e('monetary', 0.9), e('tenure_days', -0.7)],
      [e('category_share_Tea', 1.5), e('monetary', 0.6)],
    ],
    [[], [], []],
  )
  assert.deepEqual(names.map((n) => n.en), [
    'Tea lovers · Big spenders · Long-standing',
    'Tea lovers · Big spenders · Newcomers',
    'Tea lovers · Big spenders',
  ])
  const same = namePersonas([[e('frequency', 1)], [e('frequency', 1)]], [[], []])
  assert.deepEqual(same.map((n) => n.en), ['Loyal regulars', 'Loyal regulars (2)'])
})
