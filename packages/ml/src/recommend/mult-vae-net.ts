/**
 * The network of Mult-VAE (Liang, Krishnan, Hoffman & Jebara 2018, "Variational autoencoders for
 * collaborative filtering"), on flat Float64Array parameters: a user's L2-normalised interaction vector goes
 * through one tanh layer to a Gaussian posterior q(z|x) = N(μ, diag σ²), and z is decoded to a softmax over
 * all items. The loss per user is the multinomial negative log-likelihood −Σ_i x_i log softmax(Wd z + bd)_i
 * plus β·KL(q ‖ N(0, I)); `lossAndGradient` returns its batch mean and the exact gradient (reparameterised
 * z = μ + σ ⊙ ε, with the noise ε and the input dropout passed in, so the function is deterministic and can be
 * checked against finite differences).
 *
 * Layout of the parameters: W1 [nItems × hidden], b1 [hidden], Wμ [latent × hidden], bμ [latent],
 * Wσ [latent × hidden] (log-variance), bσ [latent], Wd [nItems × latent], bd [nItems].
 */
export interface VaeShape {
  nItems: number
  hidden: number
  latent: number
}

export interface VaeLayout extends VaeShape {
  w1: number
  b1: number
  wMu: number
  bMu: number
  wLv: number
  bLv: number
  wd: number
  bd: number
  size: number
}

export function vaeLayout(s: VaeShape): VaeLayout {
  const { nItems: n, hidden: h, latent: d } = s
  const w1 = 0
  const b1 = w1 + n * h
  const wMu = b1 + h
  const bMu = wMu + d * h
  const wLv = bMu + d
  const bLv = wLv + d * h
  const wd = bLv + d
  const bd = wd + n * d
  return { ...s, w1, b1, wMu, bMu, wLv, bLv, wd, bd, size: bd + n }
}

/** One user of a batch: item ids, and the input weight of each after normalisation and dropout (0 = dropped). */
export interface VaeInput {
  items: Int32Array
  inputWeights: Float64Array
}

/** Scratch buffers sized for one layout, reused across calls. */
export interface VaeScratch {
  a1: Float64Array
  h1: Float64Array
  mu: Float64Array
  lv: Float64Array
  z: Float64Array
  logits: Float64Array
  dz: Float64Array
  dh: Float64Array
}

export function vaeScratch(l: VaeLayout): VaeScratch {
  return {
    a1: new Float64Array(l.hidden),
    h1: new Float64Array(l.hidden),
    mu: new Float64Array(l.latent),
    lv: new Float64Array(l.latent),
    z: new Float64Array(l.latent),
    logits: new Float64Array(l.nItems),
    dz: new Float64Array(l.latent),
    dh: new Float64Array(l.hidden),
  }
}

/** Encoder: a1 = W1ᵀx̃ + b1, h1 = tanh(a1), μ and log σ². O(|items|·hidden + latent·hidden). */
export function encode(p: Float64Array, l: VaeLayout, x: VaeInput, s: VaeScratch): void {
  const { hidden: h, latent: d } = l
  for (let k = 0; k < h; k++) s.a1[k] = p[l.b1 + k]!
  for (let t = 0; t < x.items.length; t++) {
    const w = x.inputWeights[t]!
    if (w === 0) continue
    const r = l.w1 + x.items[t]! * h
    for (let k = 0; k < h; k++) s.a1[k]! += w * p[r + k]!
  }
  for (let k = 0; k < h; k++) s.h1[k] = Math.tanh(s.a1[k]!)
  for (let j = 0; j < d; j++) {
    let m = p[l.bMu + j]!
    let v = p[l.bLv + j]!
    const rm = l.wMu + j * h
    const rv = l.wLv + j * h
    for (let k = 0; k < h; k++) {
      m += p[rm + k]! * s.h1[k]!
      v += p[rv + k]! * s.h1[k]!
    }
    s.mu[j] = m
    s.lv[j] = v
  }
}

