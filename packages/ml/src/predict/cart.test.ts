import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import { cartPredict, fitCart } from './cart.ts'

test('CART finds a planted split on the informative feature (exact: fewer distinct values than bins)', () => {
  const rng = createRng(3)
  const n = 400
  const data = new Float64Array(n * 3)
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) data[i * 3 + j] = Math.round(rng.next() * 100) / 10
    y.push((data[i * 3 + 1] as number) > 6.55 ? 1 : 0)
  }
  const X = { rows: n, cols: 3, data }
  const m = fitCart(X, y, { maxDepth: 1, minSamplesLeaf: 5 })
  assert.equal(m.tree.feature[0], 1)
  assert.ok(Math.abs((m.tree.threshold[0] as number) - 6.55) < 1e-9, `threshold ${m.tree.threshold[0]}`)
  const p = cartPredict(m, X)
  for (let i = 0; i < n; i++) assert.equal(p[i], y[i])
})
