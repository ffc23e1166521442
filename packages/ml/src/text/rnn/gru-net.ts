/**
 * A recurrent text classifier on flat Float64Array parameters: token embeddings, one GRU layer (Cho et al.
 * 2014), mean pooling over the hidden states, and a softmax layer. `lossAndGradient` runs the forward pass
 * and backpropagation through time over a batch of token sequences and returns the mean cross-entropy with
 * its exact gradient (checked against finite differences in gru-net.test.ts).
 *
 * GRU step: z = σ(Wz x + Uz h + bz), r = σ(Wr x + Ur h + br), ĥ = tanh(Wh x + Uh (r ⊙ h) + bh),
 * h' = (1 − z) ⊙ h + z ⊙ ĥ. Layout: E [vocab × emb]; for g in (z, r, h): W_g [hidden × emb], U_g
 * [hidden × hidden], b_g [hidden]; Wo [classes × hidden], bo [classes].
 * Cost per token: 3·hidden·(emb + hidden) multiply-adds forward, about twice that backward.
 */
export interface GruShape {
  vocab: number
  emb: number
  hidden: number
  classes: number
}

export interface GruLayout extends GruShape {
  e: number
  w: [number, number, number]
  u: [number, number, number]
  b: [number, number, number]
  wo: number
  bo: number
  size: number
}

export function gruLayout(s: GruShape): GruLayout {
  const { vocab, emb, hidden: h, classes } = s
  let o = vocab * emb
  const w: number[] = []
  const u: number[] = []
  const b: number[] = []
  for (let g = 0; g < 3; g++) {
    w.push(o)
    o += h * emb
    u.push(o)
    o += h * h
    b.push(o)
    o += h
  }
  const wo = o
  const bo = wo + classes * h
  return { ...s, e: 0, w: w as [number, number, number], u: u as [number, number, number], b: b as [number, number, number], wo, bo, size: bo + classes }
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v))

/** Hidden states of one sequence (T × hidden, plus the gates for the backward pass). */
interface Trace {
  h: Float64Array
  z: Float64Array
  r: Float64Array
  c: Float64Array
}

function forward(p: Float64Array, l: GruLayout, tokens: Int32Array): Trace {
  const { emb, hidden: H } = l
  const T = tokens.length
  const h = new Float64Array((T + 1) * H) // row 0 is the initial state (zeros)
  const z = new Float64Array(T * H)
  const r = new Float64Array(T * H)
  const c = new Float64Array(T * H)
  const rh = new Float64Array(H)
  for (let t = 0; t < T; t++) {
    const x = l.e + tokens[t]! * emb
    const hp = t * H
    for (let k = 0; k < H; k++) {
      let az = p[l.b[0] + k]!
      let ar = p[l.b[1] + k]!
      const wz = l.w[0] + k * emb
      const wr = l.w[1] + k * emb
      for (let j = 0; j < emb; j++) {
        az += p[wz + j]! * p[x + j]!
        ar += p[wr + j]! * p[x + j]!
      }
      const uz = l.u[0] + k * H
      const ur = l.u[1] + k * H
      for (let j = 0; j < H; j++) {
        az += p[uz + j]! * h[hp + j]!
        ar += p[ur + j]! * h[hp + j]!
      }
      z[t * H + k] = sigmoid(az)
      r[t * H + k] = sigmoid(ar)
    }
    for (let j = 0; j < H; j++) rh[j] = r[t * H + j]! * h[hp + j]!
    for (let k = 0; k < H; k++) {
      let ac = p[l.b[2] + k]!
      const wc = l.w[2] + k * emb
      for (let j = 0; j < emb; j++) ac += p[wc + j]! * p[x + j]!
      const uc = l.u[2] + k * H
      for (let j = 0; j < H; j++) ac += p[uc + j]! * rh[j]!
      const cv = Math.tanh(ac)
      c[t * H + k] = cv
      const zk = z[t * H + k]!
      h[hp + H + k] = (1 - zk) * h[hp + k]! + zk * cv
    }
  }
  return { h, z, r, c }
}

/** Mean of the hidden states h_1..h_T (zeros for an empty sequence). */
function pool(trace: Trace, T: number, H: number, out: Float64Array): void {
  out.fill(0)
  for (let t = 1; t <= T; t++) for (let k = 0; k < H; k++) out[k]! += trace.h[t * H + k]! / T
}

