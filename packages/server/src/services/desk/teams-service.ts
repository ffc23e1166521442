import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { checkAgent, checkTeam, openLoadSql, REPLYING_ROLES } from './desk-people.ts'
import {
  agentStateInput, routingRulesInput, teamInput, teamPatch,
  type AgentStateInput, type RoutingRule, type RoutingRulesInput, type TeamInput, type TeamPatch,
} from './teams-input.ts'

export interface TeamView {
  id: number
  name: string
  assignment: 'least_open' | 'round_robin' | 'manual'
  members: Array<{ user_id: number; name: string; presence: 'online' | 'away'; capacity: number; open: number }>
}

export interface AgentView {
  user_id: number
  name: string
  role: string
  presence: 'online' | 'away'
  capacity: number
  open: number
  team_ids: number[]
}

const parseOrThrow = <T>(result: { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }): T => {
  if (result.success) return result.data
  throw invalid(result.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })))
}


export async function listTeams(db: Db, actor: Actor): Promise<TeamView[]> {
  requirePermission(actor, 'customers:read')
  const teams = await db.query<{ id: string; name: string; assignment: TeamView['assignment'] }>(
    `SELECT id, name, assignment FROM desk_teams WHERE workspace_id = $1 ORDER BY name, id`, [actor.workspaceId])
  const members = await db.query<{ team_id: string; user_id: string; name: string; presence: 'online' | 'away' | null; capacity: number | null; open: number }>(
    `SELECT m.team_id, m.user_id, u.name, a.presence, a.capacity, ${openLoadSql('m.user_id')} AS open
       FROM desk_team_members m JOIN users u ON u.id = m.user_id
       LEFT JOIN desk_agents a ON a.workspace_id = m.workspace_id AND a.user_id = m.user_id
      WHERE m.workspace_id = $1 ORDER BY u.name, m.user_id`, [actor.workspaceId])
  return teams.map((t) => ({
    id: Number(t.id), name: t.name, assignment: t.assignment,
    members: members.filter((m) => m.team_id === t.id).map((m) => ({
      user_id: Number(m.user_id), name: m.name, presence: m.presence ?? 'away', capacity: m.capacity ?? 10, open: Number(m.open),
    })),
  }))
}

async function teamView(db: Db, actor: Actor, id: number): Promise<TeamView> {
  const team = (await listTeams(db, actor)).find((t) => t.id === id)
  if (!team) throw notFound(`team ${id}`)
  return team
}

const duplicateName = (err: unknown, name: string | undefined): never => {
  if ((err as { code?: unknown }).code === '23505') {
    throw new RapportError('conflict', `a team called "${name}" already exists`, { details: [{ path: 'body.name', message: 'is already used by another team' }] })
  }
  throw err
}

async function setMembers(tx: Db, workspaceId: number, teamId: number, userIds: readonly number[]): Promise<void> {
  for (const [i, u] of userIds.entries()) await checkAgent(tx, workspaceId, u, `body.member_ids.${i}`)
  await tx.query(`DELETE FROM desk_team_members WHERE workspace_id = $1 AND team_id = $2`, [workspaceId, teamId])
  await tx.query(`INSERT INTO desk_team_members (workspace_id, team_id, user_id) SELECT $1, $2, u FROM unnest($3::int8[]) u ON CONFLICT DO NOTHING`,
    [workspaceId, teamId, [...userIds]])
}

export async function createTeam(db: Db, actor: Actor, body: TeamInput): Promise<TeamView> {
  requirePermission(actor, 'settings:write')
  const input = parseOrThrow(teamInput.safeParse(body))
  const id = await inTransaction(db, async (tx) => {
    const [r] = await tx.query<{ id: string }>(`INSERT INTO desk_teams (workspace_id, name, assignment) VALUES ($1, $2, $3) RETURNING id`,
      [actor.workspaceId, input.name, input.assignment]).catch((e: unknown) => duplicateName(e, input.name))
    const teamId = Number(r?.id)
    await setMembers(tx, actor.workspaceId, teamId, input.member_ids)
    await recordAudit(tx, actor, { action: 'create', entity: 'desk_teams', entityId: teamId, changes: { name: { after: input.name }, assignment: { after: input.assignment }, member_ids: { after: input.member_ids } } })
    return teamId
  })
  return teamView(db, actor, id)
}

