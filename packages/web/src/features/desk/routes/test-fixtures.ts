import type { Customer360 } from '../../customers/api/customer-360.ts'
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

type Order = Customer360['recent_orders'][number]
type Ticket = Customer360['tickets'][number]
type Score = Customer360['intelligence']['scores'][number]

export const order = (id: number, customer: number, over: Partial<Order> = {}): Order => ({
  id, external_id: `O-${id}`, customer_id: `C${customer}`, customer_internal_id: customer, ordered_at: '2026-11-20T10:00:00.000Z', status: 'completed', channel: 'web',
  total: 100 + id, currency: 'CNY', created_at: '2026-11-20T10:00:00.000Z', updated_at: '2026-11-20T10:00:00.000Z', items: [], ...over,
})

export const ticket = (id: number, customer: number, over: Partial<Ticket> = {}): Ticket => ({
  id, external_id: `T-${id}`, customer_id: `C${customer}`, customer_internal_id: customer, channel: 'email', subject: `Question ${id}`, body: null, status: 'solved', priority: 'normal',
  opened_at: '2026-11-01T08:00:00.000Z', updated_at: '2026-11-01T08:00:00.000Z', ...over,
})

export const score = (kind: string, over: Partial<Score> = {}): Score => ({
  kind, score: null, percentile: null, band: null, label: null, reasons: [], details: {}, model_version: { id: 9, version: 2, scored_at: '2026-12-01T02:00:00.000Z' }, ...over,
})

/** A customer's 360° view as GET /customers/:id/360 answers it: no orders, tickets, scores or consents unless given. */
export const customer360 = (id: number, over: Partial<Customer360> = {}): Customer360 => ({
  profile: {
    id, external_id: `C${id}`, name: `客户${id - 40}`, email: `c${id}@example.com`, phone: '+86 138 0000 0000', gender: null, birth_date: null, city: 'Hangzhou', region: null, country: 'CN',
    signup_at: '2025-03-14T00:00:00.000Z', tags: [], attributes: {}, created_at: '2025-03-14T00:00:00.000Z', updated_at: '2025-03-14T00:00:00.000Z',
  },
  consents: { current: [], history: [] },
  order_summary: { orders: 0, revenue_orders: 0, revenue: 0, average_order_value: null, first_order_at: null, last_order_at: null, top_categories: [] },
  recent_orders: [], recent_events: [], reviews: [], tickets: [],
  intelligence: { scores: [], recommendations: [] },
  campaigns: [],
  ...over,
})
