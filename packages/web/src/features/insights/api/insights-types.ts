/**
 * The insights API's answers (GET /api/v1/insights/*), from the generated schema. Null or empty sections
 * mean the model behind them has not been trained yet; the pages say so instead of failing.
 */
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type Overview = Answer<'/api/v1/insights/overview', 'get'>
export type RfmAnswer = Answer<'/api/v1/insights/rfm', 'get'>
export type ClustersAnswer = Answer<'/api/v1/insights/clusters', 'get'>
export type RulesAnswer = Answer<'/api/v1/insights/rules', 'get'>
export type CohortsAnswer = Answer<'/api/v1/insights/cohorts', 'get'>
export type ClvAnswer = Answer<'/api/v1/insights/clv', 'get'>

export type Bin = ClvAnswer['histogram'][number]
export type Persona = Overview['clusters'][number]['persona']
export type ClusterCard = ClustersAnswer['clusters'][number]
export type BasketRule = RulesAnswer['rules'][number]
export type RuleSort = NonNullable<NonNullable<paths['/api/v1/insights/rules']['get']['parameters']['query']>['sort']>
