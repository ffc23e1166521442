import type { ModelJson, Recommender } from './types.ts'
import { BaselineModel } from './baseline.ts'
import { SvdModel } from './svd.ts'
import { KnnBaselineModel } from './knn-baseline.ts'
import { PopularityModel } from './popularity.ts'
import { ItemKnnModel } from './item-knn.ts'
import { FactorScoreModel } from './implicit-als.ts'
import { ItemWeightModel } from './ease.ts'
import { GlobalMeanModel } from './global-mean.ts'
import { ContentModel } from './content-tfidf.ts'
import { HybridModel } from './hybrid.ts'
import { BlendModel } from './blend.ts'
import { MultVaeModel } from './mult-vae.ts'

/** Rebuilds any recommender from its `toJSON()` output; predictions are identical to the original's. */
export function modelFromJson(json: ModelJson): Recommender {
  switch (json.kind) {
    case 'global-mean':
      return GlobalMeanModel.fromJSON(json)
    case 'baseline':
      return BaselineModel.fromJSON(json)
    case 'svd':
    case 'svdpp':
      return SvdModel.fromJSON(json)
    case 'knn-baseline':
      return KnnBaselineModel.fromJSON(json)
    case 'popularity':
      return PopularityModel.fromJSON(json)
    case 'item-knn':
      return ItemKnnModel.fromJSON(json)
    case 'als':
      return FactorScoreModel.fromJSON(json)
    case 'ease':
      return ItemWeightModel.fromJSON(json)
    case 'content-tfidf':
      return ContentModel.fromJSON(json)
    case 'hybrid':
      return HybridModel.fromJSON(json, modelFromJson)
    case 'blend':
      return BlendModel.fromJSON(json, modelFromJson)
    case 'mult-vae':
      return MultVaeModel.fromJSON(json)
    default:
      throw new Error(`modelFromJson: unknown model kind "${String(json.kind)}"`)
  }
}
