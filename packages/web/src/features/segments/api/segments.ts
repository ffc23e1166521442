import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { SegmentNode } from '../lib/tree-types.ts'
import type { MemberPage, MemberSort, Parsed, Segment, SegmentPage, SegmentPatch } from './segment-types.ts'

/** The segments API (routes/segments.ts on the server), one function per call, and the queries the pages use. */
export const SEGMENTS_KEY = ['segments'] as const

export const listSegments = (q: { limit: number; cursor?: string; q?: string; sort?: string }) =>
  data(api.GET('/api/v1/segments/', { params: { query: { limit: String(q.limit), ...(q.cursor && { cursor: q.cursor }), ...(q.q && { q: q.q }) } } })) as Promise<SegmentPage>

export const getSegment = (id: string) => data(api.GET('/api/v1/segments/{id}', { params: { path: { id } } })) as Promise<Segment>

/** The body of a new segment; its tree is the builder's (the generated body type is the same shape). */
export interface NewSegment {
  name: string
  description: string | null
  kind: 'dynamic' | 'static'
  tree: SegmentNode
  refresh_every_hours?: number | null
}

export const createSegment = (body: NewSegment) => data(api.POST('/api/v1/segments/', { body })) as Promise<Segment>

export const updateSegment = (id: number, body: SegmentPatch & { tree?: SegmentNode }) =>
  data(api.PATCH('/api/v1/segments/{id}', { params: { path: { id: String(id) } }, body })) as Promise<Segment>

export const previewSegment = (tree: SegmentNode, signal?: AbortSignal) =>
  data(api.POST('/api/v1/segments/preview', { body: { tree, sample: 20 }, ...(signal && { signal }) }))

export const parsePhrase = (text: string) => data(api.POST('/api/v1/segments/parse', { body: { text } })) as Promise<Parsed>

export const startSegmentRefresh = (id: number) => data(api.POST('/api/v1/segments/{id}/refresh', { params: { path: { id: String(id) } } }))

export const listMembers = (id: string, q: { limit: number; cursor?: string; sort: string }) =>
  data(api.GET('/api/v1/segments/{id}/members', { params: { path: { id }, query: { limit: String(q.limit), sort: q.sort as MemberSort, ...(q.cursor && { cursor: q.cursor }) } } })) as Promise<MemberPage>

export const getGrowth = (id: string, days = 90) =>
  data(api.GET('/api/v1/segments/{id}/growth', { params: { path: { id }, query: { days: String(days) } } }))

export const explainMembership = (id: string, customerId: number) =>
  data(api.GET('/api/v1/segments/{id}/why/{customerId}', { params: { path: { id, customerId: String(customerId) } } }))

export const customerSegments = (customerId: number) =>
  data(api.GET('/api/v1/customers/{id}/segments', { params: { path: { id: String(customerId) } } }))

/** A plain link, so the browser streams the file to disk. */
export const exportUrl = (id: number): string => `/api/v1/segments/${id}/export`

export function useSegment(id: string | undefined) {
  return useQuery({ queryKey: [...SEGMENTS_KEY, 'one', id], queryFn: () => getSegment(id ?? ''), enabled: id !== undefined, retry: false })
}

/** Every segment (first 200, by name) for the "member of another segment" picker and names in text. */
export function useSegmentNames() {
  return useQuery({
    queryKey: [...SEGMENTS_KEY, 'names'],
    queryFn: async () => new Map((await listSegments({ limit: 200 })).data.map((s) => [s.id, s.name])),
    staleTime: 30_000,
  })
}

export function useGrowth(id: string) {
  return useQuery({ queryKey: [...SEGMENTS_KEY, 'growth', id], queryFn: () => getGrowth(id), placeholderData: keepPreviousData })
}

export function useCustomerSegments(customerId: number) {
  return useQuery({ queryKey: [...SEGMENTS_KEY, 'customer', customerId], queryFn: () => customerSegments(customerId) })
}

/** The internal id of the customer with this external id (404 when there is none). */
export const customerIdByExternal = async (externalId: string): Promise<number> =>
  (await data(api.GET('/api/v1/customers/by-external/{externalId}', { params: { path: { externalId } } }))).id
