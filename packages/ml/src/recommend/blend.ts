import { createRng } from '../random.ts'
import type { Interactions, ModelJson, Recommender } from './types.ts'
import { ratingScale, subsetInteractions } from './interactions.ts'
import { spdInverse } from './spd-inverse.ts'
import { arr, clip, expectKind, f64, num } from './json-arrays.ts'

export interface BlendOptions {
  /** Share of the training ratings held out to learn the blend weights. Default 0.1. */
  holdout?: number
  /** Ridge penalty on the weights (ratings are on a few-point scale, so this is mild). Default 1. */
  ridge?: number
  seed?: number
}

/**
 * Linear blend of rating models (the Netflix Prize "probe blending", Töscher, Jahrer & Bell 2009): members are
 * fitted on 1 − holdout of the training data, a ridge regression r ≈ w₀ + Σ w_m r̂_m is fitted on the held-out
 * ratings, then every member is refitted on all the data and combined with those weights. Cost ≈ twice the
 * members' fits plus O(holdout · members²).
 */
export function fitBlend(data: Interactions, members: Array<(train: Interactions) => Recommender>, opts: BlendOptions = {}): BlendModel {
  const holdout = opts.holdout ?? 0.1
  const rng = createRng(opts.seed ?? 0)
  const mask = new Uint8Array(data.users.length)
  for (let k = 0; k < mask.length; k++) mask[k] = rng.next() < holdout ? 1 : 0
  const fitPart = subsetInteractions(data, mask, false)
  const probe = subsetInteractions(data, mask, true)
  const m = members.length + 1
  const ata = new Float64Array(m * m)
  const atb = new Float64Array(m)
  const models = members.map((fit) => fit(fitPart))
  const row = new Float64Array(m)
  for (let k = 0; k < probe.users.length; k++) {
    row[0] = 1
    for (let j = 0; j < models.length; j++) row[j + 1] = models[j]!.predict(probe.users[k]!, probe.items[k]!)
    for (let a = 0; a < m; a++) {
      atb[a]! += row[a]! * probe.values[k]!
      for (let b = 0; b < m; b++) ata[a * m + b]! += row[a]! * row[b]!
    }
  }
  for (let a = 1; a < m; a++) ata[a * m + a]! += opts.ridge ?? 1
  const inv = spdInverse(ata, m)
  const weights = new Float64Array(m)
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) weights[a]! += inv[a * m + b]! * atb[b]!
  const { min, max } = ratingScale(data)
  return new BlendModel(members.map((fit) => fit(data)), weights, min, max)
}

export class BlendModel implements Recommender {
  readonly kind = 'blend'
  constructor(
    readonly members: Recommender[],
    /** weights[0] is the intercept, weights[m + 1] multiplies members[m]. */
    readonly weights: Float64Array,
    readonly min: number,
    readonly max: number,
  ) {}
  get nUsers(): number {
    return Math.max(...this.members.map((m) => m.nUsers))
  }
  get nItems(): number {
    return Math.max(...this.members.map((m) => m.nItems))
  }
  predict(u: number, i: number): number {
    let s = this.weights[0]!
    for (let j = 0; j < this.members.length; j++) s += this.weights[j + 1]! * this.members[j]!.predict(u, i)
    return clip(s, this.min, this.max)
  }
  scoreItems(u: number, out: Float64Array): void {
    for (let i = 0; i < out.length; i++) out[i] = this.predict(u, i)
  }
  toJSON(): ModelJson {
    return { kind: this.kind, min: this.min, max: this.max, weights: arr(this.weights), members: this.members.map((m) => m.toJSON()) }
  }
  static fromJSON(j: ModelJson, decode: (m: ModelJson) => Recommender): BlendModel {
    expectKind(j, 'blend')
    return new BlendModel((j.members as ModelJson[]).map(decode), f64(j, 'weights'), num(j, 'min'), num(j, 'max'))
  }
}
