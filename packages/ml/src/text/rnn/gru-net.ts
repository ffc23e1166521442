/**
 * The GRU cell (Cho et al. 2014) of recurrent-net.ts, forward over a sequence and backpropagation through time.
 *
 * Step: z = σ(Wz x + Uz h + bz), r = σ(Wr x + Ur h + br), ĥ = tanh(Wh x + Uh (r ⊙ h) + bh),
 * h' = (1 − z) ⊙ h + z ⊙ ĥ. The cell block stacks the gates in the order z, r, ĥ (rows of W, U and b).
 * Cost per token: 3·hidden·(emb + hidden) multiply-adds forward, about twice that backward.
 */
import { backPreActivation, cellOffsets, preActivation, sigmoid, type CellTrace, type RecurrentCell, type RecurrentLayout } from './cell.ts'

/** Hidden states and gates of one sequence (T × hidden each), kept for the backward pass. */
export interface GruTrace extends CellTrace {
  z: Float64Array
  r: Float64Array
  c: Float64Array
}

function forward(p: Float64Array, l: RecurrentLayout, base: number, tokens: Int32Array): GruTrace {
  const H = l.hidden
  const o = cellOffsets(l, base)
  const T = tokens.length
  const h = new Float64Array((T + 1) * H)
  const z = new Float64Array(T * H)
  const r = new Float64Array(T * H)
  const c = new Float64Array(T * H)
  const rh = new Float64Array(H)
  for (let t = 0; t < T; t++) {
    const x = l.e + tokens[t]! * l.emb
    const hp = t * H
    for (let k = 0; k < H; k++) {
      z[hp + k] = sigmoid(preActivation(p, l, o, k, x, h, hp))
      r[hp + k] = sigmoid(preActivation(p, l, o, H + k, x, h, hp))
    }
    for (let j = 0; j < H; j++) rh[j] = r[hp + j]! * h[hp + j]!
    for (let k = 0; k < H; k++) {
      const cv = Math.tanh(preActivation(p, l, o, 2 * H + k, x, rh, 0))
      c[hp + k] = cv
      const zk = z[hp + k]!
      h[hp + H + k] = (1 - zk) * h[hp + k]! + zk * cv
    }
  }
  return { h, z, r, c }
}

function backward(p: Float64Array, l: RecurrentLayout, base: number, tokens: Int32Array, tr: GruTrace, dStep: Float64Array, grad: Float64Array): void {
  const H = l.hidden
  const o = cellOffsets(l, base)
  const dh = new Float64Array(H)
  const dhp = new Float64Array(H)
  const rh = new Float64Array(H)
  const drh = new Float64Array(H)
  const daz = new Float64Array(H)
  for (let t = tokens.length - 1; t >= 0; t--) {
    const hp = t * H
    const x = l.e + tokens[t]! * l.emb
    for (let j = 0; j < H; j++) rh[j] = tr.r[hp + j]! * tr.h[hp + j]!
    drh.fill(0)
    for (let k = 0; k < H; k++) {
      const dhk = dh[k]! + dStep[k]!
      const zk = tr.z[hp + k]!
      const ck = tr.c[hp + k]!
      dhp[k] = dhk * (1 - zk)
      daz[k] = dhk * (ck - tr.h[hp + k]!) * zk * (1 - zk)
      backPreActivation(p, grad, l, o, 2 * H + k, dhk * zk * (1 - ck * ck), x, rh, 0, drh)
    }
    for (let j = 0; j < H; j++) {
      const rj = tr.r[hp + j]!
      dhp[j]! += drh[j]! * rj
      backPreActivation(p, grad, l, o, H + j, drh[j]! * tr.h[hp + j]! * rj * (1 - rj), x, tr.h, hp, dhp)
    }
    for (let k = 0; k < H; k++) backPreActivation(p, grad, l, o, k, daz[k]!, x, tr.h, hp, dhp)
    dh.set(dhp)
  }
}

export const gruCell: RecurrentCell<GruTrace> = { forward, backward }
