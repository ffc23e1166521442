import { z } from 'zod'
import type { JobHandler } from '../adapters/queue/index.ts'
import { InputError } from '../errors/rapport-error.ts'
import { triagePending } from '../services/desk/triage.ts'

const payloadSchema = z.strictObject({ ticket_ids: z.array(z.number().int().positive()).max(1000).optional() })

/** `desk.triage`: labels, prioritises, routes and assigns pending conversations (the given ones, or all). */
export const deskTriageJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`desk.triage payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const run = await triagePending(ctx.db, job.workspaceId, {
    ...(parsed.data.ticket_ids ? { ids: parsed.data.ticket_ids } : {}),
    signal: ctx.signal,
    progress: (done) => ctx.progress(0.5, `${done} conversations triaged`),
  })
  await ctx.progress(1, `${run.triaged} triaged, ${run.needsTriage} need a person, ${run.assigned} assigned, ${run.failed} failed`)
  return run
}
