import assert from 'node:assert/strict'
import { test } from 'node:test'
import { suggestAnswers, buildAnswerIndex } from './answers.ts'
import { buildBm25, searchBm25 } from './bm25.ts'

test('BM25 ranks a 4-document knowledge base by hand-checkable scores', () => {
  const docs = [['reset', 'password'], ['card', 'arrival', 'card'], ['card', 'fee'], ['exchange', 'rate', 'fee', 'card', 'limit', 'extra']]
  const index = buildBm25(docs)
  const hits = searchBm25(index, ['card', 'fee'], 4)
  // avgdl = 13/4. df(card) = 3, df(fee) = 2; doc 2 has both in a short doc, doc 3 both in a long one,
  // doc 1 only card (tf 2). Doc 0 has neither and is not returned.
  assert.deepEqual(hits.map((h) => h.doc), [2, 3, 1])
  const idf = (df: number): number => Math.log(1 + (4 - df + 0.5) / (df + 0.5))
  const part = (tf: number, len: number): number => (tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / 3.25))
  assert.ok(Math.abs(hits[0]!.score - (idf(3) * part(1, 2) + idf(2) * part(1, 2))) < 1e-12)
  assert.ok(Math.abs(hits[2]!.score - idf(3) * part(2, 3)) < 1e-12)
  assert.deepEqual(searchBm25(index, ['unknown'], 3), [])
})

test('suggested answers return the matched question and score, in Chinese and English', () => {
  const kb = [
    { question: 'How do I reset my password?', answer: 'Use the forgot-password link.' },
    { question: 'My card has not arrived', answer: 'Cards arrive within 5 working days.' },
    { question: '怎么修改收货地址', answer: '在订单页面修改地址。' },
    { question: '退款多久到账', answer: '退款 3 到 5 个工作日到账。' },
  ]
  const index = buildAnswerIndex(kb)
  const en = suggestAnswers(index, 'I forgot my password, how to reset it?', 2)
  assert.equal(en[0]!.matchedQuestion, 'How do I reset my password?')
  const zh = suggestAnswers(index, '我的退款什么时候到账', 2)
  assert.equal(zh[0]!.answer, '退款 3 到 5 个工作日到账。')
  assert.ok(zh[0]!.score > (zh[1]?.score ?? 0))
})
