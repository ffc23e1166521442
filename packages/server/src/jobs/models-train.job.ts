import { z } from 'zod'
import type { JobContext, JobHandler, JobInfo } from '../adapters/queue/index.ts'
import { systemActor } from '../domain/actor.ts'
import { InputError } from '../errors/rapport-error.ts'
import type { RunEnv } from '../services/intelligence/run-model.ts'
import { trainModel } from '../services/intelligence/run-model.ts'

const payloadSchema = z.strictObject({
  kind: z.string(),
  options: z.record(z.string(), z.unknown()).default({}),
  as_of: z.iso.datetime().optional(),
})

/** How a model job reaches the run: its workspace's system actor under the label of whoever queued it. */
export function jobRunEnv(job: JobInfo, ctx: JobContext, asOf?: string): RunEnv {
  return {
    db: ctx.db,
    actor: { ...systemActor(job.workspaceId), label: job.actorLabel },
    jobId: job.id,
    progress: ctx.progress,
    signal: ctx.signal,
    transaction: ctx.transaction,
    ...(asOf !== undefined && { asOf: new Date(asOf) }),
  }
}

/**
 * `models.train`: trains one model kind on the workspace's data (run-model.ts), scores with the new version
 * when it becomes active, and returns the run's summary (status, metrics, activation decision, rows scored).
 * The results switch in one transaction, so a cancelled or killed job leaves the previous version's intact.
 */
export const modelsTrainJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`models.train payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return trainModel(jobRunEnv(job, ctx, parsed.data.as_of), parsed.data.kind, parsed.data.options)
}
