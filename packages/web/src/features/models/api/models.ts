import { useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type ModelsAnswer = Answer<'/api/v1/models/', 'get'>
export type ModelKindSummary = ModelsAnswer['kinds'][number]
export type ModelKindName = ModelKindSummary['kind']
export type ModelVersion = ModelsAnswer['data'][number]
export type ModelStatus = ModelVersion['status']
export type ModelDetail = Answer<'/api/v1/models/{id}', 'get'>

export const MODELS_KEY = ['models'] as const

/** The registry: every kind with its active and latest version, and the versions newest first. */
export function useModels() {
  return useQuery({
    queryKey: [...MODELS_KEY, 'list'],
    queryFn: () => data(api.GET('/api/v1/models/', { params: { query: { limit: '100' } } })),
  })
}

/** One version with its report (curves, tables, fairness, importance). */
export function useModel(id: string) {
  return useQuery({
    queryKey: [...MODELS_KEY, 'one', id],
    queryFn: () => data(api.GET('/api/v1/models/{id}', { params: { path: { id } } })),
    retry: false,
  })
}

export const startTraining = (kind: ModelKindName) => data(api.POST('/api/v1/models/{kind}/train', { params: { path: { kind } }, body: { options: {} } }))
export const startRefresh = () => data(api.POST('/api/v1/models/refresh', { body: { rescore_only: false } }))
export const startPromotion = (id: number) => data(api.POST('/api/v1/models/{id}/promote', { params: { path: { id: String(id) } } }))
