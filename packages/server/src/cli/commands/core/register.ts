import type { CommandGroups } from '../groups.ts'
import { registerDemo } from './demo.ts'
import { registerExport } from './export.ts'
import { registerImport } from './import.ts'
import { registerServe } from './serve.ts'
import { registerWorker } from './worker.ts'

/** Core CRM commands: import, export, demo, serve. */
export function registerCoreCommands(groups: CommandGroups): void {
  registerImport(groups.program)
  registerExport(groups.program)
  registerDemo(groups.program)
  registerServe(groups.program)
  registerWorker(groups.program)
}
