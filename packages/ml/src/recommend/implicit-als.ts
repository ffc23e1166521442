import { createRng } from '../random.ts'
import { csrTranspose, type Csr } from '../sparse/csr.ts'
import type { Interactions, ModelJson, Recommender } from './types.ts'
import { userItemMatrix } from './interactions.ts'
import { gaussianMatrix } from './svd.ts'
import { arr, expectKind, f64, num } from './json-arrays.ts'

export interface ImplicitAlsOptions {
  /** Latent factors. Default 32. */
  factors?: number
  /** Alternating sweeps (users, then items). Default 15. */
  iterations?: number
  /** L2 regularisation λ (it competes with Σ c_ui, so it grows with activity). Default 10. */
  reg?: number
  /** Confidence slope: c_ui = 1 + α·r_ui. Default 5 (Hu et al.'s 40 over-weights binary data, see the bench). */
  alpha?: number
  /** Conjugate-gradient steps per row, warm-started from the previous solution. Default 3. */
  cgSteps?: number
  /** Use the interaction values as r_ui (counts); false binarises them. Default false. */
  useValues?: boolean
  seed?: number
}

/**
 * Implicit-feedback ALS (Hu, Koren & Volinsky 2008): minimises Σ c_ui (p_ui − x_uᵀy_i)² + λ(‖X‖² + ‖Y‖²) with
 * p_ui = 1 on observed pairs and c_ui = 1 + α r_ui. Each row's normal equations
 * (YᵀY + Yᵀ(C_u − I)Y + λI) x_u = YᵀC_u p_u are solved approximately by a few warm-started conjugate-gradient
 * steps (Takács, Pilászy & Tikk 2011), so a sweep costs O(nnz · f · steps + (users + items) · f²).
 */
export function fitImplicitAls(data: Interactions, opts: ImplicitAlsOptions = {}): FactorScoreModel {
  const f = opts.factors ?? 32
  const iterations = opts.iterations ?? 15
  const reg = opts.reg ?? 10
  const alpha = opts.alpha ?? 5
  const steps = opts.cgSteps ?? 3
  const rng = createRng(opts.seed ?? 0)
  const ui = userItemMatrix(data, opts.useValues ? 'sum' : 'last')
  const conf = new Float64Array(ui.data.length)
  for (let k = 0; k < conf.length; k++) conf[k] = alpha * (opts.useValues ? ui.data[k]! : 1)
  const cm: Csr = { ...ui, data: conf }
  const cmT = csrTranspose(cm)
  const x = gaussianMatrix(data.nUsers, f, 0.01, rng)
  const y = gaussianMatrix(data.nItems, f, 0.01, rng)
  const scratch = { gram: new Float64Array(f * f), r: new Float64Array(f), p: new Float64Array(f), ap: new Float64Array(f) }
  for (let it = 0; it < iterations; it++) {
    sweep(cm, x, y, f, reg, steps, scratch)
    sweep(cmT, y, x, f, reg, steps, scratch)
  }
  return new FactorScoreModel('als', f, x, y)
}

interface Scratch {
  gram: Float64Array
  r: Float64Array
  p: Float64Array
  ap: Float64Array
}

/** Updates every row of `x` against fixed `y`; `c` holds α·r (so c_ui − 1 = c[k]) for the observed pairs. */
function sweep(c: Csr, x: Float64Array, y: Float64Array, f: number, reg: number, steps: number, s: Scratch): void {
  const { gram, r, p, ap } = s
  const nY = y.length / f
  gram.fill(0)
  for (let j = 0; j < nY; j++) {
    const o = j * f
    for (let a = 0; a < f; a++) {
      const va = y[o + a]!
      for (let b = 0; b < f; b++) gram[a * f + b]! += va * y[o + b]!
    }
  }
  for (let a = 0; a < f; a++) gram[a * f + a]! += reg
  for (let u = 0; u < c.rows; u++) {
    const xo = u * f
    const start = c.indptr[u]!
    const end = c.indptr[u + 1]!
    // r = b − A x with b = Σ (1 + c) y_i and A x = (YᵀY + λI) x + Σ c (y_i·x) y_i.
    for (let a = 0; a < f; a++) {
      let v = 0
      for (let b = 0; b < f; b++) v += gram[a * f + b]! * x[xo + b]!
      r[a] = -v
    }
    for (let k = start; k < end; k++) {
      const yo = c.indices[k]! * f
      const ck = c.data[k]!
      let d = 0
      for (let a = 0; a < f; a++) d += y[yo + a]! * x[xo + a]!
      const w = 1 + ck - ck * d
      for (let a = 0; a < f; a++) r[a]! += w * y[yo + a]!
    }
    let rs = 0
    for (let a = 0; a < f; a++) {
      p[a] = r[a]!
      rs += r[a]! * r[a]!
    }
    for (let step = 0; step < steps && rs > 1e-20; step++) {
      for (let a = 0; a < f; a++) {
        let v = 0
        for (let b = 0; b < f; b++) v += gram[a * f + b]! * p[b]!
        ap[a] = v
      }
      for (let k = start; k < end; k++) {
        const yo = c.indices[k]! * f
        let d = 0
        for (let a = 0; a < f; a++) d += y[yo + a]! * p[a]!
        const w = c.data[k]! * d
        for (let a = 0; a < f; a++) ap[a]! += w * y[yo + a]!
      }
      let pap = 0
      for (let a = 0; a < f; a++) pap += p[a]! * ap[a]!
      const alpha = rs / pap
      let rsNew = 0
      for (let a = 0; a < f; a++) {
        x[xo + a]! += alpha * p[a]!
        r[a]! -= alpha * ap[a]!
        rsNew += r[a]! * r[a]!
      }
      const beta = rsNew / rs
      for (let a = 0; a < f; a++) p[a] = r[a]! + beta * p[a]!
      rs = rsNew
    }
  }
}

/** Score = x_uᵀ y_i for latent user and item factors (implicit ALS). */
export class FactorScoreModel implements Recommender {
  constructor(
    readonly kind: 'als',
    readonly factors: number,
    readonly x: Float64Array,
    readonly y: Float64Array,
  ) {}
  get nUsers(): number {
    return this.x.length / this.factors
  }
  get nItems(): number {
    return this.y.length / this.factors
  }
  predict(u: number, i: number): number {
    if (u < 0 || u >= this.nUsers || i < 0 || i >= this.nItems) return 0
    const f = this.factors
    let s = 0
    for (let a = 0; a < f; a++) s += this.x[u * f + a]! * this.y[i * f + a]!
    return s
  }
  scoreItems(u: number, out: Float64Array): void {
    for (let i = 0; i < out.length; i++) out[i] = this.predict(u, i)
  }
  toJSON(): ModelJson {
    return { kind: this.kind, factors: this.factors, x: arr(this.x), y: arr(this.y) }
  }
  static fromJSON(j: ModelJson): FactorScoreModel {
    expectKind(j, 'als')
    return new FactorScoreModel('als', num(j, 'factors'), f64(j, 'x'), f64(j, 'y'))
  }
}
