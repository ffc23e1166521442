import { z } from 'zod'
import type { JobHandler } from '../adapters/queue/index.ts'
import { InputError } from '../errors/rapport-error.ts'
import { promoteVersion } from '../services/intelligence/run-model.ts'
import { jobRunEnv } from './models-train.job.ts'

const payloadSchema = z.strictObject({ version_id: z.number().int().positive() })

/** `models.promote`: scores with a chosen version and makes it active (promote or roll back), audited. */
export const modelsPromoteJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`models.promote payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return promoteVersion(jobRunEnv(job, ctx), parsed.data.version_id)
}
