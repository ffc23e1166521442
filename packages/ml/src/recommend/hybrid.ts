import type { ModelJson, Recommender } from './types.ts'
import { expectKind, num } from './json-arrays.ts'

/**
 * Weighted hybrid (Burke 2002, "Hybrid recommender systems"): score = w·cf/max|cf| + (1 − w)·content/max|content|,
 * each scaled per user so the two scales are comparable. Items the collaborative model has never seen score 0
 * there and are ranked by content alone: the cold-start path. Cost = both models' scoreItems.
 */
export class HybridModel implements Recommender {
  readonly kind = 'hybrid'
  private readonly buf: Float64Array
  constructor(
    readonly collaborative: Recommender,
    readonly content: Recommender,
    /** Weight of the collaborative scores, in [0, 1]. */
    readonly weight = 0.7,
  ) {
    if (!(weight >= 0 && weight <= 1)) throw new Error(`HybridModel: weight must be in [0, 1], got ${weight}`)
    this.buf = new Float64Array(this.nItems)
  }
  get nUsers(): number {
    return Math.max(this.collaborative.nUsers, this.content.nUsers)
  }
  get nItems(): number {
    return Math.max(this.collaborative.nItems, this.content.nItems)
  }
  predict(u: number, i: number): number {
    const out = new Float64Array(this.nItems)
    this.scoreItems(u, out)
    return i >= 0 && i < out.length ? out[i]! : 0
  }
  scoreItems(u: number, out: Float64Array): void {
    const n = this.nItems
    const a = new Float64Array(n)
    this.collaborative.scoreItems(u, a.subarray(0, this.collaborative.nItems))
    this.content.scoreItems(u, this.buf.subarray(0, this.content.nItems))
    this.buf.fill(0, this.content.nItems)
    const sa = 1 / (maxAbs(a) || 1)
    const sb = 1 / (maxAbs(this.buf) || 1)
    for (let i = 0; i < out.length; i++) out[i] = i < n ? this.weight * a[i]! * sa + (1 - this.weight) * this.buf[i]! * sb : 0
  }
  toJSON(): ModelJson {
    return { kind: this.kind, weight: this.weight, collaborative: this.collaborative.toJSON(), content: this.content.toJSON() }
  }
  static fromJSON(j: ModelJson, decode: (m: ModelJson) => Recommender): HybridModel {
    expectKind(j, 'hybrid')
    return new HybridModel(decode(j.collaborative as ModelJson), decode(j.content as ModelJson), num(j, 'weight'))
  }
}

function maxAbs(a: Float64Array): number {
  let m = 0
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]!) > m) m = Math.abs(a[i]!)
  return m
}
