import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'
import { notFound } from '../../errors/rapport-error.ts'

/** A conversation as the desk shows it: the ticket, its desk state and who it is from. */
export interface ConversationView {
  id: number
  external_id: string
  customer_internal_id: number
  customer_name: string | null
  subject: string
  channel: string
  status: string
  priority: string
  opened_at: string
  team_id: number | null
  assignee_id: number | null
  tags: string[]
  language: string | null
  intent: string | null
  intent_confidence: number | null
  intent_source: 'model' | 'agent' | null
  sentiment: string | null
  sentiment_confidence: number | null
  suggested_priority: string | null
  triage_state: 'pending' | 'done' | 'needs_triage' | 'skipped'
  triage: Record<string, unknown>
  triaged_at: string | null
  assigned_at: string | null
  first_response_at: string | null
  solved_at: string | null
  waiting_since: string | null
  last_message_at: string
  first_response_due_at: string | null
  resolution_due_at: string | null
  /** Unfinished conversations: breached (a deadline passed), warning (one is within the warning time), ok. */
  sla_state: 'ok' | 'warning' | 'breached' | null
}

/** The warning time of the workspace's service levels, as an interval expression over `ds` (desk_settings). */
const WARN = `make_interval(mins => coalesce((ds.sla->>'warn_minutes')::int, 60))`
/** SQL: the nearest unmet deadline of a conversation `c` (first response while unanswered, resolution). */
export const NEXT_DUE = `least(CASE WHEN c.first_response_at IS NULL THEN c.first_response_due_at END, c.resolution_due_at)`
/** SQL: the conversation is breaching or about to (the inbox's "breaching SLA" view). */
export const BREACHING = `(c.unfinished AND ${NEXT_DUE} <= now() + ${WARN})`

const time = (c: string) => `CASE WHEN ${c} IS NULL THEN NULL ELSE ${isoTime(c)} END`

export const CONVERSATION_SELECT = `t.id, t.external_id, t.customer_id AS customer_internal_id, cu.name AS customer_name, t.subject, t.channel,
  t.status, t.priority, ${isoTime('t.opened_at')} AS opened_at, c.team_id, c.assignee_id, c.tags, c.language, c.intent,
  c.intent_confidence, c.intent_source, c.sentiment, c.sentiment_confidence, c.suggested_priority, c.triage_state, c.triage,
  ${time('c.triaged_at')} AS triaged_at, ${time('c.assigned_at')} AS assigned_at, ${time('c.first_response_at')} AS first_response_at,
  ${time('c.solved_at')} AS solved_at, ${time('c.waiting_since')} AS waiting_since, ${isoTime('c.last_message_at')} AS last_message_at,
  ${time('c.first_response_due_at')} AS first_response_due_at, ${time('c.resolution_due_at')} AS resolution_due_at,
  CASE WHEN NOT c.unfinished OR ${NEXT_DUE} IS NULL THEN NULL WHEN ${NEXT_DUE} <= now() THEN 'breached' WHEN ${NEXT_DUE} <= now() + ${WARN} THEN 'warning' ELSE 'ok' END AS sla_state`

export const CONVERSATION_FROM = `tickets t
  JOIN conversations c ON c.workspace_id = t.workspace_id AND c.ticket_id = t.id
  JOIN customers cu ON cu.workspace_id = t.workspace_id AND cu.id = t.customer_id
  LEFT JOIN desk_settings ds ON ds.workspace_id = t.workspace_id`

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

export function toConversationView(r: Record<string, unknown>): ConversationView {
  return {
    ...(r as unknown as ConversationView),
    id: Number(r.id),
    customer_internal_id: Number(r.customer_internal_id),
    team_id: num(r.team_id),
    assignee_id: num(r.assignee_id),
    intent_confidence: num(r.intent_confidence),
    sentiment_confidence: num(r.sentiment_confidence),
  }
}

/** One conversation of the workspace (404 otherwise); `lock` takes the conversation row FOR UPDATE. */
export async function selectConversation(db: Db, workspaceId: number, id: number, lock = false): Promise<ConversationView> {
  const [r] = await db.query(
    `SELECT ${CONVERSATION_SELECT} FROM ${CONVERSATION_FROM} WHERE t.workspace_id = $1 AND t.id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
    [workspaceId, id],
  )
  if (!r) throw notFound(`conversation ${id}`)
  return toConversationView(r)
}
