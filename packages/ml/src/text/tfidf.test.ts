import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fitTfidf, tfidfRow } from './tfidf.ts'

const close = (a: number, b: number, eps = 1e-9): void => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`)

test('TF-IDF on a 3-document corpus matches the hand computation', () => {
  // d1 = a b, d2 = a c, d3 = a a d. n = 3: idf(a) = ln(4/4) + 1 = 1; idf(b) = idf(c) = idf(d) = ln(4/2) + 1.
  const docs = [['a', 'b'], ['a', 'c'], ['a', 'a', 'd']]
  const m = fitTfidf(docs)
  assert.deepEqual(m.terms, ['a', 'b', 'c', 'd'])
  const idfRare = Math.log(2) + 1
  close(m.idf[0]!, 1)
  close(m.idf[1]!, idfRare)
  // d1: (1, 1.693) / ‖·‖
  const r1 = tfidfRow(m, docs[0]!)
  const n1 = Math.sqrt(1 + idfRare * idfRare)
  assert.deepEqual([...r1.indices], [0, 1])
  close(r1.values[0]!, 1 / n1)
  close(r1.values[1]!, idfRare / n1)
  // d3: sublinear tf of a = 1 + ln 2 = 1.693 = idfRare; so both entries are equal, 1/√2 each.
  const r3 = tfidfRow(m, docs[2]!)
  assert.deepEqual([...r3.indices], [0, 3])
  close(r3.values[0]!, Math.SQRT1_2)
  close(r3.values[1]!, Math.SQRT1_2)
  // raw tf: d3 = (2, 1.693) / ‖·‖; unknown terms are ignored
  const raw = fitTfidf(docs, { sublinearTf: false })
  const r3raw = tfidfRow(raw, [...docs[2]!, 'zzz'])
  const n3 = Math.sqrt(4 + idfRare * idfRare)
  close(r3raw.values[0]!, 2 / n3)
  close(r3raw.values[1]!, idfRare / n3)
})

test('minDf and maxFeatures prune the vocabulary', () => {
  const docs = [['a', 'b'], ['a', 'c'], ['a', 'a', 'd', 'c']]
  assert.deepEqual(fitTfidf(docs, { minDf: 2 }).terms, ['a', 'c'])
  assert.deepEqual(fitTfidf(docs, { maxFeatures: 1 }).terms, ['a'])
})
