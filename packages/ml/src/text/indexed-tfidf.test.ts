import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRng } from '../random.ts'
import type { AnalyzedText } from './analyzer.ts'
import { featureMatrix, fitFeatureSpace } from './feature-space.ts'
import { fitIndexedSpace, indexAnalyzed, indexedMatrix, indexedToFeatureSpace } from './indexed-tfidf.ts'

// Random analysed texts over a small alphabet, with repeats (tf > 1), rare terms (min df) and some texts
// without word tokens.
function docs(n: number, seed: number): AnalyzedText[] {
  const rng = createRng(seed)
  const tok = (p: string, v: number): string => `${p}${rng.int(v)}`
  return Array.from({ length: n }, (_, i) => ({
    words: i % 7 === 3 ? [] : Array.from({ length: 1 + rng.int(6) }, () => tok('w', 30)),
    chars: Array.from({ length: 2 + rng.int(9) }, () => tok(rng.next() < 0.1 ? 'rare' : 'c', rng.next() < 0.1 ? 500 : 12)),
  }))
}

test('the indexed TF-IDF matrix of a row subset equals fitFeatureSpace + featureMatrix on those texts, exactly', () => {
  const all = docs(120, 5)
  const corpus = indexAnalyzed(all)
  const train = all.map((_, i) => i).filter((i) => i % 3 !== 0)
  const held = all.map((_, i) => i).filter((i) => i % 3 === 0)
  for (const opts of [{ minDf: 1, sublinearTf: true }, { minDf: 2, sublinearTf: true }, { minDf: 2, sublinearTf: false }, { minDf: 1, binary: true }]) {
    const space = fitFeatureSpace(train.map((i) => all[i]!), opts)
    const ix = fitIndexedSpace(corpus, train, opts)
    // The held-out rows have terms the training rows never saw: they must be dropped, as featureMatrix does.
    for (const rows of [train, held]) {
      const want = featureMatrix(space, rows.map((i) => all[i]!))
      const got = indexedMatrix(corpus, ix, rows)
      assert.equal(got.cols, want.cols, JSON.stringify(opts))
      assert.deepEqual([...got.indptr], [...want.indptr])
      assert.deepEqual([...got.indices], [...want.indices])
      assert.deepEqual([...got.data], [...want.data])
    }
    const back = indexedToFeatureSpace(corpus, ix)
    assert.ok(back.kind === 'tfidf' && space.kind === 'tfidf')
    assert.deepEqual(back.words?.terms, space.words?.terms)
    assert.deepEqual(back.chars?.terms, space.chars?.terms)
    assert.deepEqual([...(back.chars?.idf ?? [])], [...(space.chars?.idf ?? [])])
    assert.equal(back.words?.index.get(space.words!.terms[4]!), 4)
  }
})

test('a block no training row has a token of is dropped, as fitFeatureSpace drops it', () => {
  const all: AnalyzedText[] = [
    { words: [], chars: ['a', 'b'] },
    { words: [], chars: ['b'] },
    { words: ['x'], chars: ['a'] },
  ]
  const corpus = indexAnalyzed(all)
  const ix = fitIndexedSpace(corpus, [0, 1])
  assert.equal(ix.words, null)
  assert.equal(ix.cols, 2)
  const m = indexedMatrix(corpus, ix, [2])
  assert.deepEqual([...m.indices], [0])
  assert.equal(m.data[0], 1)
  assert.throws(() => fitIndexedSpace(corpus, [0], { maxFeatures: 1 }), /maxFeatures/)
})
