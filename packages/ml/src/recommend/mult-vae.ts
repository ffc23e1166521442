import type { Interactions, ModelJson, Recommender } from './types.ts'
import type { Csr } from '../sparse/csr.ts'
import { userItemMatrix } from './interactions.ts'
import { binarise } from './ease.ts'
import { createRng, shuffleInPlace } from '../random.ts'
import { arr, expectKind, f64, i32, num } from './json-arrays.ts'
import { decode, encode, lossAndGradient, vaeLayout, vaeScratch, type VaeInput, type VaeLayout } from './mult-vae-net.ts'

export interface MultVaeOptions {
  /** Width of the encoder's tanh layer (default 200). */
  hidden?: number
  /** Dimension of z (default 64). */
  latent?: number
  /** Passes over the users (default 50). */
  epochs?: number
  /** Users per Adam step (default 100). */
  batchSize?: number
  /** Adam step size (default 1e-3, as in the paper). */
  learningRate?: number
  /** Largest KL weight β, reached linearly over `annealSteps` updates (defaults 0.2 and 2,000: the paper's). */
  betaMax?: number
  annealSteps?: number
  /** Probability of dropping an input item while training (default 0.5). */
  dropout?: number
  /** L2 weight decay added to the gradient (default 0). */
  weightDecay?: number
  seed?: number
}

/**
 * Mult-VAE^PR (Liang et al. 2018) trained with Adam on typed arrays (network in mult-vae-net.ts): input
 * dropout, KL annealing to β, batch-mean loss. Scores for a user are the decoder's softmax at z = μ(x_u).
 * Deterministic given the seed. Fit O(epochs · users · nItems · latent); memory O(nItems · (hidden + latent)).
 */
export function fitMultVae(data: Interactions, opts: MultVaeOptions = {}): MultVaeModel {
  const hidden = opts.hidden ?? 200
  const latent = opts.latent ?? 64
  const epochs = opts.epochs ?? 50
  const batchSize = opts.batchSize ?? 100
  const lr = opts.learningRate ?? 1e-3
  const betaMax = opts.betaMax ?? 0.2
  const annealSteps = opts.annealSteps ?? 2000
  const dropout = opts.dropout ?? 0.5
  const decay = opts.weightDecay ?? 0
  const rng = createRng(opts.seed ?? 0)
  const x = binarise(userItemMatrix(data))
  const l = vaeLayout({ nItems: data.nItems, hidden, latent })
  const p = initialParameters(l, rng)
  const grad = new Float64Array(l.size)
  const m1 = new Float64Array(l.size)
  const m2 = new Float64Array(l.size)
  const s = vaeScratch(l)
  const users: number[] = []
  for (let u = 0; u < x.rows; u++) if (x.indptr[u + 1]! > x.indptr[u]!) users.push(u)
  const noise = new Float64Array(batchSize * latent)
  let step = 0
  for (let e = 0; e < epochs; e++) {
    shuffleInPlace(users, rng)
    for (let b0 = 0; b0 < users.length; b0 += batchSize) {
      const batch: VaeInput[] = []
      for (let b = b0; b < Math.min(users.length, b0 + batchSize); b++) batch.push(userInput(x, users[b]!, dropout, rng))
      for (let k = 0; k < batch.length * latent; k++) noise[k] = rng.normal()
      const beta = Math.min(betaMax, (betaMax * step) / annealSteps)
      grad.fill(0)
      lossAndGradient(p, l, batch, noise, beta, grad, s)
      step++
      // Adam (Kingma & Ba 2015), bias-corrected.
      const c1 = 1 - 0.9 ** step
      const c2 = 1 - 0.999 ** step
      for (let k = 0; k < l.size; k++) {
        const g = grad[k]! + decay * p[k]!
        m1[k] = 0.9 * m1[k]! + 0.1 * g
        m2[k] = 0.999 * m2[k]! + 0.001 * g * g
        p[k]! -= (lr * (m1[k]! / c1)) / (Math.sqrt(m2[k]! / c2) + 1e-8)
      }
    }
  }
  return new MultVaeModel(x, l, p)
}

