import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitRecurrentClassifier, predictRecurrent } from './recurrent-classifier.ts'
import { createRng } from '../../random.ts'
import type { CellKind } from './recurrent-net.ts'

/** Texts whose label flips when 'not' stands before the sentiment word: a bag of unigrams cannot tell. */
function negationData(): { tokens: string[][]; labels: Int32Array } {
  const rng = createRng(4)
  const filler = ['room', 'staff', 'food', 'bed', 'view']
  const tokens: string[][] = []
  const labels: number[] = []
  for (let i = 0; i < 240; i++) {
    const neg = rng.next() < 0.5
    const good = rng.next() < 0.5
    tokens.push([filler[rng.int(5)]!, ...(neg ? ['not'] : []), good ? 'good' : 'bad', filler[rng.int(5)]!])
    labels.push(good !== neg ? 1 : 0)
  }
  return { tokens, labels: Int32Array.from(labels) }
}

const settings: Array<{ cell: CellKind; bidirectional: boolean }> = [
  { cell: 'gru', bidirectional: false },
  { cell: 'lstm', bidirectional: false },
  { cell: 'lstm', bidirectional: true },
]

for (const s of settings) {
  test(`${s.bidirectional ? 'bi' : ''}${s.cell.toUpperCase()} classifier learns word order (a negation before the sentiment word flips it), deterministically`, () => {
    const { tokens, labels } = negationData()
    const opts = { ...s, emb: 8, hidden: 8, epochs: 40, patience: 10, learningRate: 0.02, minCount: 1, seed: 2 }
    const m = fitRecurrentClassifier(tokens, labels, 2, opts)
    assert.ok(m.validationAccuracy >= 0.95, `validation accuracy ${m.validationAccuracy}`)
    assert.ok(predictRecurrent(m, ['room', 'not', 'bad', 'view'])[1]! > 0.5)
    assert.ok(predictRecurrent(m, ['room', 'not', 'good', 'view'])[0]! > 0.5)
    const again = fitRecurrentClassifier(tokens, labels, 2, opts)
    assert.deepEqual(again.params, m.params)
  })
}
