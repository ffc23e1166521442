import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { listPage, type Page, type SortField } from '../../store/query/list-page.ts'
import { SqlFilter } from '../../store/query/sql-filter.ts'
import { BREACHING, CONVERSATION_FROM, CONVERSATION_SELECT, NEXT_DUE, toConversationView, type ConversationView } from './conversation-view.ts'

/**
 * The inbox's views: mine (assigned to the caller), unassigned, needs_triage (labels the triage was not sure of),
 * breaching (a service-level deadline passed or is within the warning time), team (one team's), all. Each shows unfinished conversations (new, open, pending) unless `status` names another.
 */
export const INBOX_VIEWS = ['all', 'mine', 'unassigned', 'needs_triage', 'breaching', 'team'] as const
export type InboxView = (typeof INBOX_VIEWS)[number]

export const INBOX_SORTS: Record<string, SortField> = {
  // Longest waiting first is `waiting_since` ascending (answered conversations, with no wait, last).
  waiting_since: { expr: 'c.waiting_since', type: 'timestamptz' },
  last_message_at: { expr: 'c.last_message_at', type: 'timestamptz' },
  opened_at: { expr: 't.opened_at', type: 'timestamptz' },
  // urgent 1 … low 4: ascending is most urgent first.
  priority: { expr: "array_position(ARRAY['urgent','high','normal','low'], t.priority)::int8", type: 'int8' },
  // The nearest unmet deadline, soonest first.
  due: { expr: NEXT_DUE, type: 'timestamptz' },
}

export interface InboxQuery {
  view: InboxView
  team_id?: number | undefined
  status?: string | undefined
  intent?: string | undefined
  language?: string | undefined
  channel?: string | undefined
  q?: string | undefined
  sort: string
  limit: number
  cursor?: string | undefined
}

const VIEW = { select: CONVERSATION_SELECT, from: CONVERSATION_FROM, table: 'tickets' }

export async function listInbox(db: Db, actor: Actor, q: InboxQuery): Promise<Page<ConversationView>> {
  requirePermission(actor, 'customers:read')
  const f = new SqlFilter(actor.workspaceId)
  if (q.status !== undefined) f.eq('t.status', q.status)
  // Both spellings of "unfinished": the conversation's flag lets its partial indexes serve the sort, the ticket's
  // status lets the priority index serve that one.
  else f.where("c.unfinished AND t.status IN ('new', 'open', 'pending')")
  switch (q.view) {
    case 'all':
      break
    case 'mine':
      if (actor.kind !== 'user' || actor.id === null) throw invalid([{ path: 'querystring.view', message: 'mine needs a signed-in person (an API key has no conversations of its own)' }])
      f.eq('c.assignee_id', actor.id)
      break
    case 'unassigned':
      f.where('c.assignee_id IS NULL')
      break
    case 'needs_triage':
      f.where("c.triage_state = 'needs_triage'")
      break
    case 'breaching':
      f.where(BREACHING)
      break
    case 'team':
      if (q.team_id === undefined) throw invalid([{ path: 'querystring.team_id', message: 'is required by view=team' }])
      break
  }
  f.eq('c.team_id', q.team_id).eq('c.intent', q.intent).eq('c.language', q.language).eq('t.channel', q.channel)
  if (q.q !== undefined && q.q !== '') {
    const p = f.param(q.q.toLowerCase())
    f.where(`(strpos(lower(t.subject), ${p}) > 0 OR strpos(lower(cu.name), ${p}) > 0 OR t.external_id = ${p})`)
  }
  const page = await listPage(db, { view: VIEW, filter: f, sorts: INBOX_SORTS, sort: q.sort, limit: q.limit, cursor: q.cursor })
  return { data: page.data.map(toConversationView), next_cursor: page.next_cursor }
}

/** How many conversations each view holds for the caller (the inbox's side bar). */
export async function inboxCounts(db: Db, actor: Actor): Promise<Record<Exclude<InboxView, 'team'>, number> & { teams: Record<string, number> }> {
  requirePermission(actor, 'customers:read')
  const me = actor.kind === 'user' ? actor.id : null
  const [r] = await db.query<Record<string, string>>(
    `SELECT count(*) AS all, count(*) FILTER (WHERE c.assignee_id = $2) AS mine, count(*) FILTER (WHERE c.assignee_id IS NULL) AS unassigned,
            count(*) FILTER (WHERE c.triage_state = 'needs_triage') AS needs_triage, count(*) FILTER (WHERE ${BREACHING}) AS breaching
       FROM conversations c LEFT JOIN desk_settings ds ON ds.workspace_id = c.workspace_id WHERE c.workspace_id = $1 AND c.unfinished`,
    [actor.workspaceId, me],
  )
  // One more pass over the same partial index, grouped: the team view of each team.
  const teams = await db.query<{ team_id: string; n: string }>(
    `SELECT c.team_id, count(*) AS n FROM conversations c WHERE c.workspace_id = $1 AND c.unfinished AND c.team_id IS NOT NULL GROUP BY c.team_id`, [actor.workspaceId])
  return {
    all: Number(r?.all ?? 0), mine: Number(r?.mine ?? 0), unassigned: Number(r?.unassigned ?? 0), needs_triage: Number(r?.needs_triage ?? 0), breaching: Number(r?.breaching ?? 0),
    teams: Object.fromEntries(teams.map((t) => [t.team_id, Number(t.n)])),
  }
}
