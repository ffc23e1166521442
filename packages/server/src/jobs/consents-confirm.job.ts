import { z } from 'zod'
import type { JobHandler } from '../adapters/queue/index.ts'
import { InputError } from '../errors/rapport-error.ts'
import { currentChannels } from '../services/campaigns/channels.ts'
import { sendConsentConfirmations } from '../services/campaigns/consent-confirmation.ts'

const payloadSchema = z.strictObject({ channel: z.enum(['email', 'sms']), purpose: z.string().min(1).max(60) })

/** `consents.confirm`: asks every customer with an unconfirmed grant to confirm it (double opt-in). */
export const consentsConfirmJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`consents.confirm payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const result = await sendConsentConfirmations(ctx.db, job.workspaceId, {
    ...parsed.data,
    channels: currentChannels(),
    progress: (done, total) => ctx.progress(total === 0 ? 1 : done / total, `${done} of ${total} confirmation requests sent`),
  })
  await ctx.progress(1, `${result.asked} asked to confirm, ${result.failed} failed, ${result.skipped_recent} asked in the last week already`)
  return result
}
