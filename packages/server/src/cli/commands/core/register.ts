import type { CommandGroups } from '../groups.ts'
import { registerExport } from './export.ts'
import { registerImport } from './import.ts'

/** Core CRM commands: import, export, demo, serve. */
export function registerCoreCommands(groups: CommandGroups): void {
  registerImport(groups.program)
  registerExport(groups.program)
}
