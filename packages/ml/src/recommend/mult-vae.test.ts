import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lossAndGradient, vaeLayout, vaeScratch, type VaeInput } from './mult-vae-net.ts'
import { fitMultVae, MultVaeModel } from './mult-vae.ts'
import { interactions, userItemMatrix } from './interactions.ts'
import { recommendTopN } from './recommend-top-n.ts'
import { modelFromJson } from './model-json.ts'
import { createRng } from '../random.ts'

test('Mult-VAE gradient equals central finite differences on every parameter block', () => {
  const l = vaeLayout({ nItems: 7, hidden: 5, latent: 3 })
  const rng = createRng(5)
  const p = Float64Array.from({ length: l.size }, () => 0.4 * rng.normal())
  const batch: VaeInput[] = [
    { items: Int32Array.from([0, 2, 5]), inputWeights: Float64Array.from([0.8, 0, 1.1]) },
    { items: Int32Array.from([1, 6]), inputWeights: Float64Array.from([0.7, 0.7]) },
  ]
  const noise = Float64Array.from({ length: 2 * l.latent }, () => rng.normal())
  const s = vaeScratch(l)
  const grad = new Float64Array(l.size)
  lossAndGradient(p, l, batch, noise, 0.3, grad, s)
  const h = 1e-6
  let worst = 0
  for (let k = 0; k < l.size; k++) {
    const keep = p[k]!
    p[k] = keep + h
    const up = lossAndGradient(p, l, batch, noise, 0.3, new Float64Array(l.size), s)
    p[k] = keep - h
    const down = lossAndGradient(p, l, batch, noise, 0.3, new Float64Array(l.size), s)
    p[k] = keep
    const fd = (up - down) / (2 * h)
    worst = Math.max(worst, Math.abs(fd - grad[k]!) / Math.max(1e-3, Math.abs(fd) + Math.abs(grad[k]!)))
  }
  assert.ok(worst < 1e-5, `largest relative gradient error ${worst}`)
})

// Two taste groups: even users take even items, odd users odd items; each user misses one item of the group.
function groups(): ReturnType<typeof interactions> {
  const u: number[] = []
  const i: number[] = []
  for (let user = 0; user < 40; user++) {
    for (let item = user % 2; item < 12; item += 2) {
      if (item === (user % 12 | (user % 2))) continue
      u.push(user)
      i.push(item)
    }
  }
  return interactions(u, i, new Array<number>(u.length).fill(1), 40, 12)
}

test('Mult-VAE learns two taste groups, is deterministic under a seed and survives JSON', () => {
  const data = groups()
  const opts = { hidden: 8, latent: 2, epochs: 60, batchSize: 10, learningRate: 0.01, seed: 3 }
  const m = fitMultVae(data, opts)
  const seen = userItemMatrix(data)
  for (const user of [0, 1, 6, 7]) {
    const top = recommendTopN(m, user, 1, seen)
    assert.equal(top[0]! % 2, user % 2, `user ${user} gets an item of its own group`)
  }
  const again = fitMultVae(data, opts)
  assert.deepEqual(again.params, m.params)
  const back = modelFromJson(JSON.parse(JSON.stringify(m.toJSON())))
  assert.ok(back instanceof MultVaeModel)
  const a = new Float64Array(12)
  const b = new Float64Array(12)
  m.scoreItems(5, a)
  back.scoreItems(5, b)
  assert.deepEqual(b, a)
})
