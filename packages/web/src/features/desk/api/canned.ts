import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

/**
 * Canned responses ("saved replies", routes/desk-canned.ts on the server): saved Liquid templates an agent puts in
 * the reply box, filled in for the conversation by the server (the render call), one function per call.
 */
export type CannedPage = Answer<'/api/v1/desk/canned', 'get'>
export type Canned = CannedPage['data'][number]
export type CannedLang = Canned['lang']
export type CannedQuery = NonNullable<paths['/api/v1/desk/canned']['get']['parameters']['query']>
export type NewCanned = paths['/api/v1/desk/canned']['post']['requestBody']['content']['application/json']
export type CannedPatch = paths['/api/v1/desk/canned/{id}']['patch']['requestBody']['content']['application/json']
export type RenderedCanned = Answer<'/api/v1/desk/conversations/{id}/canned/{cannedId}/render', 'post'>
export type MergeField = RenderedCanned['missing'][number]

export const CANNED_LANGS: CannedLang[] = ['en', 'zh']

/** The server's MERGE_FIELDS (services/desk/canned/merge-fields.ts), in its order: the only variables a body may use. */
export const MERGE_FIELDS: readonly MergeField[] = [
  'customer.name', 'customer.first_name', 'customer.email', 'agent.name', 'conversation.id', 'conversation.subject', 'workspace.name',
]

/** The server's SHORTCUT_PATTERN: "/" and 1–39 lowercase letters, digits, "-" or "_". */
export const SHORTCUT_PATTERN = /^\/[a-z0-9_-]{1,39}$/
export const CANNED_LIMITS = { title: 120, body: 10_000, shortcut: 40, q: 200 } as const

export const CANNED_KEY = ['desk', 'canned'] as const
export const CANNED_LIST_KEY = [...CANNED_KEY, 'list'] as const

export type CannedListParams = Omit<CannedQuery, 'limit' | 'sort'> & { limit: number; sort: string; cursor?: string }

export const listCanned = (q: CannedListParams) =>
  data(api.GET('/api/v1/desk/canned', { params: { query: { ...q, limit: String(q.limit), sort: q.sort as CannedQuery['sort'] } } })) as Promise<CannedPage>
export const createCanned = (body: NewCanned) => data(api.POST('/api/v1/desk/canned', { body })) as Promise<Canned>
export const updateCanned = (id: number, body: CannedPatch) => data(api.PATCH('/api/v1/desk/canned/{id}', { params: { path: { id: String(id) } }, body })) as Promise<Canned>
export const deleteCanned = async (id: number): Promise<void> => {
  await api.DELETE('/api/v1/desk/canned/{id}', { params: { path: { id: String(id) } } })
}
/** The response filled in for one conversation; nothing is sent or stored. */
export const renderCanned = (conversationId: number, cannedId: number) =>
  data(api.POST('/api/v1/desk/conversations/{id}/canned/{cannedId}/render', { params: { path: { id: String(conversationId), cannedId: String(cannedId) } } })) as Promise<RenderedCanned>

/** The conversation's language when it is one responses are written in; otherwise (mixed, unknown) none. */
export function cannedLangOf(language: string | null | undefined): CannedLang | undefined {
  return language === 'en' || language === 'zh' ? language : undefined
}

/** The picker's list: asked only while the picker is open, by title, filtered by language and text. */
export function useCannedChoices(opts: { enabled: boolean; lang: CannedLang | undefined; q: string }) {
  const q = opts.q.trim()
  const params: CannedListParams = { limit: 50, sort: 'title', ...(opts.lang && { lang: opts.lang }), ...(q !== '' && { q }) }
  return useQuery({ queryKey: [...CANNED_KEY, 'choices', params], queryFn: () => listCanned(params), enabled: opts.enabled, placeholderData: keepPreviousData, staleTime: 30_000 })
}

/**
 * Responses whose shortcut starts with what the agent typed (`/ref` offers `/refund`), in any language: a shortcut is
 * unique in the workspace, so typing it means that one. Asked only while a shortcut is being typed.
 */
export function useShortcutMatches(prefix: string | null) {
  const query = useQuery({
    queryKey: [...CANNED_KEY, 'shortcut', prefix],
    queryFn: () => listCanned({ limit: 20, sort: 'shortcut', q: prefix ?? '' }),
    enabled: prefix !== null,
    staleTime: 30_000,
  })
  const matches = prefix === null ? [] : (query.data?.data ?? []).filter((c) => c.shortcut?.startsWith(prefix) === true)
  return { ...query, matches }
}
