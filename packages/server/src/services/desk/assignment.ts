import { requirePermission, type Actor } from '../../domain/actor.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { selectConversation, type ConversationView } from './conversation-view.ts'
import { openLoadSql } from './desk-people.ts'


const OPEN_LOAD = openLoadSql('m.user_id')

/**
 * An agent takes the next conversation: the longest-waiting unassigned unfinished one of their teams (or of no
 * team), the more urgent first among equal waits. Rows are claimed with FOR UPDATE SKIP LOCKED, so two agents
 * (or two workers) asking at once never get the same conversation, and neither waits for the other.
 * Refused (409) when the agent already holds their capacity.
 */
export async function claimNext(db: Db, actor: Actor, opts: { teamId?: number | undefined } = {}): Promise<ConversationView | null> {
  requirePermission(actor, 'desk:reply')
  if (actor.kind !== 'user' || actor.id === null) throw new RapportError('validation_failed', 'taking a conversation needs a signed-in person, not an API key')
  const userId = actor.id
  return inTransaction(db, async (tx) => {
    const [agent] = await tx.query<{ capacity: number; load: string }>(
      `SELECT coalesce(a.capacity, 10) AS capacity, ${OPEN_LOAD} AS load FROM (SELECT $2::int8 AS user_id) m
         LEFT JOIN desk_agents a ON a.workspace_id = $1 AND a.user_id = m.user_id`, [actor.workspaceId, userId])
    if (agent && Number(agent.load) >= Number(agent.capacity)) {
      throw new RapportError('conflict', `you already hold ${agent.load} unfinished conversations, your capacity (${agent.capacity}); solve or hand one over first`)
    }
    const team = opts.teamId === undefined
      ? `(c.team_id IS NULL OR c.team_id IN (SELECT team_id FROM desk_team_members WHERE workspace_id = $1 AND user_id = $2))`
      : `c.team_id = $3`
    const [picked] = await tx.query<{ ticket_id: string }>(
      `WITH pick AS (
         SELECT c.ticket_id FROM conversations c JOIN tickets t ON t.workspace_id = c.workspace_id AND t.id = c.ticket_id
          WHERE c.workspace_id = $1 AND c.assignee_id IS NULL AND c.unfinished AND ${team}
          ORDER BY c.waiting_since ASC NULLS LAST, array_position(ARRAY['urgent','high','normal','low'], t.priority), t.opened_at, t.id
          LIMIT 1 FOR UPDATE OF c SKIP LOCKED)
       UPDATE conversations c SET assignee_id = $2, assigned_at = now() FROM pick
        WHERE c.workspace_id = $1 AND c.ticket_id = pick.ticket_id RETURNING c.ticket_id`,
      opts.teamId === undefined ? [actor.workspaceId, userId] : [actor.workspaceId, userId, opts.teamId],
    )
    if (!picked) return null
    const id = Number(picked.ticket_id)
    await tx.query(`UPDATE tickets SET status = 'open', updated_at = now() WHERE workspace_id = $1 AND id = $2 AND status = 'new'`, [actor.workspaceId, id])
    await recordAudit(tx, actor, { action: 'claim', entity: 'conversations', entityId: id, changes: { assignee_id: { before: null, after: userId } } })
    return selectConversation(tx, actor.workspaceId, id)
  })
}

/**
 * Picks the team member to give a conversation to, by the team's rule, among members who are online and below
 * their capacity; null when nobody is (the conversation waits unassigned) or the team assigns by hand. The team
 * row is locked for the pick, so concurrent assignments in one team see each other's load.
 */
export async function pickAssignee(tx: Db, workspaceId: number, teamId: number): Promise<number | null> {
  const [team] = await tx.query<{ assignment: string; last_assigned_id: string | null }>(
    `SELECT assignment, last_assigned_id FROM desk_teams WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, teamId])
  if (!team || team.assignment === 'manual') return null
  const members = await tx.query<{ user_id: string; load: string }>(
    `SELECT m.user_id, ${OPEN_LOAD} AS load, a.capacity
       FROM desk_team_members m JOIN desk_agents a ON a.workspace_id = m.workspace_id AND a.user_id = m.user_id
      WHERE m.workspace_id = $1 AND m.team_id = $2 AND a.presence = 'online'
        AND ${OPEN_LOAD} < a.capacity
      ORDER BY m.user_id`, [workspaceId, teamId])
  if (members.length === 0) return null
  let chosen: number
  if (team.assignment === 'round_robin') {
    const last = team.last_assigned_id === null ? -Infinity : Number(team.last_assigned_id)
    const next = members.find((m) => Number(m.user_id) > last) ?? members[0]
    chosen = Number(next?.user_id)
  } else {
    chosen = Number(members.reduce((best, m) => (Number(m.load) < Number(best.load) ? m : best)).user_id)
  }
  await tx.query(`UPDATE desk_teams SET last_assigned_id = $3 WHERE workspace_id = $1 AND id = $2`, [workspaceId, teamId, chosen])
  return chosen
}
