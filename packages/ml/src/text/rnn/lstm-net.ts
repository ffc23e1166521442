/**
 * The LSTM cell (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al. 2000) of
 * recurrent-net.ts, forward over a sequence and backpropagation through time.
 *
 * Step: [i, f, g, o] = [σ, σ, tanh, σ](W x + U h + b), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'). The cell block
 * stacks the gates in the order i, f, g, o; the forget-gate bias starts at 1 (Jozefowicz et al. 2015) so the
 * cell keeps its state early in training. Cost per token: 4·hidden·(emb + hidden) multiply-adds forward,
 * about twice that backward.
 */
import { backPreActivation, cellOffsets, preActivation, sigmoid, type CellTrace, type RecurrentCell, type RecurrentLayout } from './cell.ts'

/** Hidden and cell states ((T + 1) × hidden, row 0 zeros), gate activations (T × 4·hidden) and tanh(c). */
export interface LstmTrace extends CellTrace {
  c: Float64Array
  gates: Float64Array
  tc: Float64Array
}

function init(p: Float64Array, l: RecurrentLayout, base: number): void {
  const { b } = cellOffsets(l, base)
  for (let k = 0; k < l.hidden; k++) p[b + l.hidden + k] = 1
}

function forward(p: Float64Array, l: RecurrentLayout, base: number, tokens: Int32Array): LstmTrace {
  const H = l.hidden
  const G = 4 * H
  const o = cellOffsets(l, base)
  const T = tokens.length
  const h = new Float64Array((T + 1) * H)
  const c = new Float64Array((T + 1) * H)
  const gates = new Float64Array(T * G)
  const tc = new Float64Array(T * H)
  for (let t = 0; t < T; t++) {
    const x = l.e + tokens[t]! * l.emb
    const hp = t * H
    const gp = t * G
    for (let row = 0; row < G; row++) {
      const a = preActivation(p, l, o, row, x, h, hp)
      gates[gp + row] = row >= 2 * H && row < 3 * H ? Math.tanh(a) : sigmoid(a)
    }
    for (let k = 0; k < H; k++) {
      const ck = gates[gp + H + k]! * c[hp + k]! + gates[gp + k]! * gates[gp + 2 * H + k]!
      c[hp + H + k] = ck
      const tk = Math.tanh(ck)
      tc[hp + k] = tk
      h[hp + H + k] = gates[gp + 3 * H + k]! * tk
    }
  }
  return { h, c, gates, tc }
}

function backward(p: Float64Array, l: RecurrentLayout, base: number, tokens: Int32Array, tr: LstmTrace, dStep: Float64Array, grad: Float64Array): void {
  const H = l.hidden
  const G = 4 * H
  const o = cellOffsets(l, base)
  const dh = new Float64Array(H)
  const dc = new Float64Array(H)
  const dhp = new Float64Array(H)
  const da = new Float64Array(G)
  for (let t = tokens.length - 1; t >= 0; t--) {
    const hp = t * H
    const gp = t * G
    const x = l.e + tokens[t]! * l.emb
    for (let k = 0; k < H; k++) {
      const dhk = dh[k]! + dStep[k]!
      const i = tr.gates[gp + k]!
      const f = tr.gates[gp + H + k]!
      const g = tr.gates[gp + 2 * H + k]!
      const og = tr.gates[gp + 3 * H + k]!
      const tk = tr.tc[hp + k]!
      const dck = dc[k]! + dhk * og * (1 - tk * tk)
      da[k] = dck * g * i * (1 - i)
      da[H + k] = dck * tr.c[hp + k]! * f * (1 - f)
      da[2 * H + k] = dck * i * (1 - g * g)
      da[3 * H + k] = dhk * tk * og * (1 - og)
      dc[k] = dck * f
    }
    dhp.fill(0)
    for (let row = 0; row < G; row++) backPreActivation(p, grad, l, o, row, da[row]!, x, tr.h, hp, dhp)
    dh.set(dhp)
  }
}

export const lstmCell: RecurrentCell<LstmTrace> = { init, forward, backward }
