import { ROLE_PERMISSIONS, ROLES } from '../../domain/permissions.ts'
import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'

/** The roles whose members may answer customers, from the one role table. */
export const REPLYING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('desk:reply'))

/** Fails naming `path` unless the user belongs to the workspace in a role that may reply. */
export async function checkAgent(db: Db, workspaceId: number, userId: number, path: string): Promise<void> {
  const [r] = await db.query(`SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2 AND role = ANY($3::text[])`, [workspaceId, userId, REPLYING_ROLES])
  if (!r) throw invalid([{ path, message: `user ${userId} is not a member of this workspace who may reply (roles: ${REPLYING_ROLES.join(', ')})` }])
}

/** Fails naming `path` unless the team exists in the workspace. */
export async function checkTeam(db: Db, workspaceId: number, teamId: number, path: string): Promise<void> {
  const [r] = await db.query(`SELECT 1 FROM desk_teams WHERE workspace_id = $1 AND id = $2`, [workspaceId, teamId])
  if (!r) throw invalid([{ path, message: `team ${teamId} does not exist in this workspace` }])
}

/** SQL for how many unfinished conversations the user `userExpr` holds in workspace $1. */
export const openLoadSql = (userExpr: string): string =>
  `(SELECT count(*) FROM conversations oc WHERE oc.workspace_id = $1 AND oc.assignee_id = ${userExpr} AND oc.unfinished)::int`