/** Class scores (logits) of one token sequence. */
export function gruLogits(p: Float64Array, l: GruLayout, tokens: Int32Array): Float64Array {
  const H = l.hidden
  const m = new Float64Array(H)
  if (tokens.length > 0) pool(forward(p, l, tokens), tokens.length, H, m)
  const out = new Float64Array(l.classes)
  for (let c = 0; c < l.classes; c++) {
    let v = p[l.bo + c]!
    for (let k = 0; k < H; k++) v += p[l.wo + c * H + k]! * m[k]!
    out[c] = v
  }
  return out
}

/** Mean cross-entropy of a batch and its gradient, added into `grad`. */
export function gruLossAndGradient(p: Float64Array, l: GruLayout, batch: Int32Array[], labels: Int32Array, grad: Float64Array): number {
  const { emb, hidden: H, classes: K } = l
  const scale = 1 / batch.length
  let loss = 0
  const m = new Float64Array(H)
  const dm = new Float64Array(H)
  const dh = new Float64Array(H)
  const dhp = new Float64Array(H)
  const drh = new Float64Array(H)
  const daz = new Float64Array(H)
  const dar = new Float64Array(H)
  const dac = new Float64Array(H)
  for (let b = 0; b < batch.length; b++) {
    const tokens = batch[b]!
    const T = tokens.length
    const trace = T > 0 ? forward(p, l, tokens) : undefined
    if (trace) pool(trace, T, H, m)
    else m.fill(0)
    const logits = new Float64Array(K)
    let max = -Infinity
    for (let c = 0; c < K; c++) {
      let v = p[l.bo + c]!
      for (let k = 0; k < H; k++) v += p[l.wo + c * H + k]! * m[k]!
      logits[c] = v
      if (v > max) max = v
    }
    let sum = 0
    for (let c = 0; c < K; c++) sum += Math.exp(logits[c]! - max)
    const lse = max + Math.log(sum)
    const y = labels[b]!
    loss += lse - logits[y]!
    dm.fill(0)
    for (let c = 0; c < K; c++) {
      const g = (Math.exp(logits[c]! - lse) - (c === y ? 1 : 0)) * scale
      grad[l.bo + c]! += g
      for (let k = 0; k < H; k++) {
        grad[l.wo + c * H + k]! += g * m[k]!
        dm[k]! += g * p[l.wo + c * H + k]!
      }
    }
    if (!trace) continue
    // Backpropagation through time: each h_t gets dm/T from the pooling plus what flows back from h_{t+1}.
    dh.fill(0)
    for (let t = T - 1; t >= 0; t--) {
      const hp = t * H
      const x = l.e + tokens[t]! * emb
      for (let k = 0; k < H; k++) dh[k]! += dm[k]! / T
      for (let k = 0; k < H; k++) {
        const zk = trace.z[hp + k]!
        const ck = trace.c[hp + k]!
        dhp[k] = dh[k]! * (1 - zk)
        dac[k] = dh[k]! * zk * (1 - ck * ck)
        daz[k] = dh[k]! * (ck - trace.h[hp + k]!) * zk * (1 - zk)
      }
      drh.fill(0)
      for (let k = 0; k < H; k++) {
        const g = dac[k]!
        const uc = l.u[2] + k * H
        for (let j = 0; j < H; j++) {
          const rhj = trace.r[hp + j]! * trace.h[hp + j]!
          grad[uc + j]! += g * rhj
          drh[j]! += g * p[uc + j]!
        }
      }
      for (let j = 0; j < H; j++) {
        const rj = trace.r[hp + j]!
        dhp[j]! += drh[j]! * rj
        dar[j] = drh[j]! * trace.h[hp + j]! * rj * (1 - rj)
      }
      for (let g = 0; g < 3; g++) {
        const da = g === 0 ? daz : g === 1 ? dar : dac
        for (let k = 0; k < H; k++) {
          const v = da[k]!
          if (v === 0) continue
          grad[l.b[g]! + k]! += v
          const w = l.w[g]! + k * emb
          for (let j = 0; j < emb; j++) {
            grad[w + j]! += v * p[x + j]!
            grad[x + j]! += v * p[w + j]!
          }
          if (g === 2) continue // U_h acts on r ⊙ h, handled above
          const u = l.u[g]! + k * H
          for (let j = 0; j < H; j++) {
            grad[u + j]! += v * trace.h[hp + j]!
            dhp[j]! += v * p[u + j]!
          }
        }
      }
      dh.set(dhp)
    }
  }
  return loss * scale
}
