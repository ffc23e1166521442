import type { Agent, Conversation, Message, Thread } from '../api/desk-types.ts'

/** Conversations, messages and agents as the desk API answers them, for the pages' tests. */
export const conversation = (id: number, over: Partial<Conversation> = {}): Conversation => ({
  first_response_due_at: null, resolution_due_at: null, sla_state: null,
  id, external_id: `T-${id}`, customer_internal_id: 40 + id, customer_name: `客户${id}`, subject: `Where is my parcel ${id}?`, channel: 'email', status: 'open', priority: 'normal',
  opened_at: '2026-12-01T08:00:00.000Z', team_id: null, assignee_id: null, tags: [], language: 'en', intent: 'delivery_delay', intent_confidence: 0.873, intent_source: 'model',
  sentiment: 'negative', sentiment_confidence: 0.7, suggested_priority: 'normal', triage_state: 'done', triage: {}, triaged_at: '2026-12-01T08:00:01.000Z', assigned_at: null,
  first_response_at: null, solved_at: null, waiting_since: new Date(Date.now() - 3 * 3600_000).toISOString(), last_message_at: '2026-12-01T08:00:00.000Z', ...over,
}) as Conversation

export const agent = (user_id: number, name: string, over: Partial<Agent> = {}): Agent => ({ user_id, name, presence: 'away', capacity: 10, open: 1, role: 'agent', team_ids: [], ...over })

export const message = (id: number, over: Partial<Message> = {}): Message =>
  ({ id, author: 'customer', user_id: null, user_name: null, body: `Message ${id}`, delivery: null, delivery_error: null, created_at: '2026-12-01T08:00:00.000Z', ...over }) as Message

export const thread = (id: number, messages: Message[], over: Partial<Conversation> = {}): Thread => ({ ...conversation(id, over), messages })
