import type { Interactions, ModelJson, Recommender } from './types.ts'
import { arr, expectKind, f64 } from './json-arrays.ts'

/** Scores every item by how many distinct training interactions it has; the same list for every user. O(nnz). */
export function fitPopularity(data: Interactions): PopularityModel {
  const counts = new Float64Array(data.nItems)
  for (let k = 0; k < data.items.length; k++) counts[data.items[k]!]!++
  return new PopularityModel(data.nUsers, counts)
}

export class PopularityModel implements Recommender {
  readonly kind = 'popularity'
  constructor(
    readonly nUsers: number,
    readonly counts: Float64Array,
  ) {}
  get nItems(): number {
    return this.counts.length
  }
  predict(_u: number, i: number): number {
    return i >= 0 && i < this.counts.length ? this.counts[i]! : 0
  }
  scoreItems(_u: number, out: Float64Array): void {
    for (let i = 0; i < out.length; i++) out[i] = i < this.counts.length ? this.counts[i]! : 0
  }
  toJSON(): ModelJson {
    return { kind: this.kind, nUsers: this.nUsers, counts: arr(this.counts) }
  }
  static fromJSON(j: ModelJson): PopularityModel {
    expectKind(j, 'popularity')
    return new PopularityModel(Number(j.nUsers), f64(j, 'counts'))
  }
}
