import { gemmAbt } from './gemm-abt.ts'

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
  const n = l.nItems
  const wd = l.wd
  const bd = l.bd
  for (let i = 0; i < n; i++) {
    const r = wd + i * d
    let v0 = p[bd + i]!
    let v1 = 0
    let j = 0
    for (; j + 1 < d; j += 2) {
      v0 += p[r + j]! * z[j]!
      v1 += p[r + j + 1]! * z[j + 1]!
    }
    for (; j < d; j++) v0 += p[r + j]! * z[j]!
    logits[i] = v0 + v1
  }
}

/**
 * Batch-mean loss and its gradient (added into `grad`, which the caller zeroes). `noise` holds latent
 * values of ε per user, row-major. The decoder runs batched through gemmAbt: logits = Z·Wdᵀ, then
 * ∂Wd = Gᵀ·Z and ∂Z = G·Wd with G the softmax gradient. O(batch · (nItems · latent + hidden · latent +
 * |items| · hidden)).
 */
export function lossAndGradient(p: Float64Array, l: VaeLayout, batch: VaeInput[], noise: Float64Array, beta: number, grad: Float64Array, s: VaeScratch): number {
  const { hidden: h, latent: d, nItems: n } = l
  const nb = batch.length
  const scale = 1 / nb
  const zs = new Float64Array(nb * d)
  const mus = new Float64Array(nb * d)
  const lvs = new Float64Array(nb * d)
  const h1s = new Float64Array(nb * h)
  for (let b = 0; b < nb; b++) {
    encode(p, l, batch[b]!, s)
    for (let j = 0; j < d; j++) zs[b * d + j] = s.mu[j]! + Math.exp(0.5 * s.lv[j]!) * noise[b * d + j]!
    mus.set(s.mu, b * d)
    lvs.set(s.lv, b * d)
    h1s.set(s.h1, b * h)
  }
  // logits (batch × nItems) = Z · Wdᵀ + bd
  const g = new Float64Array(nb * n)
  for (let b = 0; b < nb; b++) g.set(p.subarray(l.bd, l.bd + n), b * n)
  gemmAbt(nb, n, d, 1, zs, 0, p, l.wd, g, 0)
  let total = 0
  for (let b = 0; b < nb; b++) {
    const x = batch[b]!
    const row = b * n
    let max = -Infinity
    for (let i = 0; i < n; i++) if (g[row + i]! > max) max = g[row + i]!
    let sum = 0
    for (let i = 0; i < n; i++) sum += Math.exp(g[row + i]! - max)
    const lse = max + Math.log(sum)
    const count = x.items.length
    let nll = count * lse
    for (let t = 0; t < count; t++) nll -= g[row + x.items[t]!]!
    let kl = 0
    for (let j = 0; j < d; j++) kl += 0.5 * (Math.exp(lvs[b * d + j]!) + mus[b * d + j]! ** 2 - 1 - lvs[b * d + j]!)
    total += nll + beta * kl
    // ∂nll/∂logit_i = count · softmax_i − x_i, scaled to the batch mean.
    for (let i = 0; i < n; i++) g[row + i] = count * Math.exp(g[row + i]! - lse) * scale
    for (let t = 0; t < count; t++) g[row + x.items[t]!]! -= scale
  }
  // ∂bd = Σ_b G_b; ∂Wd = Gᵀ·Z; ∂Z = G·Wd (with Gᵀ, Zᵀ and Wdᵀ laid out for row-contiguous dot products).
  const gt = new Float64Array(n * nb)
  for (let b = 0; b < nb; b++) for (let i = 0; i < n; i++) gt[i * nb + b] = g[b * n + i]!
  for (let i = 0; i < n; i++) {
    let acc = 0
    for (let b = 0; b < nb; b++) acc += gt[i * nb + b]!
    grad[l.bd + i]! += acc
  }
  const zt = new Float64Array(d * nb)
  for (let b = 0; b < nb; b++) for (let j = 0; j < d; j++) zt[j * nb + b] = zs[b * d + j]!
  gemmAbt(n, d, nb, 1, gt, 0, zt, 0, grad, l.wd)
  const wdt = new Float64Array(d * n)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) wdt[j * n + i] = p[l.wd + i * d + j]!
  const dzs = new Float64Array(nb * d)
  gemmAbt(nb, d, n, 1, g, 0, wdt, 0, dzs, 0)
  // Through the reparameterisation and the KL term to μ and log σ², then to the encoder.
  for (let b = 0; b < nb; b++) {
    const x = batch[b]!
    s.dh.fill(0)
    for (let j = 0; j < d; j++) {
      const lv = lvs[b * d + j]!
      const sigma = Math.exp(0.5 * lv)
      const dMu = dzs[b * d + j]! + beta * scale * mus[b * d + j]!
      const dLv = dzs[b * d + j]! * noise[b * d + j]! * 0.5 * sigma + beta * scale * 0.5 * (sigma * sigma - 1)
      grad[l.bMu + j]! += dMu
      grad[l.bLv + j]! += dLv
      const rm = l.wMu + j * h
      const rv = l.wLv + j * h
      for (let k = 0; k < h; k++) {
        const hk = h1s[b * h + k]!
        grad[rm + k]! += dMu * hk
        grad[rv + k]! += dLv * hk
        s.dh[k]! += dMu * p[rm + k]! + dLv * p[rv + k]!
      }
    }
    for (let k = 0; k < h; k++) {
      const hk = h1s[b * h + k]!
      s.dh[k] = s.dh[k]! * (1 - hk * hk)
      grad[l.b1 + k]! += s.dh[k]!
    }
    for (let t = 0; t < x.items.length; t++) {
      const w = x.inputWeights[t]!
      if (w === 0) continue
      const r = l.w1 + x.items[t]! * h
      for (let k = 0; k < h; k++) grad[r + k]! += w * s.dh[k]!
    }
  }
  return total * scale
}
