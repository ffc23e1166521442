import { z } from 'zod'
import { PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES } from '../../domain/entities.ts'

/** Longest message body the desk stores (characters): a long e-mail thread fits; a pasted log does not. */
export const MESSAGE_MAX_CHARS = 100_000
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const tag = z.string().trim().min(1).max(40).regex(/^[^\s,]+$/u, 'a tag is one word without spaces or commas')

/** A conversation opened at the desk (or by an integration): from a stored customer. */
export const conversationInput = z.strictObject({
  customer_internal_id: z.number().int().positive().describe("The customer's internal id"),
  subject: text(300),
  body: text(MESSAGE_MAX_CHARS).describe('The customer’s first message, as received'),
  channel: z.enum(TICKET_CHANNELS).default('web'),
  priority: z.enum(PRIORITIES).default('normal'),
  external_id: z.string().trim().min(1).max(200).optional().describe('Your id for it; generated when absent'),
})
export type ConversationInput = z.input<typeof conversationInput>

/** What an agent changes on a conversation. Absent fields stay; null clears team, assignee. */
export const conversationPatch = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  tags: z.array(tag).max(20).optional(),
  team_id: z.number().int().positive().nullable().optional(),
  assignee_id: z.number().int().positive().nullable().optional().describe('A user of this workspace who may reply (desk:reply)'),
  intent: z.string().trim().min(1).max(60).optional().describe("An agent's label: stored as a correction and used at the next intent training"),
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
})
export type ConversationPatch = z.input<typeof conversationPatch>

/**
 * A message added at the desk. agent: a reply the customer sees (the first one is the first response); note:
 * internal, never sent; customer: a message received through an integration.
 */
export const messageInput = z.strictObject({
  author: z.enum(['agent', 'note', 'customer']),
  body: text(MESSAGE_MAX_CHARS),
  status: z.enum(TICKET_STATUSES).optional().describe('Set the status with the message (e.g. reply and solve); default: pending after a reply, open after a customer message'),
})
export type MessageInput = z.input<typeof messageInput>
