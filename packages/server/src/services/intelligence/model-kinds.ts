import { invalid } from '../../errors/rapport-error.ts'
import { churnModel } from './kinds/churn.ts'
import { clvModel } from './kinds/clv.ts'
import { recommendModel } from './kinds/recommend.ts'
import { basketRulesModel } from './kinds/basket-rules.ts'
import { rfmModel } from './kinds/rfm.ts'
import { clustersModel } from './kinds/clusters.ts'
import { nextCategoryModel } from './kinds/next-category.ts'
import { sentimentModel } from './kinds/sentiment.ts'
import { anomalyModel } from './kinds/anomaly.ts'
import { upliftModel } from './kinds/uplift.ts'
import { ticketIntentModel } from './kinds/ticket-intent.ts'
import { MODEL_KIND_NAMES, type ModelKind, type ModelKindName } from './model-kind.ts'

/** Every model kind the platform trains, in the order a full refresh runs them (one line per kind). */
export const MODEL_KINDS: readonly ModelKind[] = [
  churnModel,
  clvModel,
  recommendModel,
  basketRulesModel,
  rfmModel,
  clustersModel,
  nextCategoryModel,
  sentimentModel,
  anomalyModel,
  upliftModel,
  ticketIntentModel,
]

const byName = new Map<string, ModelKind>(MODEL_KINDS.map((k) => [k.name, k]))

export const implementedKinds = (): ModelKindName[] => MODEL_KINDS.map((k) => k.name)

/** The kinds a refresh of "every model" trains: all but those trained only on request (uplift, from finished campaigns). */
export const refreshedKinds = (): ModelKindName[] => MODEL_KINDS.filter((k) => k.inFullRefresh !== false).map((k) => k.name)

/** The kind called `name`, or a validation error listing the kinds there are. */
export function modelKind(name: string): ModelKind {
  const kind = byName.get(name)
  if (kind) return kind
  const known = implementedKinds().join(', ')
  const planned = (MODEL_KIND_NAMES as readonly string[]).includes(name) ? ` ("${name}" is not available in this build)` : ''
  throw invalid([{ path: 'kind', message: `must be one of ${known}${planned}` }], `unknown model kind "${name}"; expected one of ${known}`)
}