/** Decoder logits Wd z + bd into s.logits. O(nItems · latent). */
export function decode(p: Float64Array, l: VaeLayout, z: Float64Array, logits: Float64Array): void {
  const d = l.latent
  for (let i = 0; i < l.nItems; i++) {
    const r = l.wd + i * d
    let v = p[l.bd + i]!
    for (let j = 0; j < d; j++) v += p[r + j]! * z[j]!
    logits[i] = v
  }
}

/**
 * Batch-mean loss and its gradient (added into `grad`, which the caller zeroes). `noise` holds latent
 * values of ε per user, row-major. O(batch · (nItems · latent + hidden · latent + |items| · hidden)).
 */
export function lossAndGradient(p: Float64Array, l: VaeLayout, batch: VaeInput[], noise: Float64Array, beta: number, grad: Float64Array, s: VaeScratch): number {
  const { hidden: h, latent: d, nItems: n } = l
  const scale = 1 / batch.length
  let total = 0
  for (let b = 0; b < batch.length; b++) {
    const x = batch[b]!
    encode(p, l, x, s)
    for (let j = 0; j < d; j++) s.z[j] = s.mu[j]! + Math.exp(0.5 * s.lv[j]!) * noise[b * d + j]!
    decode(p, l, s.z, s.logits)
    let max = -Infinity
    for (let i = 0; i < n; i++) if (s.logits[i]! > max) max = s.logits[i]!
    let sum = 0
    for (let i = 0; i < n; i++) sum += Math.exp(s.logits[i]! - max)
    const lse = max + Math.log(sum)
    const count = x.items.length
    let nll = count * lse
    for (let t = 0; t < count; t++) nll -= s.logits[x.items[t]!]!
    let kl = 0
    for (let j = 0; j < d; j++) kl += 0.5 * (Math.exp(s.lv[j]!) + s.mu[j]! ** 2 - 1 - s.lv[j]!)
    total += nll + beta * kl
    // d nll / d logit_i = count · softmax_i − x_i
    s.dz.fill(0)
    for (let i = 0; i < n; i++) {
      const g = (count * Math.exp(s.logits[i]! - lse)) * scale
      if (g === 0) continue
      const r = l.wd + i * d
      for (let j = 0; j < d; j++) {
        grad[r + j]! += g * s.z[j]!
        s.dz[j]! += g * p[r + j]!
      }
      grad[l.bd + i]! += g
    }
    for (let t = 0; t < count; t++) {
      const i = x.items[t]!
      const r = l.wd + i * d
      for (let j = 0; j < d; j++) {
        grad[r + j]! -= scale * s.z[j]!
        s.dz[j]! -= scale * p[r + j]!
      }
      grad[l.bd + i]! -= scale
    }
    // Through the reparameterisation and the KL term to μ and log σ², then to the encoder.
    s.dh.fill(0)
    for (let j = 0; j < d; j++) {
      const sigma = Math.exp(0.5 * s.lv[j]!)
      const dMu = s.dz[j]! + beta * scale * s.mu[j]!
      const dLv = s.dz[j]! * noise[b * d + j]! * 0.5 * sigma + beta * scale * 0.5 * (sigma * sigma - 1)
      grad[l.bMu + j]! += dMu
      grad[l.bLv + j]! += dLv
      const rm = l.wMu + j * h
      const rv = l.wLv + j * h
      for (let k = 0; k < h; k++) {
        grad[rm + k]! += dMu * s.h1[k]!
        grad[rv + k]! += dLv * s.h1[k]!
        s.dh[k]! += dMu * p[rm + k]! + dLv * p[rv + k]!
      }
    }
    for (let k = 0; k < h; k++) s.dh[k] = s.dh[k]! * (1 - s.h1[k]! * s.h1[k]!)
    for (let k = 0; k < h; k++) grad[l.b1 + k]! += s.dh[k]!
    for (let t = 0; t < count; t++) {
      const w = x.inputWeights[t]!
      if (w === 0) continue
      const r = l.w1 + x.items[t]! * h
      for (let k = 0; k < h; k++) grad[r + k]! += w * s.dh[k]!
    }
  }
  return total * scale
}
