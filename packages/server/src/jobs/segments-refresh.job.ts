import { z } from 'zod'
import type { JobHandler } from '../adapters/queue/index.ts'
import { systemActor } from '../domain/actor.ts'
import { InputError } from '../errors/rapport-error.ts'
import { refreshSegment } from '../services/segments/refresh-segment.ts'

const payloadSchema = z.strictObject({ segment_id: z.number().int().positive() })

/**
 * `segments.refresh`: recomputes one segment's members and records who entered and left, in one
 * transaction (a cancelled or killed job leaves the previous membership). Returns the counts.
 */
export const segmentsRefreshJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`segments.refresh payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  await ctx.progress(0.05, 'evaluating the conditions')
  const out = await refreshSegment(ctx.db, { ...systemActor(job.workspaceId), label: job.actorLabel }, parsed.data.segment_id, { transaction: ctx.transaction })
  await ctx.progress(1, `${out.members} members (${out.added} added, ${out.dropped} dropped)`)
  return out
}
