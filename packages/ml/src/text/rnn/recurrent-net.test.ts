import { test } from 'node:test'
import assert from 'node:assert/strict'
import { initRecurrentParams, recurrentLayout, recurrentLogits, recurrentLossAndGradient, type CellKind } from './recurrent-net.ts'
import { createRng } from '../../random.ts'

const settings: Array<{ cell: CellKind; bidirectional: boolean }> = [
  { cell: 'gru', bidirectional: false },
  { cell: 'gru', bidirectional: true },
  { cell: 'lstm', bidirectional: false },
  { cell: 'lstm', bidirectional: true },
]

for (const s of settings) {
  test(`${s.bidirectional ? 'bi' : ''}${s.cell.toUpperCase()} classifier gradient (BPTT) equals central finite differences on every parameter`, () => {
    const l = recurrentLayout({ vocab: 6, emb: 3, hidden: 4, classes: 3, ...s })
    const rng = createRng(11)
    const p = Float64Array.from({ length: l.size }, () => 0.5 * rng.normal())
    const batch = [Int32Array.from([0, 3, 5, 3]), Int32Array.from([2]), Int32Array.from([]), Int32Array.from([1, 4, 2, 2, 5])]
    const labels = Int32Array.from([2, 0, 1, 1])
    const grad = new Float64Array(l.size)
    recurrentLossAndGradient(p, l, batch, labels, grad)
    const h = 1e-6
    let worst = 0
    let nonZero = 0
    for (let k = 0; k < l.size; k++) {
      const keep = p[k]!
      p[k] = keep + h
      const up = recurrentLossAndGradient(p, l, batch, labels, new Float64Array(l.size))
      p[k] = keep - h
      const down = recurrentLossAndGradient(p, l, batch, labels, new Float64Array(l.size))
      p[k] = keep
      const fd = (up - down) / (2 * h)
      if (Math.abs(fd) > 1e-6) nonZero++
      worst = Math.max(worst, Math.abs(fd - grad[k]!) / Math.max(1e-4, Math.abs(fd) + Math.abs(grad[k]!)))
    }
    assert.ok(worst < 1e-5, `largest relative gradient error ${worst}`)
    // Every parameter a token of the batch reaches matters (vocab row 0..5 all appear), so the check is not vacuous.
    assert.ok(nonZero > 0.9 * l.size, `${nonZero} of ${l.size} parameters have a non-zero gradient`)
  })
}

test('the backward direction reads the text right to left: reversing a text changes a bidirectional model’s scores but not a mirror-symmetric one', () => {
  const l = recurrentLayout({ vocab: 5, emb: 3, hidden: 4, classes: 2, cell: 'lstm', bidirectional: true })
  const p = initRecurrentParams(l, createRng(3).normal, 0.5)
  const a = recurrentLogits(p, l, Int32Array.from([1, 2, 3]))
  const r = recurrentLogits(p, l, Int32Array.from([3, 2, 1]))
  assert.notDeepEqual(Array.from(a), Array.from(r))
  // With both directions' weights equal and the output weights equal per direction, a text and its reverse score alike.
  const d = l.dirs[1]! - l.dirs[0]!
  for (let k = 0; k < d; k++) p[l.dirs[1]! + k] = p[l.dirs[0]! + k]!
  for (let c = 0; c < 2; c++) for (let k = 0; k < 4; k++) p[l.wo + c * 8 + 4 + k] = p[l.wo + c * 8 + k]!
  const a2 = recurrentLogits(p, l, Int32Array.from([1, 2, 3]))
  const r2 = recurrentLogits(p, l, Int32Array.from([3, 2, 1]))
  for (let c = 0; c < 2; c++) assert.ok(Math.abs(a2[c]! - r2[c]!) < 1e-12)
})
