import type { Interactions, ModelJson, Recommender } from './types.ts'
import { ratingScale } from './interactions.ts'
import { arr, clip, expectKind, f64, num } from './json-arrays.ts'

export interface BaselineOptions {
  /** Alternating least-squares sweeps. Default 10. */
  epochs?: number
  /** Regularisation of user biases. Default 15. */
  regUser?: number
  /** Regularisation of item biases. Default 10. */
  regItem?: number
}

/** r̂ = μ + b_u + b_i, clipped to the training scale. Unknown users/items contribute a zero bias. */
export class BaselineModel implements Recommender {
  readonly kind = 'baseline'
  constructor(
    readonly mean: number,
    readonly bu: Float64Array,
    readonly bi: Float64Array,
    readonly min: number,
    readonly max: number,
  ) {}
  get nUsers(): number {
    return this.bu.length
  }
  get nItems(): number {
    return this.bi.length
  }
  /** Unclipped μ + b_u + b_i, the b_ui that neighbourhood models correct. */
  raw(u: number, i: number): number {
    return this.mean + (u >= 0 && u < this.bu.length ? this.bu[u]! : 0) + (i >= 0 && i < this.bi.length ? this.bi[i]! : 0)
  }
  predict(u: number, i: number): number {
    return clip(this.raw(u, i), this.min, this.max)
  }
  scoreItems(u: number, out: Float64Array): void {
    for (let i = 0; i < out.length; i++) out[i] = this.predict(u, i)
  }
  toJSON(): ModelJson {
    return { kind: this.kind, mean: this.mean, min: this.min, max: this.max, bu: arr(this.bu), bi: arr(this.bi) }
  }
  static fromJSON(j: ModelJson): BaselineModel {
    expectKind(j, 'baseline')
    return new BaselineModel(num(j, 'mean'), f64(j, 'bu'), f64(j, 'bi'), num(j, 'min'), num(j, 'max'))
  }
}

/**
 * Baseline predictor (Koren 2010, "Factor in the neighbors", §2.1): user and item biases fitted by
 * alternating regularised least squares, b_u = Σ(r − μ − b_i)/(λ_u + n_u), then b_i likewise.
 * O(epochs · nnz). Defaults are Surprise's BaselineOnly ALS defaults.
 */
export function fitBaseline(data: Interactions, opts: BaselineOptions = {}): BaselineModel {
  const epochs = opts.epochs ?? 10
  const regU = opts.regUser ?? 15
  const regI = opts.regItem ?? 10
  const { mean, min, max } = ratingScale(data)
  const bu = new Float64Array(data.nUsers)
  const bi = new Float64Array(data.nItems)
  const nu = new Float64Array(data.nUsers)
  const ni = new Float64Array(data.nItems)
  for (let k = 0; k < data.users.length; k++) {
    nu[data.users[k]!]!++
    ni[data.items[k]!]!++
  }
  const sum = new Float64Array(Math.max(data.nUsers, data.nItems))
  const { users, items, values } = data
  const n = users.length
  for (let e = 0; e < epochs; e++) {
    sum.fill(0)
    for (let k = 0; k < n; k++) sum[users[k]!]! += values[k]! - mean - bi[items[k]!]!
    for (let u = 0; u < data.nUsers; u++) bu[u] = sum[u]! / (regU + nu[u]!)
    sum.fill(0)
    for (let k = 0; k < n; k++) sum[items[k]!]! += values[k]! - mean - bu[users[k]!]!
    for (let i = 0; i < data.nItems; i++) bi[i] = sum[i]! / (regI + ni[i]!)
  }
  return new BaselineModel(mean, bu, bi, min, max)
}
