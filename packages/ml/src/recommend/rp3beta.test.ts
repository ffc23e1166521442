import { test } from 'node:test'
import assert from 'node:assert/strict'
import { interactions } from './interactions.ts'
import { fitRp3Beta } from './rp3beta.ts'
import { selectTopN, type TopNCandidate } from './select-top-n.ts'
import { fitPopularity } from './popularity.ts'
import { csrGet } from '../sparse/csr.ts'
import type { Recommender } from './types.ts'

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`)
// 4 users × 4 items: u0 {0,1}, u1 {0,1,2}, u2 {2,3}, u3 {1,2,3}.
const data = interactions([0, 0, 1, 1, 1, 2, 2, 3, 3, 3], [0, 1, 0, 1, 2, 2, 3, 1, 2, 3], Array(10).fill(1))

test('RP3beta similarities by hand', () => {
  // deg: items 0:2 1:3 2:3 3:2; users 0:2 1:3 2:2 3:3. α = 1, β = 0.5:
  // W_01 = (1/2) · (1/2 + 1/3) / √3 (users 0 and 1 hold both 0 and 1).
  const m = fitRp3Beta(data, { alpha: 1, beta: 0.5, neighbours: 0 })
  close(csrGet(m.sim, 0, 1), 0.5 * (1 / 2 + 1 / 3) / Math.sqrt(3))
  // W_23 = (1/3) · (1/2 + 1/3) / √2 (users 2 and 3); no self-similarity; 0 and 3 share no user.
  close(csrGet(m.sim, 2, 3), (1 / 3) * (1 / 2 + 1 / 3) / Math.sqrt(2))
  assert.equal(csrGet(m.sim, 1, 1), 0)
  assert.equal(csrGet(m.sim, 0, 3), 0)
  // α = 0.5 takes square roots of the transition probabilities.
  const half = fitRp3Beta(data, { alpha: 0.5, beta: 0, neighbours: 0 })
  close(csrGet(half.sim, 0, 1), Math.SQRT1_2 * (Math.SQRT1_2 + Math.sqrt(1 / 3)))
  const pruned = fitRp3Beta(data, { neighbours: 1 })
  for (let i = 0; i < 4; i++) assert.ok(pruned.sim.indptr[i + 1]! - pruned.sim.indptr[i]! <= 1)
})

test('selectTopN keeps the candidate that wins inner validation and refits it on all training rows', () => {
  // Popular items are what held-out rows contain; the reversed popularity ranking is worse by construction.
  const users: number[] = []
  const items: number[] = []
  for (let u = 0; u < 60; u++) for (let i = 0; i < 10; i++) if ((u * 7 + i * 3) % 10 < 10 - i) (users.push(u), items.push(i))
  const train = interactions(users, items, new Array<number>(users.length).fill(1), 60, 10)
  const sizes: number[] = []
  const reversed = (d: typeof train): Recommender => {
    const pop = fitPopularity(d)
    return { ...pop, kind: 'reversed', nUsers: pop.nUsers, nItems: pop.nItems, predict: (u, i) => -pop.predict(u, i), scoreItems: (u, out) => { pop.scoreItems(u, out); for (let i = 0; i < out.length; i++) out[i] = -out[i]! }, toJSON: () => pop.toJSON() }
  }
  const candidates: TopNCandidate[] = [
    { name: 'reversed', fit: (d) => reversed(d) },
    { name: 'popularity', fit: (d) => (sizes.push(d.users.length), fitPopularity(d)) },
  ]
  const sel = selectTopN(train, { candidates, seed: 1 })
  assert.equal(sel.chosen, 'popularity')
  assert.deepEqual(sel.scores.map((s) => s.name), ['reversed', 'popularity'])
  assert.ok(sel.scores[1]!.ndcg > sel.scores[0]!.ndcg)
  // Fitted once on the inner 75 % and once on every training row.
  assert.equal(sizes.length, 2)
  assert.ok(sizes[0]! < train.users.length)
  assert.equal(sizes[1], train.users.length)
})
