import type { JobHandler } from '../adapters/queue/index.ts'
import { campaignsPickWinnerJob } from './campaigns-pick-winner.job.ts'
import { campaignsSendJob } from './campaigns-send.job.ts'
import { consentsConfirmJob } from './consents-confirm.job.ts'
import { deskTriageJob } from './desk-triage.job.ts'
import { importJob } from './import.job.ts'
import { modelsPromoteJob } from './models-promote.job.ts'
import { modelsRefreshJob } from './models-refresh.job.ts'
import { modelsTrainJob } from './models-train.job.ts'
import { segmentsRefreshJob } from './segments-refresh.job.ts'
import { workspaceStatsJob } from './workspace-stats.job.ts'

/**
 * Every job kind Rapport runs, and its handler. `rapport worker` (PostgreSQL) and `rapport serve` (PGlite,
 * in-process) work all of them; one file per kind (`<name>.job.ts`).
 */
export const jobRegistry: ReadonlyMap<string, JobHandler> = new Map<string, JobHandler>([
  ['import', importJob],
  ['workspace.stats', workspaceStatsJob],
  ['models.train', modelsTrainJob],
  ['models.refresh', modelsRefreshJob],
  ['models.promote', modelsPromoteJob],
  ['segments.refresh', segmentsRefreshJob],
  ['campaigns.send', campaignsSendJob],
  ['campaigns.pick-winner', campaignsPickWinnerJob],
  ['consents.confirm', consentsConfirmJob],
  ['desk.triage', deskTriageJob],
])

export const JOB_KINDS = [...jobRegistry.keys()]
