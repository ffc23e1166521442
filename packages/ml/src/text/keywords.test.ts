import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createAnalyzer, defaultAnalyzerConfig } from './analyzer.ts'
import { tfidfKeywords } from './keywords.ts'
import { textRankKeywords } from './textrank.ts'

const an = createAnalyzer({ ...defaultAnalyzerConfig('auto'), negation: false, clauseMarks: true })

const delivery = [
  'The delivery speed was slow and the parcel came late',
  'Delivery speed is terrible, my parcel took two weeks',
  'Great price but the delivery speed needs work',
]
const price = ['The price is too high for this quality', 'Good price, fair price, I will buy again', 'Price went up again']
const zh = ['服务态度很好，价格有点高', '价格太贵了，服务态度一般', '价格还行，服务态度热情']

test('TF-IDF group keywords return the planted terms of each group', () => {
  const docs = [...delivery, ...price].map((t) => an.tokens(t))
  const groups = [...delivery.map(() => 'delivery'), ...price.map(() => 'price')]
  const kw = tfidfKeywords(docs, groups, 3)
  assert.ok(kw.get('delivery')!.some((k) => k.term === 'delivery speed' || k.term === 'delivery'), JSON.stringify(kw.get('delivery')))
  assert.equal(kw.get('price')![0]!.term, 'price')
  const zk = tfidfKeywords(zh.map((t) => an.tokens(t)), zh.map(() => 'all'), 3).get('all')!.map((k) => k.term)
  assert.ok(zk.includes('价格') && zk.includes('服务态度'), zk.join(','))
})

test('TextRank finds the planted central terms', () => {
  const terms = textRankKeywords(delivery.map((t) => an.tokens(t)), { top: 3 }).map((k) => k.term)
  assert.ok(terms.some((t) => t.includes('delivery')), terms.join(','))
  const zt = textRankKeywords(zh.map((t) => an.tokens(t)), { top: 3 }).map((k) => k.term)
  assert.ok(zt.some((t) => t.includes('价格')) && zt.some((t) => t.includes('服务态度')), zt.join(','))
})
