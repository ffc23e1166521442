import { z } from 'zod'
import { JobFailure, type JobHandler } from '../adapters/queue/index.ts'
import { InputError } from '../errors/rapport-error.ts'
import { modelKind, refreshedKinds } from '../services/intelligence/model-kinds.ts'
import { rescoreModel, trainModel } from '../services/intelligence/run-model.ts'
import { jobRunEnv } from './models-train.job.ts'

const payloadSchema = z.strictObject({
  kinds: z.array(z.string()).optional(),
  /** Rescore with the active versions only (after an import) instead of retraining. */
  rescore_only: z.boolean().default(false),
})

/**
 * The order a refresh trains the kinds in: the ticket intent model first (it takes seconds, and new conversations
 * wait on it for their intent: on the demo's first start, mail sent in the first minutes), the others as listed.
 */
export function refreshOrder(kinds: readonly string[]): string[] {
  return [...kinds.filter((k) => k === 'ticket_intent'), ...kinds.filter((k) => k !== 'ticket_intent')]
}

export interface RefreshStep {
  kind: string
  status: 'active' | 'trained' | 'insufficient_data' | 'rescored' | 'no_active_version' | 'failed'
  reason: string | null
  versionId: number | null
  rows: number | null
  seconds: number
}

/**
 * `models.refresh`: every model kind in turn (the nightly schedule, first start of the demo, after a large
 * import): trains a new version and scores with it when it is activated; when it is not, rescores the
 * current data with the active one. A kind that fails does not stop the others: the job fails at the end,
 * naming them, with every kind's outcome as its result.
 */
export const modelsRefreshJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`models.refresh payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const kinds = refreshOrder(parsed.data.kinds ?? refreshedKinds())
  for (const k of kinds) modelKind(k)
  const steps: RefreshStep[] = []
  for (const [i, kind] of kinds.entries()) {
    ctx.signal.throwIfAborted()
    const env = jobRunEnv(job, ctx)
    const scaled = { ...env, progress: (f: number, m: string) => ctx.progress((i + f) / kinds.length, `${kind}: ${m}`) }
    const t0 = performance.now()
    const seconds = () => Math.round((performance.now() - t0) / 100) / 10
    try {
      if (parsed.data.rescore_only) {
        const r = await rescoreModel(scaled, kind)
        steps.push(r ? { kind, status: 'rescored', reason: null, versionId: r.versionId, rows: r.rows, seconds: seconds() } : { kind, status: 'no_active_version', reason: null, versionId: null, rows: null, seconds: seconds() })
        continue
      }
      const r = await trainModel(scaled, kind)
      if (r.status === 'trained') {
        const again = await rescoreModel(scaled, kind)
        steps.push({ kind, status: 'trained', reason: r.reason, versionId: r.versionId, rows: again?.rows ?? null, seconds: seconds() })
      } else {
        steps.push({ kind, status: r.status, reason: r.reason, versionId: r.versionId, rows: r.scored?.rows ?? null, seconds: seconds() })
      }
    } catch (err) {
      if (ctx.signal.aborted) throw err
      steps.push({ kind, status: 'failed', reason: (err as Error).message, versionId: null, rows: null, seconds: seconds() })
    }
    // Conversations waiting for triage (the demo's open tickets, or ones that arrived before any intent model) are
    // triaged as soon as the intent model is trained, not after every other kind.
    const last = steps.at(-1)
    if (last?.kind === 'ticket_intent' && (last.status === 'active' || last.status === 'trained')) {
      await ctx.enqueue('desk.triage', {}, { workspaceId: job.workspaceId, actorLabel: job.actorLabel, retryLimit: 1 })
    }
  }
  const failed = steps.filter((s) => s.status === 'failed')
  if (failed.length > 0) throw new JobFailure(`${failed.map((s) => `${s.kind}: ${s.reason}`).join('; ')}`, { steps })
  return { steps }
}
