import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { Agent, AgentState, ChatWidget, ChatWidgetPatch, Conversation, ConversationPage, ConversationPatch, Counts, InboxQuery, NewMessage, Team, Thread } from './desk-types.ts'

/** The service desk API (routes/desk.ts on the server), one function per call, and the queries the pages use. */
export const DESK_KEY = ['desk'] as const
export const INBOX_KEY = [...DESK_KEY, 'inbox'] as const
export const COUNTS_KEY = [...DESK_KEY, 'counts'] as const
export const AGENTS_KEY = [...DESK_KEY, 'agents'] as const
export const TEAMS_KEY = [...DESK_KEY, 'teams'] as const
export const WIDGET_KEY = [...DESK_KEY, 'widget'] as const
export const conversationKey = (id: string | number) => [...DESK_KEY, 'one', String(id)] as const

const path = (id: number | string) => ({ path: { id: String(id) } })

export type InboxFilters = Omit<InboxQuery, 'limit' | 'sort' | 'cursor'>
export type InboxParams = InboxFilters & { sort: string; limit: number; cursor?: string }

export const listInbox = (q: InboxParams) =>
  data(api.GET('/api/v1/desk/conversations', { params: { query: { ...q, sort: q.sort as InboxQuery['sort'], limit: String(q.limit) } } })) as Promise<ConversationPage>
export const getCounts = () => data(api.GET('/api/v1/desk/conversations/counts')) as Promise<Counts>
export const getConversation = (id: string) => data(api.GET('/api/v1/desk/conversations/{id}', { params: path(id) })) as Promise<Thread>
export const updateConversation = (id: number, body: ConversationPatch) =>
  data(api.PATCH('/api/v1/desk/conversations/{id}', { params: path(id), body })) as Promise<Conversation>
export const addMessage = (id: number, body: NewMessage) => data(api.POST('/api/v1/desk/conversations/{id}/messages', { params: path(id), body })) as Promise<Thread>
export const listTeams = async (): Promise<Team[]> => (await data(api.GET('/api/v1/desk/teams'))).data
export const listAgents = async (): Promise<Agent[]> => (await data(api.GET('/api/v1/desk/agents'))).data
export const setMyState = (body: AgentState) => data(api.PATCH('/api/v1/desk/agents/me', { body })) as Promise<Agent>
export const getChatWidget = () => data(api.GET('/api/v1/desk/widget')) as Promise<ChatWidget>
export const updateChatWidget = (body: ChatWidgetPatch) => data(api.PATCH('/api/v1/desk/widget', { body })) as Promise<ChatWidget>
export const rotateSiteKey = () => data(api.POST('/api/v1/desk/widget/rotate-key')) as Promise<ChatWidget>

/** The next waiting conversation, or null when none is (204). At capacity the server refuses with 409 (thrown). */
export async function claimNext(teamId?: number): Promise<Conversation | null> {
  const r = await api.POST('/api/v1/desk/conversations/claim', { body: teamId === undefined ? {} : { team_id: teamId } })
  return r.response.status === 204 ? null : (r.data as Conversation)
}

export function useCounts() {
  return useQuery({ queryKey: COUNTS_KEY, queryFn: getCounts, placeholderData: keepPreviousData })
}

export function useTeams() {
  return useQuery({ queryKey: TEAMS_KEY, queryFn: listTeams, staleTime: 60_000 })
}

/** People who may reply: names for assignees, and the signed-in agent's own presence. */
export function useAgents() {
  return useQuery({ queryKey: AGENTS_KEY, queryFn: listAgents, staleTime: 30_000 })
}

export function useConversation(id: string | undefined) {
  // Asked again every few seconds while the triage has not run yet (it runs in the background after the conversation opens).
  return useQuery({
    queryKey: conversationKey(id ?? ''), queryFn: () => getConversation(id ?? ''), enabled: id !== undefined, retry: false,
    refetchInterval: (q) => (q.state.data?.triage_state === 'pending' ? 3000 : false),
  })
}

/** The chat widget's settings; the page keeps its own copy of what is being edited. */
export function useChatWidget() {
  return useQuery({ queryKey: WIDGET_KEY, queryFn: getChatWidget })
}