export async function updateTeam(db: Db, actor: Actor, id: number, body: TeamPatch): Promise<TeamView> {
  requirePermission(actor, 'settings:write')
  const patch = parseOrThrow(teamPatch.safeParse(body))
  await inTransaction(db, async (tx) => {
    const [before] = await tx.query<{ name: string; assignment: string }>(`SELECT name, assignment FROM desk_teams WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [actor.workspaceId, id])
    if (!before) throw notFound(`team ${id}`)
    await tx.query(`UPDATE desk_teams SET name = $3, assignment = $4 WHERE workspace_id = $1 AND id = $2`,
      [actor.workspaceId, id, patch.name ?? before.name, patch.assignment ?? before.assignment]).catch((e: unknown) => duplicateName(e, patch.name))
    if (patch.member_ids !== undefined) await setMembers(tx, actor.workspaceId, id, patch.member_ids)
    await recordAudit(tx, actor, { action: 'update', entity: 'desk_teams', entityId: id, changes: Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, { after: v }])) })
  })
  return teamView(db, actor, id)
}

/** Deletes a team: its conversations keep their assignee and lose the team; its routing rules go with it. */
export async function deleteTeam(db: Db, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'settings:write')
  await inTransaction(db, async (tx) => {
    const [r] = await tx.query(`DELETE FROM desk_teams WHERE workspace_id = $1 AND id = $2 RETURNING name`, [actor.workspaceId, id])
    if (!r) throw notFound(`team ${id}`)
    await recordAudit(tx, actor, { action: 'delete', entity: 'desk_teams', entityId: id })
  })
}

/** Everyone in the workspace who may reply, with presence, capacity, load and teams. */
export async function listAgents(db: Db, actor: Actor): Promise<AgentView[]> {
  requirePermission(actor, 'customers:read')
  const rows = await db.query<{ user_id: string; name: string; role: string; presence: 'online' | 'away' | null; capacity: number | null; open: number; team_ids: string[] | null }>(
    `SELECT m.user_id, u.name, m.role, a.presence, a.capacity, ${openLoadSql('m.user_id')} AS open,
            (SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM desk_team_members tm WHERE tm.workspace_id = $1 AND tm.user_id = m.user_id) AS team_ids
       FROM memberships m JOIN users u ON u.id = m.user_id
       LEFT JOIN desk_agents a ON a.workspace_id = m.workspace_id AND a.user_id = m.user_id
      WHERE m.workspace_id = $1 AND m.role = ANY($2::text[]) ORDER BY u.name, m.user_id`, [actor.workspaceId, REPLYING_ROLES])
  return rows.map((r) => ({
    user_id: Number(r.user_id), name: r.name, role: r.role, presence: r.presence ?? 'away', capacity: r.capacity ?? 10, open: Number(r.open),
    team_ids: (r.team_ids ?? []).map(Number),
  }))
}

/**
 * Sets an agent's presence or capacity. People set their own; changing someone else's needs settings:write.
 */
export async function setAgentState(db: Db, actor: Actor, userId: number, body: AgentStateInput): Promise<AgentView> {
  requirePermission(actor, 'desk:reply')
  if (!(actor.kind === 'user' && actor.id === userId)) requirePermission(actor, 'settings:write')
  const input = parseOrThrow(agentStateInput.safeParse(body))
  await inTransaction(db, async (tx) => {
    const [member] = await tx.query(`SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2 AND role = ANY($3::text[])`, [actor.workspaceId, userId, REPLYING_ROLES])
    if (!member) throw notFound(`agent ${userId}`)
    await tx.query(
      `INSERT INTO desk_agents (workspace_id, user_id, presence, capacity) VALUES ($1, $2, coalesce($3, 'away'), coalesce($4, 10))
       ON CONFLICT (workspace_id, user_id) DO UPDATE SET presence = coalesce($3, desk_agents.presence), capacity = coalesce($4, desk_agents.capacity), updated_at = now()`,
      [actor.workspaceId, userId, input.presence ?? null, input.capacity ?? null])
    await recordAudit(tx, actor, { action: 'update', entity: 'desk_agents', entityId: userId, changes: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, { after: v }])) })
  })
  const agent = (await listAgents(db, actor)).find((a) => a.user_id === userId)
  if (!agent) throw notFound(`agent ${userId}`)
  return agent
}

export async function listRoutingRules(db: Db, workspaceId: number): Promise<Array<RoutingRule & { id: number }>> {
  const rows = await db.query<{ id: string; intents: string[]; languages: RoutingRule['languages']; channels: RoutingRule['channels']; vip_only: boolean; team_id: string }>(
    `SELECT id, intents, languages, channels, vip_only, team_id FROM desk_routing_rules WHERE workspace_id = $1 ORDER BY position, id`, [workspaceId])
  return rows.map((r) => ({ id: Number(r.id), intents: r.intents, languages: r.languages, channels: r.channels, vip_only: r.vip_only, team_id: Number(r.team_id) }))
}

export async function getRoutingRules(db: Db, actor: Actor): Promise<Array<RoutingRule & { id: number }>> {
  requirePermission(actor, 'customers:read')
  return listRoutingRules(db, actor.workspaceId)
}

/** Replaces the whole ordered list of routing rules. */
export async function replaceRoutingRules(db: Db, actor: Actor, body: RoutingRulesInput): Promise<Array<RoutingRule & { id: number }>> {
  requirePermission(actor, 'settings:write')
  const input = parseOrThrow(routingRulesInput.safeParse(body))
  await inTransaction(db, async (tx) => {
    for (const [i, r] of input.rules.entries()) await checkTeam(tx, actor.workspaceId, r.team_id, `body.rules.${i}.team_id`)
    await tx.query(`DELETE FROM desk_routing_rules WHERE workspace_id = $1`, [actor.workspaceId])
    for (const [i, r] of input.rules.entries()) {
      await tx.query(`INSERT INTO desk_routing_rules (workspace_id, position, intents, languages, channels, vip_only, team_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [actor.workspaceId, i, r.intents, r.languages, r.channels, r.vip_only, r.team_id])
    }
    await recordAudit(tx, actor, { action: 'update', entity: 'desk_routing_rules', changes: { rules: { after: input.rules } } })
  })
  return listRoutingRules(db, actor.workspaceId)
}
