import { z } from 'zod'
import type { Queue } from '../../adapters/queue/index.ts'
import { invalid } from '../../errors/rapport-error.ts'
import { PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES } from '../../domain/entities.ts'
import { claimNext } from '../../services/desk/assignment.ts'
import { conversationInput, conversationPatch, messageInput } from '../../services/desk/conversation-input.ts'
import { addMessage, createConversation, getConversation, updateConversation } from '../../services/desk/conversations-service.ts'
import { INBOX_SORTS, INBOX_VIEWS, inboxCounts, listInbox } from '../../services/desk/inbox.ts'
import { queueTriage } from '../../services/desk/queue-triage.ts'
import { replySuggestions } from '../../services/desk/reply-suggestions.ts'
import { getDeskSettings, setDeskSettings } from '../../services/desk/desk-settings.ts'
import { deskReport } from '../../services/desk/desk-reports.ts'
import { deskSettingsInput } from '../../services/desk/desk-settings-input.ts'
import { agentStateInput, ASSIGNMENT_RULES, routingRulesInput, teamInput, teamPatch } from '../../services/desk/teams-input.ts'
import { createTeam, deleteTeam, getRoutingRules, listAgents, listTeams, replaceRoutingRules, setAgentState, updateTeam } from '../../services/desk/teams-service.ts'
import type { Db } from '../../store/db.ts'
import { decimalId, decimalInt, errors, timeParam, idParams, listParams, pageOf, rowsAs, safeText, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

const time = z.string().nullable()
const conversationOut = z.object({
  id: z.number().int().describe("The ticket's internal id"),
  external_id: z.string(),
  customer_internal_id: z.number().int(),
  customer_name: z.string().nullable(),
  subject: z.string(),
  channel: z.enum(TICKET_CHANNELS),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(PRIORITIES),
  opened_at: z.string(),
  team_id: z.number().int().nullable(),
  assignee_id: z.number().int().nullable(),
  tags: z.array(z.string()),
  language: z.string().nullable().describe('zh, en or mixed, from the text'),
  intent: z.string().nullable().describe('Null when the intent model was not sure (the conversation then needs triage)'),
  intent_confidence: z.number().nullable(),
  intent_source: z.enum(['model', 'agent']).nullable(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).nullable(),
  sentiment_confidence: z.number().nullable(),
  suggested_priority: z.enum(PRIORITIES).nullable(),
  triage_state: z.enum(['pending', 'done', 'needs_triage', 'skipped']),
  triage: z.record(z.string(), z.unknown()).describe('reasons (each with factor, effect, en, zh), top_intents, needs_triage and needs_triage_zh (why a person has to look), the model versions, decide_ms and assign_ms'),
  triaged_at: time,
  assigned_at: time,
  first_response_at: time,
  solved_at: time,
  waiting_since: time.describe("The customer's oldest unanswered message"),
  last_message_at: z.string(),
  first_response_due_at: time.describe('Service-level deadline of the first reply (business time from opened_at)'),
  resolution_due_at: time.describe('Service-level deadline of solving it'),
  sla_state: z.enum(['ok', 'warning', 'breached']).nullable().describe('Unfinished conversations: a deadline passed (breached) or is within the warning time'),
})
const messageOut = z.object({
  id: z.number().int(),
  author: z.enum(['customer', 'agent', 'note', 'assistant', 'system']),
  user_id: z.number().int().nullable(),
  user_name: z.string().nullable(),
  body: z.string().describe('As received: sanitise HTML before showing it'),
  delivery: z.enum(['queued', 'sent', 'failed']).nullable().describe('E-mail replies: how the message left'),
  delivery_error: z.string().nullable(),
  created_at: z.string(),
})
const threadOut = conversationOut.extend({ messages: z.array(messageOut) })
const countsOut = z.object({
  all: z.number().int(), mine: z.number().int(), unassigned: z.number().int(), needs_triage: z.number().int(), breaching: z.number().int(),
  teams: z.record(z.string(), z.number().int()).describe('Unfinished conversations per team id (teams with none are absent)'),
})
const settingsOut = deskSettingsInput.extend({ time_zone: z.string().describe("The workspace's time zone (PATCH /workspaces/current/time-zone)"), default: z.boolean().describe('True until someone saved settings') })
const memberOut = z.object({ user_id: z.number().int(), name: z.string(), presence: z.enum(['online', 'away']), capacity: z.number().int(), open: z.number().int() })
const teamOut = z.object({ id: z.number().int(), name: z.string(), assignment: z.enum(ASSIGNMENT_RULES), members: z.array(memberOut) })
const agentOut = memberOut.extend({ role: z.string(), team_ids: z.array(z.number().int()) })
const ruleOut = z.object({
  id: z.number().int(), intents: z.array(z.string()), languages: z.array(z.string()), channels: z.array(z.string()), vip_only: z.boolean(), team_id: z.number().int(),
})
const jobOut = z.object({ job_id: z.string() })
const minutes = z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() })
const attainment = z.object({ due: z.number().int(), met: z.number().int(), share: z.number().nullable() })
const reportOut = z.object({
  from: z.string(), to: z.string(),
  volume: z.array(z.object({ day: z.string(), opened: z.number().int(), solved: z.number().int() })),
  first_response_minutes: minutes, resolution_minutes: minutes,
  sla: z.object({ first_response: attainment, resolution: attainment }).describe('Conversations whose deadline has passed or was met; share that met it'),
  csat: z.object({ asked: z.number().int(), answered: z.number().int(), mean: z.number().nullable(), satisfied_share: z.number().nullable().describe('Ratings of 4 or 5'), by_rating: z.record(z.string(), z.number().int()) }),
  intents: z.array(z.object({ intent: z.string(), count: z.number().int() })),
  sentiment: z.array(z.object({ week: z.string(), positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() })),
  triage: z.object({ triaged: z.number().int(), needs_triage: z.number().int(), corrected_by_agents: z.number().int() }),
  assistant: z.object({
    chats: z.number().int().describe('Chats with a visitor message in the range'),
    decisions: z.number().int().describe("The assistant's decisions on visitors' questions"),
    answered: z.number().int(), clarified: z.number().int(), handed_off: z.number().int(),
    answer_rate: z.number().nullable(), hand_off_rate: z.number().nullable(),
    hand_off_reasons: z.record(z.string(), z.number().int()).describe('asked_for_human, negative_sentiment, low_confidence, weak_retrieval, no_articles, not_helpful'),
  }).describe('The chat assistant: answer and hand-off rates'),
})
const suggestionsOut = z.object({
  suggestions: z.array(z.object({
    source: z.enum(['knowledge_base', 'past_conversation']),
    text: z.string().describe('The reply to start from (an article answer as written: sanitise HTML before showing it)'),
    score: z.number().describe('BM25 score of the match; higher is closer'),
    matched: z.string().describe('The question that matched'),
    article_id: z.number().int().nullable(),
    ticket_id: z.number().int().nullable(),
  })),
  similar: z.array(z.object({ ticket_id: z.number().int(), subject: z.string(), status: z.enum(TICKET_STATUSES), score: z.number() })),
  summary: z.array(z.string()).nullable().describe('A long thread: its three most central sentences, in order (extractive); else null'),
})

