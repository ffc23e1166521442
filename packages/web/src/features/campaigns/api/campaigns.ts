import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type {
  Audience, Campaign, CampaignPage, CampaignPatch, CampaignSettings, CaughtMailFull, CaughtPage, Channel, MergeField, MessagePreview, NewCampaign, Results, SuppressionPage,
} from './campaign-types.ts'

/** The campaigns API (routes/campaigns.ts on the server), one function per call, and the queries the pages use. */
export const CAMPAIGNS_KEY = ['campaigns'] as const

const path = (id: number | string) => ({ params: { path: { id: String(id) } } })

export const listCampaigns = (q: { limit: number; cursor?: string }) =>
  data(api.GET('/api/v1/campaigns/', { params: { query: { limit: String(q.limit), ...(q.cursor && { cursor: q.cursor }) } } })) as Promise<CampaignPage>

export const getCampaign = (id: string) => data(api.GET('/api/v1/campaigns/{id}', path(id))) as Promise<Campaign>
export const createCampaign = (body: NewCampaign) => data(api.POST('/api/v1/campaigns/', { body })) as Promise<Campaign>
export const updateCampaign = (id: number, body: CampaignPatch) => data(api.PATCH('/api/v1/campaigns/{id}', { ...path(id), body })) as Promise<Campaign>
export const getAudience = (id: number) => data(api.GET('/api/v1/campaigns/{id}/audience', path(id))) as Promise<Audience>
export const getResults = (id: number) => data(api.GET('/api/v1/campaigns/{id}/results', path(id))) as Promise<Results>

export const previewMessage = (id: number, body: { customer_id?: number; variant?: string; lang?: 'en' | 'zh' }) =>
  data(api.POST('/api/v1/campaigns/{id}/preview', { ...path(id), body })) as Promise<MessagePreview>

export const sendTest = (id: number, body: { to: string; variant?: string; customer_id?: number }) =>
  data(api.POST('/api/v1/campaigns/{id}/test', { ...path(id), body }))

export type CampaignAction = 'start' | 'pause' | 'resume' | 'cancel' | 'resend-uncertain'

export const runAction = (id: number, action: CampaignAction): Promise<Campaign> => {
  const p = path(id)
  switch (action) {
    case 'start':
      return data(api.POST('/api/v1/campaigns/{id}/start', p)) as Promise<Campaign>
    case 'pause':
      return data(api.POST('/api/v1/campaigns/{id}/pause', p)) as Promise<Campaign>
    case 'resume':
      return data(api.POST('/api/v1/campaigns/{id}/resume', p)) as Promise<Campaign>
    case 'cancel':
      return data(api.POST('/api/v1/campaigns/{id}/cancel', p)) as Promise<Campaign>
    case 'resend-uncertain':
      return data(api.POST('/api/v1/campaigns/{id}/resend-uncertain', p)) as Promise<Campaign>
  }
}

/** Plain links, so the browser streams the file to disk. */
export const resultsCsvUrl = (id: number): string => `/api/v1/campaigns/${id}/results.csv`

export const listOutbox = (q: { limit: number; cursor?: string; q?: string }) =>
  data(api.GET('/api/v1/campaigns/outbox', { params: { query: { limit: String(q.limit), ...(q.cursor && { cursor: q.cursor }), ...(q.q && { q: q.q }) } } })) as Promise<CaughtPage>
export const getCaughtMail = (id: string) => data(api.GET('/api/v1/campaigns/outbox/{id}', path(id))) as Promise<CaughtMailFull>

export const listSuppressions = (q: { limit: number; cursor?: string; q?: string }) =>
  data(api.GET('/api/v1/campaigns/suppressions', { params: { query: { limit: String(q.limit), ...(q.cursor && { cursor: q.cursor }), ...(q.q && { q: q.q }) } } })) as Promise<SuppressionPage>
export const addSuppression = (body: { channel: Channel; address: string }) => data(api.POST('/api/v1/campaigns/suppressions', { body }))
export const removeSuppression = (channel: Channel, address: string) =>
  data(api.DELETE('/api/v1/campaigns/suppressions/{channel}/{address}', { params: { path: { channel, address } } }))

export function useCampaign(id: string | undefined, opts: { pollWhileSending?: boolean } = {}) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'one', id],
    queryFn: () => getCampaign(id ?? ''),
    enabled: id !== undefined,
    retry: false,
    // Live progress: every 2 s while the send runs, nothing once it stops.
    refetchInterval: (q) => (opts.pollWhileSending && q.state.data?.status === 'sending' ? 2000 : false),
  })
}

export function useAudience(id: number | undefined, version: string) {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'audience', id, version], queryFn: () => getAudience(id ?? 0), enabled: id !== undefined, retry: false, placeholderData: keepPreviousData })
}

export function useMergeFields() {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'merge-fields'], queryFn: async () => (await data(api.GET('/api/v1/campaigns/merge-fields'))).data as MergeField[], staleTime: Infinity })
}

export function useCampaignSettings() {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'settings'], queryFn: () => data(api.GET('/api/v1/campaigns/settings')) as Promise<CampaignSettings>, staleTime: 60_000 })
}

export function useResults(id: number, status: string) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'results', id, status],
    queryFn: () => getResults(id),
    retry: false,
    enabled: status !== 'draft',
    refetchInterval: status === 'sending' ? 5000 : false,
  })
}

/** Campaign names by id (the newest 200), for the Outbox's campaign column. */
export function useCampaignNames() {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'names'],
    queryFn: async () => new Map((await listCampaigns({ limit: 200 })).data.map((c) => [c.id, c.name])),
    staleTime: 30_000,
  })
}

// The campaign settings page: the workspace's rules, and double opt-in's counts and confirmation requests.
// (Imported here rather than at the top so this block only appends to the file.)
import type { CampaignSettingsPatch, ConfirmationStatus, ConfirmationsQueued } from './campaign-types.ts'

/** The same key useCampaignSettings reads, so a saved answer replaces the cached one. */
export const CAMPAIGN_SETTINGS_KEY = [...CAMPAIGNS_KEY, 'settings'] as const
const CONSENT_PURPOSE = 'marketing'

export const updateCampaignSettings = (body: CampaignSettingsPatch) => data(api.PATCH('/api/v1/campaigns/settings', { body })) as Promise<CampaignSettings>

export const getConsentConfirmations = (channel: Channel) =>
  data(api.GET('/api/v1/campaigns/consent-confirmations', { params: { query: { channel, purpose: CONSENT_PURPOSE } } })) as Promise<ConfirmationStatus>

export const requestConsentConfirmations = (channel: Channel) =>
  data(api.POST('/api/v1/campaigns/consent-confirmations', { body: { channel, purpose: CONSENT_PURPOSE } })) as Promise<ConfirmationsQueued>

export const consentConfirmationsKey = (channel: Channel) => [...CAMPAIGNS_KEY, 'consent-confirmations', channel] as const

export function useConsentConfirmations(channel: Channel) {
  return useQuery({ queryKey: consentConfirmationsKey(channel), queryFn: () => getConsentConfirmations(channel), retry: false })
}
