import type { CommandGroups } from '../groups.ts'
import { registerKeys } from './keys.ts'
import { registerUsers } from './users.ts'
import { registerWorkspaces } from './workspaces.ts'

/** Accounts and access: users, API keys, workspaces. */
export function registerAdminCommands(groups: CommandGroups): void {
  registerUsers(groups.program)
  registerKeys(groups.program)
  registerWorkspaces(groups.program)
}
