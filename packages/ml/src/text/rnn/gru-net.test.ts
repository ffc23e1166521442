import { test } from 'node:test'
import assert from 'node:assert/strict'
import { gruLayout, gruLossAndGradient } from './gru-net.ts'
import { createRng } from '../../random.ts'

test('GRU classifier gradient (BPTT) equals central finite differences on every parameter', () => {
  const l = gruLayout({ vocab: 6, emb: 3, hidden: 4, classes: 3 })
  const rng = createRng(11)
  const p = Float64Array.from({ length: l.size }, () => 0.5 * rng.normal())
  const batch = [Int32Array.from([0, 3, 5, 3]), Int32Array.from([2]), Int32Array.from([]), Int32Array.from([1, 4, 2])]
  const labels = Int32Array.from([2, 0, 1, 1])
  const grad = new Float64Array(l.size)
  gruLossAndGradient(p, l, batch, labels, grad)
  const h = 1e-6
  let worst = 0
  for (let k = 0; k < l.size; k++) {
    const keep = p[k]!
    p[k] = keep + h
    const up = gruLossAndGradient(p, l, batch, labels, new Float64Array(l.size))
    p[k] = keep - h
    const down = gruLossAndGradient(p, l, batch, labels, new Float64Array(l.size))
    p[k] = keep
    const fd = (up - down) / (2 * h)
    worst = Math.max(worst, Math.abs(fd - grad[k]!) / Math.max(1e-4, Math.abs(fd) + Math.abs(grad[k]!)))
  }
  assert.ok(worst < 1e-5, `largest relative gradient error ${worst}`)
})

test('GRU classifier learns word order (a negation before the sentiment word flips it), deterministically', async () => {
  const { fitGruClassifier, predictGru } = await import('./gru-classifier.ts')
  const rng = createRng(4)
  const filler = ['room', 'staff', 'food', 'bed', 'view']
  const tokens: string[][] = []
  const labels: number[] = []
  for (let i = 0; i < 240; i++) {
    const neg = rng.next() < 0.5
    const good = rng.next() < 0.5
    const t = [filler[rng.int(5)]!, ...(neg ? ['not'] : []), good ? 'good' : 'bad', filler[rng.int(5)]!]
    tokens.push(t)
    labels.push(good !== neg ? 1 : 0)
  }
  const opts = { emb: 8, hidden: 8, epochs: 30, patience: 10, learningRate: 0.02, minCount: 1, seed: 2 }
  const m = fitGruClassifier(tokens, Int32Array.from(labels), 2, opts)
  assert.ok(m.validationAccuracy >= 0.95, `validation accuracy ${m.validationAccuracy}`)
  assert.ok(predictGru(m, ['room', 'not', 'bad', 'view'])[1]! > 0.5)
  assert.ok(predictGru(m, ['room', 'not', 'good', 'view'])[0]! > 0.5)
  const again = fitGruClassifier(tokens, Int32Array.from(labels), 2, opts)
  assert.deepEqual(again.params, m.params)
})
