import type { Interactions, ModelJson, Recommender } from './types.ts'
import { ratingScale } from './interactions.ts'
import { expectKind, num } from './json-arrays.ts'

/** Predicts the training mean for every pair: the floor every rating model must beat. O(nnz). */
export function fitGlobalMean(data: Interactions): GlobalMeanModel {
  return new GlobalMeanModel(data.nUsers, data.nItems, ratingScale(data).mean)
}

export class GlobalMeanModel implements Recommender {
  readonly kind = 'global-mean'
  constructor(
    readonly nUsers: number,
    readonly nItems: number,
    readonly mean: number,
  ) {}
  predict(): number {
    return this.mean
  }
  scoreItems(_u: number, out: Float64Array): void {
    out.fill(this.mean)
  }
  toJSON(): ModelJson {
    return { kind: this.kind, nUsers: this.nUsers, nItems: this.nItems, mean: this.mean }
  }
  static fromJSON(j: ModelJson): GlobalMeanModel {
    expectKind(j, 'global-mean')
    return new GlobalMeanModel(num(j, 'nUsers'), num(j, 'nItems'), num(j, 'mean'))
  }
}
