import type { JobHandler } from '../adapters/queue/index.ts'
import { importJob } from './import.job.ts'
import { workspaceStatsJob } from './workspace-stats.job.ts'

/**
 * Every job kind Rapport runs, and its handler. `rapport worker` (PostgreSQL) and `rapport serve` (PGlite,
 * in-process) work all of them; one file per kind (`<name>.job.ts`).
 */
export const jobRegistry: ReadonlyMap<string, JobHandler> = new Map<string, JobHandler>([
  ['import', importJob],
  ['workspace.stats', workspaceStatsJob],
])

export const JOB_KINDS = [...jobRegistry.keys()]