const inboxQuery = listParams(Object.keys(INBOX_SORTS), 'waiting_since').extend({
  view: z.enum(INBOX_VIEWS).default('all').describe('mine, unassigned, needs_triage, breaching, team (with team_id) or all unfinished'),
  team_id: decimalId.optional(),
  status: z.enum(TICKET_STATUSES).optional().describe('Default: new, open and pending'),
  intent: safeText(60).optional(),
  language: z.enum(['zh', 'en', 'mixed']).optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  q: safeText(200).optional().describe("Part of the subject or the customer's name, or the exact external id"),
})

/** /api/v1/desk: the service desk — inbox, conversations and their messages, triage, assignment, teams. */
export function deskRoutes(db: Db, queue: Queue) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['desk']
    app.get('/conversations', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'The inbox: conversations of a view, longest waiting first by default', headers: workspaceHeader, querystring: inboxQuery, response: { 200: pageOf(conversationOut), ...errors(400, 401, 403) } },
    }, async (req) => rowsAs(pageOf(conversationOut), await listInbox(db, req.actor, req.query)))

    app.get('/conversations/counts', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'How many unfinished conversations each inbox view holds', headers: workspaceHeader, response: { 200: countsOut, ...errors(401, 403) } },
    }, async (req) => inboxCounts(db, req.actor))

    app.post('/conversations', {
      config: { access: 'desk:reply' },
      schema: { tags, summary: 'Open a conversation for a customer; it is triaged in the background', headers: workspaceHeader, body: conversationInput, response: { 201: threadOut, ...errors(400, 401, 403) } },
    }, async (req, reply) => {
      const thread = await createConversation(db, req.actor, req.body)
      await queueTriage(queue, req.actor, [thread.id])
      reply.code(201)
      return rowsAs(threadOut, thread)
    })

    app.post('/conversations/claim', {
      config: { access: 'desk:reply' },
      schema: {
        tags, summary: 'Take the next conversation: the longest-waiting unassigned one of your teams',
        description: 'Claimed with FOR UPDATE SKIP LOCKED: two agents asking at once get different conversations. 204 when none is waiting; 409 at your capacity.',
        headers: workspaceHeader, body: z.strictObject({ team_id: z.number().int().positive().optional() }),
        response: { 200: conversationOut, 204: z.undefined(), ...errors(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      const c = await claimNext(db, req.actor, { teamId: req.body.team_id })
      if (!c) return reply.code(204).send()
      return rowsAs(conversationOut, c)
    })

    app.post('/triage', {
      config: { access: 'desk:reply' },
      schema: { tags, summary: 'Triage every conversation still waiting for it (a job)', headers: workspaceHeader, response: { 202: jobOut, ...errors(401, 403) } },
    }, async (req, reply) => {
      reply.code(202)
      return { job_id: await queueTriage(queue, req.actor) }
    })

    app.get('/conversations/:id', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'A conversation with its thread', headers: workspaceHeader, params: idParams, response: { 200: threadOut, ...errors(400, 401, 403, 404) } },
    }, async (req) => rowsAs(threadOut, await getConversation(db, req.actor, req.params.id)))

    app.get('/conversations/:id/suggestions', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Suggested replies (published knowledge-base articles and past answers, by BM25) and similar past conversations',
        headers: workspaceHeader, params: idParams, querystring: z.strictObject({ top: decimalInt(1, 20).default(5) }),
        response: { 200: suggestionsOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => rowsAs(suggestionsOut, await replySuggestions(db, req.actor, req.params.id, req.query.top)))

    app.patch('/conversations/:id', {
      config: { access: 'desk:reply' },
      schema: {
        tags, summary: 'Change status, priority, tags, team, assignee, or correct the triage labels',
        description: "An intent or sentiment sent here replaces the triage's, is marked as the agent's, and trains the next intent model.",
        headers: workspaceHeader, params: idParams, body: conversationPatch, response: { 200: conversationOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => rowsAs(conversationOut, await updateConversation(db, req.actor, req.params.id, req.body)))

    app.post('/conversations/:id/messages', {
      config: { access: 'desk:reply' },
      schema: { tags, summary: 'Add a reply, an internal note, or a message received from the customer', headers: workspaceHeader, params: idParams, body: messageInput, response: { 201: threadOut, ...errors(400, 401, 403, 404) } },
    }, async (req, reply) => {
      reply.code(201)
      return rowsAs(threadOut, await addMessage(db, req.actor, req.params.id, req.body))
    })

    app.get('/teams', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'Teams with their members, presence and load', headers: workspaceHeader, response: { 200: z.object({ data: z.array(teamOut) }), ...errors(401, 403) } },
    }, async (req) => ({ data: await listTeams(db, req.actor) }))

    app.post('/teams', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Create a team', headers: workspaceHeader, body: teamInput, response: { 201: teamOut, ...errors(400, 401, 403, 409) } },
    }, async (req, reply) => {
      reply.code(201)
      return rowsAs(teamOut, await createTeam(db, req.actor, req.body))
    })

    app.patch('/teams/:id', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Rename a team, change its assignment rule or its members', headers: workspaceHeader, params: idParams, body: teamPatch, response: { 200: teamOut, ...errors(400, 401, 403, 404, 409) } },
    }, async (req) => rowsAs(teamOut, await updateTeam(db, req.actor, req.params.id, req.body)))

    app.delete('/teams/:id', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Delete a team (its conversations keep their assignee)', headers: workspaceHeader, params: idParams, response: { 204: z.undefined(), ...errors(400, 401, 403, 404) } },
    }, async (req, reply) => {
      await deleteTeam(db, req.actor, req.params.id)
      return reply.code(204).send()
    })

    app.get('/agents', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'People who may reply, with presence, capacity, load and teams', headers: workspaceHeader, response: { 200: z.object({ data: z.array(agentOut) }), ...errors(401, 403) } },
    }, async (req) => ({ data: await listAgents(db, req.actor) }))

    app.patch('/agents/me', {
      config: { access: 'desk:reply' },
      schema: {
        tags, summary: 'Set your own presence (online, away) or capacity', description: 'For a signed-in person; an API key has no presence of its own (400).',
        headers: workspaceHeader, body: agentStateInput, response: { 200: agentOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => {
      if (req.actor.kind !== 'user' || req.actor.id === null) throw invalid([{ path: 'actor', message: 'an API key has no presence of its own: use PATCH /desk/agents/:id' }], 'only a signed-in person has a presence')
      return rowsAs(agentOut, await setAgentState(db, req.actor, req.actor.id, req.body))
    })

    app.patch('/agents/:id', {
      config: { access: 'settings:write' },
      schema: {
        tags, summary: "Set an agent's presence or capacity", description: "id is the user's id.",
        headers: workspaceHeader, params: idParams, body: agentStateInput, response: { 200: agentOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => rowsAs(agentOut, await setAgentState(db, req.actor, req.params.id, req.body)))

    app.get('/reports', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Desk reports over conversations opened in [from, to): volume, response and resolution times, SLA attainment, CSAT, intents, sentiment, triage',
        headers: workspaceHeader, querystring: z.strictObject({ from: timeParam, to: timeParam }), response: { 200: reportOut, ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(reportOut, await deskReport(db, req.actor, req.query)))

    app.get('/settings', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'Business hours, holidays and service-level targets', headers: workspaceHeader, response: { 200: settingsOut, ...errors(401, 403) } },
    }, async (req) => rowsAs(settingsOut, await getDeskSettings(db, req.actor)))

    app.put('/settings', {
      config: { access: 'settings:write' },
      schema: {
        tags, summary: 'Set business hours, holidays and service-level targets', description: 'Deadlines of unfinished conversations are recomputed.',
        headers: workspaceHeader, body: deskSettingsInput, response: { 200: settingsOut, ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(settingsOut, await setDeskSettings(db, req.actor, req.body)))

    app.get('/routing-rules', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'Routing rules in order: the first that matches picks the team', headers: workspaceHeader, response: { 200: z.object({ data: z.array(ruleOut) }), ...errors(401, 403) } },
    }, async (req) => ({ data: await getRoutingRules(db, req.actor) }))

    app.put('/routing-rules', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Replace the routing rules', headers: workspaceHeader, body: routingRulesInput, response: { 200: z.object({ data: z.array(ruleOut) }), ...errors(400, 401, 403) } },
    }, async (req) => ({ data: await replaceRoutingRules(db, req.actor, req.body) }))
  }
}
