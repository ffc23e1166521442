import type { CommandGroups } from '../groups.ts'

/** Registers this capability's commands. (Filled in by the issue that builds it.) */
export function registerCoreCommands(_groups: CommandGroups): void {}
