import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

/** The service desk's shapes, as the server's OpenAPI document describes them (routes/desk.ts). */
export type ConversationPage = Answer<'/api/v1/desk/conversations', 'get'>
export type Conversation = ConversationPage['data'][number]
export type Thread = Answer<'/api/v1/desk/conversations/{id}', 'get'>
export type Message = Thread['messages'][number]
export type Counts = Answer<'/api/v1/desk/conversations/counts', 'get'>
export type Team = Answer<'/api/v1/desk/teams', 'get'>['data'][number]
export type Agent = Answer<'/api/v1/desk/agents', 'get'>['data'][number]
export type InboxQuery = NonNullable<paths['/api/v1/desk/conversations']['get']['parameters']['query']>
export type ConversationPatch = paths['/api/v1/desk/conversations/{id}']['patch']['requestBody']['content']['application/json']
export type NewMessage = paths['/api/v1/desk/conversations/{id}/messages']['post']['requestBody']['content']['application/json']
export type AgentState = paths['/api/v1/desk/agents/me']['patch']['requestBody']['content']['application/json']
/** The chat widget's settings (routes/desk-widget.ts): site key, allowed origins, greetings and answer policy. */
export type ChatWidget = Answer<'/api/v1/desk/widget', 'get'>
export type ChatWidgetPatch = paths['/api/v1/desk/widget']['patch']['requestBody']['content']['application/json']

export type View = NonNullable<InboxQuery['view']>
export type Status = Conversation['status']
export type Priority = Conversation['priority']
export type Channel = Conversation['channel']
export type Sentiment = NonNullable<Conversation['sentiment']>
export type Presence = Agent['presence']

export const STATUSES: Status[] = ['new', 'open', 'pending', 'solved', 'closed']
export const PRIORITIES: Priority[] = ['urgent', 'high', 'normal', 'low']
export const CHANNELS: Channel[] = ['email', 'phone', 'chat', 'web', 'app']
export const LANGUAGES = ['zh', 'en', 'mixed'] as const
export const SENTIMENTS: Sentiment[] = ['positive', 'neutral', 'negative']
/** The sorts the inbox offers (the API's INBOX_SORTS); longest waiting first is the default. */
export const SORTS = ['waiting_since', '-waiting_since', 'priority', '-priority', 'last_message_at', '-last_message_at', 'opened_at', '-opened_at'] as const
export const DEFAULT_SORT = 'waiting_since'
/** The intents the demo's tickets are about (server demo/ticket-types.ts): translated; any other label shows as it is. */
export const KNOWN_INTENTS = ['delivery_delay', 'refund_request', 'damaged_item', 'change_address', 'invoice', 'account_login', 'product_question'] as const

/** One factor of the suggested priority, in both languages (triage.reasons). */
export interface PriorityReason {
  factor: string
  effect: number
  en: string
  zh: string
}

/** What the triage recorded beside its labels; the API types it as an open record, so it is read defensively. */
export interface TriageDetails {
  reasons: PriorityReason[]
  topIntents: Array<{ label: string; probability: number }>
  /** Why a person has to look, as the server wrote it in English and Chinese, or null. */
  needsTriage: { en: string; zh: string | null } | null
}
