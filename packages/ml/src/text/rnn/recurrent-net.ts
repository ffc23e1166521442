/**
 * A recurrent text classifier on one flat Float64Array of parameters: token embeddings, one recurrent layer
 * (a GRU cell, gru-net.ts, or an LSTM cell, lstm-net.ts), run left to right and, when bidirectional, also
 * right to left with its own weights; mean pooling of each direction's hidden states, concatenated; a softmax
 * layer. `recurrentLossAndGradient` runs the forward pass and backpropagation through time over a batch and
 * returns the mean cross-entropy with its exact gradient (checked against finite differences in
 * recurrent-net.test.ts for every cell and direction setting).
 *
 * Layout: E [vocab × emb]; per direction a cell block W [G·hidden × emb], U [G·hidden × hidden],
 * b [G·hidden] (G gate blocks stacked: 3 for the GRU, 4 for the LSTM); Wo [classes × D·hidden], bo [classes]
 * with D = 2 directions when bidirectional, else 1. This file holds what every cell shares (layout, pooling,
 * the softmax head and its gradient); the cells hold their step and its backward step.
 */
import { CELL_GATES, type CellKind, type CellTrace, type RecurrentCell, type RecurrentLayout, type RecurrentShape } from './cell.ts'
import { gruCell } from './gru-net.ts'
import { lstmCell } from './lstm-net.ts'

export type { CellKind, RecurrentLayout, RecurrentShape } from './cell.ts'

const cells: Record<CellKind, RecurrentCell> = { gru: gruCell, lstm: lstmCell }
const cellOf = (kind: CellKind): RecurrentCell => cells[kind]

export function recurrentLayout(s: RecurrentShape): RecurrentLayout {
  const gates = CELL_GATES[s.cell]
  const block = gates * s.hidden * (s.emb + s.hidden + 1)
  const D = s.bidirectional ? 2 : 1
  let o = s.vocab * s.emb
  const dirs: number[] = []
  for (let d = 0; d < D; d++) {
    dirs.push(o)
    o += block
  }
  const wo = o
  const bo = wo + s.classes * D * s.hidden
  return { ...s, gates, e: 0, dirs, wo, bo, size: bo + s.classes }
}

/** Random initial parameters: N(0, scale²) everywhere except the output bias, then the cell's own init. */
export function initRecurrentParams(l: RecurrentLayout, normal: () => number, scale = 0.1): Float64Array {
  const p = new Float64Array(l.size)
  for (let k = 0; k < l.bo; k++) p[k] = scale * normal()
  const cell = cellOf(l.cell)
  for (const base of l.dirs) cell.init?.(p, l, base)
  return p
}

function reversed(tokens: Int32Array): Int32Array {
  const r = new Int32Array(tokens.length)
  for (let t = 0; t < tokens.length; t++) r[t] = tokens[tokens.length - 1 - t]!
  return r
}

/** Runs every direction and writes the concatenated mean-pooled states into m (zeros for an empty text). */
function encode(p: Float64Array, l: RecurrentLayout, tokens: Int32Array, m: Float64Array): { traces: CellTrace[]; inputs: Int32Array[] } {
  const H = l.hidden
  const T = tokens.length
  m.fill(0)
  const traces: CellTrace[] = []
  const inputs: Int32Array[] = []
  if (T === 0) return { traces, inputs }
  const cell = cellOf(l.cell)
  l.dirs.forEach((base, d) => {
    const x = d === 0 ? tokens : reversed(tokens)
    const tr = cell.forward(p, l, base, x)
    for (let t = 1; t <= T; t++) for (let k = 0; k < H; k++) m[d * H + k]! += tr.h[t * H + k]! / T
    traces.push(tr)
    inputs.push(x)
  })
  return { traces, inputs }
}

function head(p: Float64Array, l: RecurrentLayout, m: Float64Array, out: Float64Array): Float64Array {
  const DH = l.dirs.length * l.hidden
  for (let c = 0; c < l.classes; c++) {
    let v = p[l.bo + c]!
    const row = l.wo + c * DH
    for (let k = 0; k < DH; k++) v += p[row + k]! * m[k]!
    out[c] = v
  }
  return out
}

/** Class scores (logits) of one token sequence. */
export function recurrentLogits(p: Float64Array, l: RecurrentLayout, tokens: Int32Array): Float64Array {
  const m = new Float64Array(l.dirs.length * l.hidden)
  encode(p, l, tokens, m)
  return head(p, l, m, new Float64Array(l.classes))
}

/** Mean cross-entropy of a batch and its gradient, added into `grad`. */
export function recurrentLossAndGradient(p: Float64Array, l: RecurrentLayout, batch: Int32Array[], labels: Int32Array, grad: Float64Array): number {
  const { hidden: H, classes: K } = l
  const DH = l.dirs.length * H
  const cell = cellOf(l.cell)
  const scale = 1 / batch.length
  let loss = 0
  const m = new Float64Array(DH)
  const dm = new Float64Array(DH)
  const logits = new Float64Array(K)
  for (let b = 0; b < batch.length; b++) {
    const tokens = batch[b]!
    const T = tokens.length
    const { traces, inputs } = encode(p, l, tokens, m)
    head(p, l, m, logits)
    let max = -Infinity
    for (let c = 0; c < K; c++) if (logits[c]! > max) max = logits[c]!
    let sum = 0
    for (let c = 0; c < K; c++) sum += Math.exp(logits[c]! - max)
    const lse = max + Math.log(sum)
    const y = labels[b]!
    loss += lse - logits[y]!
    dm.fill(0)
    for (let c = 0; c < K; c++) {
      const g = (Math.exp(logits[c]! - lse) - (c === y ? 1 : 0)) * scale
      grad[l.bo + c]! += g
      const row = l.wo + c * DH
      for (let k = 0; k < DH; k++) {
        grad[row + k]! += g * m[k]!
        dm[k]! += g * p[row + k]!
      }
    }
    if (T === 0) continue
    // Mean pooling: each h_t of direction d receives dm[d·H .. d·H + H) / T.
    l.dirs.forEach((base, d) => {
      const dStep = new Float64Array(H)
      for (let k = 0; k < H; k++) dStep[k] = dm[d * H + k]! / T
      cell.backward(p, l, base, inputs[d]!, traces[d]!, dStep, grad)
    })
  }
  return loss * scale
}
