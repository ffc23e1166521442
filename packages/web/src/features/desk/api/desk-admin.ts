import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'
import { DESK_KEY } from './desk.ts'
import type { Agent, AgentState, Team } from './desk-types.ts'

/**
 * The desk's reports and its administration (routes/desk.ts on the server): business hours and service levels,
 * teams, agents' capacity and the routing rules. One function per call, and the queries the two pages use.
 */
export type DeskReport = Answer<'/api/v1/desk/reports', 'get'>
export type DeskSettings = Answer<'/api/v1/desk/settings', 'get'>
export type DeskSettingsBody = paths['/api/v1/desk/settings']['put']['requestBody']['content']['application/json']
export type RoutingRule = Answer<'/api/v1/desk/routing-rules', 'get'>['data'][number]
export type RoutingRulesBody = paths['/api/v1/desk/routing-rules']['put']['requestBody']['content']['application/json']
export type TeamBody = paths['/api/v1/desk/teams']['post']['requestBody']['content']['application/json']
export type TeamPatch = paths['/api/v1/desk/teams/{id}']['patch']['requestBody']['content']['application/json']
export type AssignmentRule = Team['assignment']
export type Weekday = keyof DeskSettingsBody['business_hours']['week']

export const ASSIGNMENT_RULES: AssignmentRule[] = ['least_open', 'round_robin', 'manual']
/** Monday first, as the week is read here; the API keys its days sun…sat. */
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
/** Why the chat assistant handed a chat to a person (the API's hand_off_reasons keys). */
export const HAND_OFF_REASONS = ['asked_for_human', 'negative_sentiment', 'low_confidence', 'weak_retrieval', 'no_articles', 'not_helpful'] as const

export const REPORTS_KEY = [...DESK_KEY, 'reports'] as const
export const SETTINGS_KEY = [...DESK_KEY, 'settings'] as const
export const ROUTING_KEY = [...DESK_KEY, 'routing-rules'] as const
export const ADMIN_TEAMS_KEY = [...DESK_KEY, 'teams'] as const
export const ADMIN_AGENTS_KEY = [...DESK_KEY, 'agents'] as const

const path = (id: number) => ({ path: { id: String(id) } })

export const getReport = (from: string, to: string) => data(api.GET('/api/v1/desk/reports', { params: { query: { from, to } } })) as Promise<DeskReport>
export const getSettings = () => data(api.GET('/api/v1/desk/settings')) as Promise<DeskSettings>
export const putSettings = (body: DeskSettingsBody) => data(api.PUT('/api/v1/desk/settings', { body })) as Promise<DeskSettings>
export const getRoutingRules = async (): Promise<RoutingRule[]> => (await data(api.GET('/api/v1/desk/routing-rules'))).data
export const putRoutingRules = async (body: RoutingRulesBody): Promise<RoutingRule[]> => (await data(api.PUT('/api/v1/desk/routing-rules', { body }))).data
export const getTeams = async (): Promise<Team[]> => (await data(api.GET('/api/v1/desk/teams'))).data
export const getAgents = async (): Promise<Agent[]> => (await data(api.GET('/api/v1/desk/agents'))).data
export const createTeam = (body: TeamBody) => data(api.POST('/api/v1/desk/teams', { body })) as Promise<Team>
export const updateTeam = (id: number, body: TeamPatch) => data(api.PATCH('/api/v1/desk/teams/{id}', { params: path(id), body })) as Promise<Team>
export const deleteTeam = async (id: number): Promise<void> => {
  await api.DELETE('/api/v1/desk/teams/{id}', { params: path(id) })
}
export const updateAgent = (id: number, body: AgentState) => data(api.PATCH('/api/v1/desk/agents/{id}', { params: path(id), body })) as Promise<Agent>

/** The report of [from, to) (ISO times); the previous range's numbers stay on screen while the next load. */
export function useDeskReport(from: string, to: string) {
  return useQuery({ queryKey: [...REPORTS_KEY, from, to], queryFn: () => getReport(from, to), placeholderData: keepPreviousData })
}

export function useDeskSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: getSettings })
}

export function useRoutingRules() {
  return useQuery({ queryKey: ROUTING_KEY, queryFn: getRoutingRules })
}

/** Teams and agents under the inbox's own keys: a change here shows in the inbox's team views and assignee names. */
export function useAdminTeams() {
  return useQuery({ queryKey: ADMIN_TEAMS_KEY, queryFn: getTeams })
}

export function useAdminAgents() {
  return useQuery({ queryKey: ADMIN_AGENTS_KEY, queryFn: getAgents })
}
