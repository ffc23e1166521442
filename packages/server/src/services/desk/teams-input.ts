import { z } from 'zod'
import { TICKET_CHANNELS } from '../../domain/entities.ts'

export const ASSIGNMENT_RULES = ['least_open', 'round_robin', 'manual'] as const

export const teamInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  assignment: z.enum(ASSIGNMENT_RULES).default('least_open'),
  member_ids: z.array(z.number().int().positive()).max(500).default([]).describe('Users of this workspace who may reply'),
})
export type TeamInput = z.input<typeof teamInput>

export const teamPatch = teamInput.partial()
export type TeamPatch = z.input<typeof teamPatch>

export const agentStateInput = z.strictObject({
  presence: z.enum(['online', 'away']).optional(),
  capacity: z.number().int().min(0).max(1000).optional().describe('Most unfinished conversations given to this agent at once'),
})
export type AgentStateInput = z.input<typeof agentStateInput>

const list = (max: number, item: z.ZodType<string>) => z.array(item).max(max).default([])

/** One routing rule: every non-empty condition must hold; the first matching rule picks the team. */
export const routingRuleInput = z.strictObject({
  intents: list(50, z.string().trim().min(1).max(60)).describe('Any of these intents (empty: any intent)'),
  languages: list(5, z.enum(['zh', 'en', 'mixed'])),
  channels: list(TICKET_CHANNELS.length, z.enum(TICKET_CHANNELS)),
  vip_only: z.boolean().default(false).describe('Only customers in the top fifth by lifetime value'),
  team_id: z.number().int().positive(),
})
export const routingRulesInput = z.strictObject({ rules: z.array(routingRuleInput).max(100) })
export type RoutingRulesInput = z.input<typeof routingRulesInput>
export type RoutingRule = z.output<typeof routingRuleInput>
