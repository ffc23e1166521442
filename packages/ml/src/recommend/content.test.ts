import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitContentTfidf, tokenize } from './content-tfidf.ts'
import { HybridModel } from './hybrid.ts'
import { fitPopularity } from './popularity.ts'
import { interactions } from './interactions.ts'
import { recommendTopN } from './recommend-top-n.ts'
import { userItemMatrix } from './interactions.ts'

const items = [
  { text: 'Red running shoes', categories: ['Shoes'] },
  { text: 'Blue running shoes', categories: ['Shoes'] },
  { text: 'Green tea', categories: ['Grocery'] },
  { text: 'Trail running shoes', categories: ['Shoes'] }, // never bought: cold item
]
// u0 bought 0, u1 bought 2, u2 bought 1 and 2.
const data = interactions([0, 1, 2, 2], [0, 2, 1, 2], [1, 1, 1, 1], 3, 3)

test('tokenize keeps letter and digit runs of any script', () => {
  assert.deepEqual(tokenize("Toy Story (1995) — Children's 玩具"), ['toy', 'story', '1995', 'children', '玩具'])
})

test('cosine similarity of TF-IDF vectors ranks like items first', () => {
  const m = fitContentTfidf(items)
  const s = new Float64Array(4)
  m.similarTo(0, s)
  assert.ok(Math.abs(s[0]! - 1) < 1e-12)
  assert.ok(s[1]! > s[2]! && s[3]! > s[2]!)
  assert.equal(s[2], 0)
})

test('cold item is recommended from content; the hybrid blends both', () => {
  const content = fitContentTfidf(items, data)
  const seen = userItemMatrix(data)
  // u0 bought red running shoes → blue or trail shoes come before tea; the cold item 3 is reachable.
  const top = [...recommendTopN(content, 0, 3, seen)]
  assert.equal(top[2], 2)
  assert.ok(top.includes(3))
  const hybrid = new HybridModel(fitPopularity(data), content, 0.5)
  assert.equal(hybrid.nItems, 4)
  const out = new Float64Array(4)
  hybrid.scoreItems(0, out)
  // item 3: no collaborative signal, half of its normalised content score.
  assert.ok(out[3]! > 0 && out[3]! <= 0.5 + 1e-12)
  assert.throws(() => new HybridModel(content, content, 2), /weight/)
})