/** Xavier-normal weights (as in the paper's code), zero biases. */
function initialParameters(l: VaeLayout, rng: ReturnType<typeof createRng>): Float64Array {
  const p = new Float64Array(l.size)
  const fill = (start: number, count: number, fanIn: number, fanOut: number) => {
    const sd = Math.sqrt(2 / (fanIn + fanOut))
    for (let k = 0; k < count; k++) p[start + k] = sd * rng.normal()
  }
  fill(l.w1, l.nItems * l.hidden, l.nItems, l.hidden)
  fill(l.wMu, l.latent * l.hidden, l.hidden, l.latent)
  fill(l.wLv, l.latent * l.hidden, l.hidden, l.latent)
  fill(l.wd, l.nItems * l.latent, l.latent, l.nItems)
  return p
}

/** A user's items with weights 1/√|N(u)| (L2 normalisation), each dropped with probability `dropout`. */
export function userInput(x: Csr, u: number, dropout: number, rng?: ReturnType<typeof createRng>): VaeInput {
  const s = x.indptr[u]!
  const e = x.indptr[u + 1]!
  const items = x.indices.subarray(s, e)
  const w = e > s ? 1 / Math.sqrt(e - s) : 0
  const keep = 1 - dropout
  const inputWeights = new Float64Array(e - s)
  for (let t = 0; t < inputWeights.length; t++) inputWeights[t] = rng === undefined || dropout === 0 ? w : rng.next() < keep ? w / keep : 0
  return { items, inputWeights }
}

export class MultVaeModel implements Recommender {
  readonly kind = 'mult-vae'
  constructor(
    readonly history: Csr,
    readonly layout: VaeLayout,
    readonly params: Float64Array,
  ) {}
  get nUsers(): number {
    return this.history.rows
  }
  get nItems(): number {
    return this.history.cols
  }
  predict(u: number, i: number): number {
    const out = new Float64Array(this.nItems)
    this.scoreItems(u, out)
    return i >= 0 && i < out.length ? out[i]! : 0
  }
  scoreItems(u: number, out: Float64Array): void {
    out.fill(0)
    if (u < 0 || u >= this.history.rows || this.history.indptr[u + 1] === this.history.indptr[u]) return
    const s = vaeScratch(this.layout)
    encode(this.params, this.layout, userInput(this.history, u, 0), s)
    decode(this.params, this.layout, s.mu, s.logits)
    // Softmax probabilities: the same ranking as the logits, but on a scale blends can mix (HybridModel).
    const m = Math.min(out.length, this.nItems)
    let max = -Infinity
    for (let i = 0; i < this.nItems; i++) if (s.logits[i]! > max) max = s.logits[i]!
    let sum = 0
    for (let i = 0; i < this.nItems; i++) sum += Math.exp(s.logits[i]! - max)
    for (let i = 0; i < m; i++) out[i] = Math.exp(s.logits[i]! - max) / sum
  }
  toJSON(): ModelJson {
    const h = this.history
    const { nItems, hidden, latent } = this.layout
    return { kind: this.kind, rows: h.rows, cols: h.cols, indptr: arr(h.indptr), indices: arr(h.indices), nItems, hidden, latent, params: arr(this.params) }
  }
  static fromJSON(j: ModelJson): MultVaeModel {
    expectKind(j, 'mult-vae')
    const indices = i32(j, 'indices')
    const history: Csr = { rows: num(j, 'rows'), cols: num(j, 'cols'), indptr: i32(j, 'indptr'), indices, data: new Float64Array(indices.length).fill(1) }
    const layout = vaeLayout({ nItems: num(j, 'nItems'), hidden: num(j, 'hidden'), latent: num(j, 'latent') })
    const params = f64(j, 'params')
    if (params.length !== layout.size) throw new Error('mult-vae: parameter count does not match the layout')
    return new MultVaeModel(history, layout, params)
  }
}
