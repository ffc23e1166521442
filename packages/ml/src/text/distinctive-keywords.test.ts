import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createAnalyzer, defaultAnalyzerConfig } from './analyzer.ts'
import { distinctiveKeywords } from './distinctive-keywords.ts'
import { tfidfKeywords } from './keywords.ts'

const an = createAnalyzer({ ...defaultAnalyzerConfig('auto'), negation: false, clauseMarks: true })

test('z-score of the smoothed log odds ratio by hand on a two-group table', () => {
  // Pre-tokenised documents, clause marks between words (so no phrases). Group a (3 docs): noise in 3, view
  // in 1; group b (2 docs): noise in 1, view in 2. N_all = 5, s = 0.1.
  const docs = [['noise', ',', 'view'], ['noise'], ['noise'], ['noise', ',', 'view'], ['view']]
  const groups = ['a', 'a', 'a', 'b', 'b']
  const kw = distinctiveKeywords(docs, groups, { minDocs: 1 })
  // noise in a: y_g = 3 of 3, y_r = 1 of 2, y_all = 4 → α = 0.4, β = 0.1.
  const delta = Math.log((3 + 0.4) / (0 + 0.1)) - Math.log((1 + 0.4) / (1 + 0.1))
  const z = delta / Math.sqrt(1 / 3.4 + 1 / 0.1 + 1 / 1.4 + 1 / 1.1)
  const noise = kw.get('a')!.find((k) => k.term === 'noise')
  assert.ok(noise, JSON.stringify(kw.get('a')))
  assert.ok(Math.abs(noise.score - z) < 1e-12, `${noise.score} vs ${z}`)
  // view is over-represented in b (2 of 2 against 1 of 3): b's keyword, never a's; scores positive and sorted.
  assert.equal(kw.get('b')![0]!.term, 'view')
  assert.ok(!kw.get('a')!.some((k) => k.term === 'view'))
  for (const list of kw.values()) for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.score >= list[i]!.score && list[i]!.score > 0)
})

test('a term shared by every group is not a tag; the planted contrast terms are', () => {
  // Every review mentions the hotel and the room; only the complaints mention noise, only the praise the view.
  const neg = ['The hotel room was noisy all night', 'Noisy hotel, the room smelled', 'Our hotel room was dirty and noisy', 'The room was noisy, hotel staff rude']
  const pos = ['The hotel room had a lovely view', 'Lovely view from the hotel room', 'Great hotel, the room view was lovely', 'The room was clean and the hotel view lovely']
  const docs = [...neg, ...pos].map((t) => an.tokens(t))
  const groups = [...neg.map(() => 'negative'), ...pos.map(() => 'positive')]
  const kw = distinctiveKeywords(docs, groups, { top: 3 })
  const terms = (g: string): string[] => kw.get(g)!.map((k) => k.term)
  assert.equal(terms('negative')[0], 'noisy', terms('negative').join(','))
  assert.ok(terms('positive').slice(0, 2).some((t) => t === 'view' || t === 'lovely'), terms('positive').join(','))
  for (const g of ['negative', 'positive']) assert.ok(!terms(g).some((t) => t.includes('hotel') || t.includes('room')), terms(g).join(','))
  // The group mean of TF-IDF, by contrast, still lists the shared words: the reason this method exists.
  const tf = tfidfKeywords(docs, groups, 3).get('negative')!.map((k) => k.term)
  assert.ok(tf.some((t) => t.includes('hotel') || t.includes('room')), tf.join(','))
})

test('Chinese reviews: the planted complaint and praise terms', () => {
  const neg = ['房间隔音很差，酒店太吵', '酒店隔音差，房间吵得睡不着', '房间隔音不好，酒店前台也慢']
  const pos = ['酒店早餐丰富，房间干净', '房间干净，酒店早餐不错', '早餐很好，酒店房间干净整洁']
  const kw = distinctiveKeywords([...neg, ...pos].map((t) => an.tokens(t)), [...neg.map(() => '0'), ...pos.map(() => '1')], { top: 3 })
  const n = kw.get('0')!.map((k) => k.term)
  const p = kw.get('1')!.map((k) => k.term)
  assert.ok(n.includes('隔音'), n.join(','))
  assert.ok(p.includes('干净') && p.includes('早餐'), p.join(','))
  assert.ok(![...n, ...p].some((t) => t.includes('酒店') || t.includes('房间')), [...n, ...p].join(','))
})

test('one group has nothing to contrast: no keywords; groups and documents must align', () => {
  const kw = distinctiveKeywords([['a', ',', 'b'], ['a']], ['all', 'all'])
  assert.deepEqual(kw.get('all'), [])
  assert.throws(() => distinctiveKeywords([['a']], []), /one group per document/)
})
