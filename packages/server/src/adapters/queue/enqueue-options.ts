import { invalid, type FieldIssue } from '../../errors/rapport-error.ts'
import { MAX_PAYLOAD_BYTES, type EnqueueOptions, type JobPayload } from './queue.ts'

/** An enqueue request checked and with its defaults filled in, ready for the jobs table. */
export interface NewJob {
  kind: string
  payloadJson: string
  workspaceId: number
  actorLabel: string
  uniqueKey: string | null
  retryLimit: number
  retryDelaySeconds: number
  startAfter: Date | null
}

const KIND = /^[a-z][a-z0-9_.-]{0,49}$/

/** Validates kind, payload and options (the same rules on both drivers; pg-boss wants integer retry settings). */
export function newJob(kind: string, payload: JobPayload, opts: EnqueueOptions): NewJob {
  const issues: FieldIssue[] = []
  if (!KIND.test(kind)) issues.push({ path: 'kind', message: 'a job kind has 1-50 lowercase letters, digits, ".", "_" or "-", starting with a letter' })
  let payloadJson = ''
  try {
    payloadJson = JSON.stringify(payload)
  } catch (err) {
    issues.push({ path: 'payload', message: `not JSON-serialisable: ${(err as Error).message}` })
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) issues.push({ path: 'payload', message: 'must be an object' })
  else if (Buffer.byteLength(payloadJson) > MAX_PAYLOAD_BYTES) issues.push({ path: 'payload', message: `larger than ${MAX_PAYLOAD_BYTES} bytes: keep big inputs in a table or a file and pass their id` })
  if (!Number.isSafeInteger(opts.workspaceId) || opts.workspaceId < 1) issues.push({ path: 'workspaceId', message: 'must be a positive integer' })
  if (!opts.actorLabel) issues.push({ path: 'actorLabel', message: 'is required' })
  const retryLimit = opts.retryLimit ?? 2
  const retryDelaySeconds = opts.retryDelaySeconds ?? 1
  if (!Number.isInteger(retryLimit) || retryLimit < 0 || retryLimit > 100) issues.push({ path: 'retryLimit', message: 'must be an integer from 0 to 100' })
  if (!Number.isInteger(retryDelaySeconds) || retryDelaySeconds < 0 || retryDelaySeconds > 86_400) issues.push({ path: 'retryDelaySeconds', message: 'must be an integer number of seconds from 0 to 86400' })
  if (opts.uniqueKey !== undefined && (opts.uniqueKey.length === 0 || opts.uniqueKey.length > 200)) issues.push({ path: 'uniqueKey', message: 'must have 1-200 characters' })
  if (opts.startAfter !== undefined && Number.isNaN(opts.startAfter.getTime())) issues.push({ path: 'startAfter', message: 'is not a valid date' })
  if (issues.length > 0) throw invalid(issues, `job ${kind}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`)
  return {
    kind,
    payloadJson,
    workspaceId: opts.workspaceId,
    actorLabel: opts.actorLabel,
    uniqueKey: opts.uniqueKey ?? null,
    retryLimit,
    retryDelaySeconds,
    startAfter: opts.startAfter ?? null,
  }
}

/** Seconds to wait after failed attempt n (1-based) before the next one: delay · 2^(n-1). */
export function backoffSeconds(retryDelaySeconds: number, failedAttempt: number): number {
  return retryDelaySeconds * 2 ** Math.min(16, Math.max(0, failedAttempt - 1))
}
