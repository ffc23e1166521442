import { useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { RuleSort } from './insights-types.ts'

// Insights change when models are rescored or orders arrive: a minute of freshness is plenty.
const STALE = 60_000

export const useOverview = (months = 24) =>
  useQuery({ queryKey: ['insights', 'overview', months], queryFn: () => data(api.GET('/api/v1/insights/overview', { params: { query: { months: String(months) } } })), staleTime: STALE })

export const useRfm = () => useQuery({ queryKey: ['insights', 'rfm'], queryFn: () => data(api.GET('/api/v1/insights/rfm')), staleTime: STALE })

export const useClusters = () =>
  useQuery({ queryKey: ['insights', 'clusters'], queryFn: () => data(api.GET('/api/v1/insights/clusters')), staleTime: STALE })

export const useRules = (sort: RuleSort, limit = 50) =>
  useQuery({
    queryKey: ['insights', 'rules', sort, limit],
    queryFn: () => data(api.GET('/api/v1/insights/rules', { params: { query: { sort, limit: String(limit) } } })),
    staleTime: STALE,
  })

export const useCohorts = (months = 12) =>
  useQuery({ queryKey: ['insights', 'cohorts', months], queryFn: () => data(api.GET('/api/v1/insights/cohorts', { params: { query: { months: String(months) } } })), staleTime: STALE })

export const useClv = () => useQuery({ queryKey: ['insights', 'clv'], queryFn: () => data(api.GET('/api/v1/insights/clv')), staleTime: STALE })
