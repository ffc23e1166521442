import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { backoffSeconds } from './enqueue-options.ts'
import { cancelledAmong, completeJob, failAttempt, writeProgress, type ClaimedJob } from './job-lifecycle.ts'
import { JobFailure, type JobContext, type JobHandler, type Queue } from './queue.ts'

export interface RunnerOptions {
  /** How often running jobs check whether another process cancelled them (ms, default 1000). */
  cancelPollMs?: number | undefined
  /** Progress is written at most this often per job (ms, default 250); the latest value always lands. */
  progressIntervalMs?: number | undefined
  /** An attempt running longer than this is aborted and counted as failed (ms, default 1 hour). */
  timeoutMs?: number | undefined
  onError?: ((err: unknown) => void) | undefined
  /** Told when an attempt starts and how it ended (the worker prints these). */
  onEvent?: ((event: JobEvent) => void) | undefined
  /** How a handler queues follow-up work (JobContext.enqueue): the owning queue's enqueue. */
  enqueue?: Queue['enqueue'] | undefined
}

export interface JobEvent {
  job: ClaimedJob
  /** 'started', or how the attempt ended. */
  type: 'started' | Outcome['kind']
  error?: string | undefined
  ms?: number | undefined
}

/** How an attempt ended. `retry` and `failed` carry the error message. */
export type Outcome = { kind: 'completed' } | { kind: 'cancelled' } | { kind: 'retry'; error: string } | { kind: 'failed'; error: string }

type StopReason = 'cancelled' | 'stopped' | 'timeout'

interface Running {
  job: ClaimedJob
  controller: AbortController
  reason?: StopReason
  done: Promise<Outcome>
}

/**
 * Runs claimed jobs for either driver: builds the handler's context (throttled progress, abort signal,
 * transaction helper), records the outcome in the jobs table, and aborts jobs cancelled elsewhere.
 */
export class JobRunner {
  readonly #db: Db
  readonly #cancelPollMs: number
  readonly #progressMs: number
  readonly #timeoutMs: number
  readonly #enqueue: Queue['enqueue'] | undefined
  readonly #onError: (err: unknown) => void
  readonly #onEvent: (event: JobEvent) => void
  readonly #running = new Map<string, Running>()
  #poll: NodeJS.Timeout | undefined

  constructor(db: Db, opts: RunnerOptions = {}) {
    this.#db = db
    this.#cancelPollMs = opts.cancelPollMs ?? 1000
    this.#progressMs = opts.progressIntervalMs ?? 250
    this.#timeoutMs = opts.timeoutMs ?? 3_600_000
    this.#enqueue = opts.enqueue
    this.#onError = opts.onError ?? ((err) => process.stderr.write(`rapport queue: ${(err as Error).message}\n`))
    this.#onEvent = opts.onEvent ?? (() => undefined)
  }

  get size(): number {
    return this.#running.size
  }

  /** Never rejects: failures of the handler are outcomes, failures of the bookkeeping go to onError. */
  run(job: ClaimedJob, handler: JobHandler): Promise<Outcome> {
    const controller = new AbortController()
    const entry: Running = { job, controller, done: Promise.resolve({ kind: 'cancelled' }) }
    const t0 = Date.now()
    this.#onEvent({ job, type: 'started' })
    entry.done = this.#attempt(entry, handler)
      .catch((err: unknown): Outcome => {
        this.#onError(err)
        return { kind: 'failed', error: messageOf(err) }
      })
      .then((outcome) => {
        this.#onEvent({ job, type: outcome.kind, error: 'error' in outcome ? outcome.error : undefined, ms: Date.now() - t0 })
        return outcome
      })
      .finally(() => {
        this.#running.delete(job.id)
        if (this.#running.size === 0) this.#stopPolling()
      })
    this.#running.set(job.id, entry)
    this.#startPolling()
    return entry.done
  }

  /** Aborts a job running in this process (cancelled through this queue). */
  abortLocal(id: string, reason: StopReason): void {
    const entry = this.#running.get(id)
    if (entry && !entry.controller.signal.aborted) {
      entry.reason = reason
      entry.controller.abort(new Error(`job ${reasonText(reason)}`))
    }
  }

  abortAll(reason: StopReason): void {
    for (const id of [...this.#running.keys()]) this.abortLocal(id, reason)
  }

  /** Resolves when every running attempt has ended, or after ms. True when all ended. */
  async idle(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
    const all = Promise.allSettled([...this.#running.values()].map((r) => r.done)).then(() => true as const)
    try {
      return await Promise.race([all, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  async #attempt(entry: Running, handler: JobHandler): Promise<Outcome> {
    const { job, controller } = entry
    const progress = new ProgressWriter(this.#db, job, this.#progressMs, this.#onError)
    const timer = setTimeout(() => this.abortLocal(job.id, 'timeout'), this.#timeoutMs)
    const enqueue = this.#enqueue
    const ctx: JobContext = {
      db: this.#db,
      enqueue: (kind, payload, opts) => {
        if (!enqueue) throw new Error('this queue does not take follow-up jobs')
        return enqueue(kind, payload, opts)
      },
      signal: controller.signal,
      progress: (fraction, message) => progress.set(fraction, message),
      transaction: (fn) =>
        this.#db.transaction(async (tx) => {
          controller.signal.throwIfAborted()
          const out = await fn(tx)
          // A cancelled job commits nothing more: the step rolls back as a whole.
          controller.signal.throwIfAborted()
          return out
        }),
    }
    const info = { id: job.id, kind: job.kind, workspaceId: job.workspaceId, actorLabel: job.actorLabel, payload: job.payload, attempt: job.attempts }
    try {
      const result = await handler(info, ctx)
      await progress.close()
      if (entry.reason === 'cancelled') return { kind: 'cancelled' }
      const resultJson = result === undefined ? null : JSON.stringify(result)
      return (await completeJob(this.#db, job, resultJson)) ? { kind: 'completed' } : { kind: 'cancelled' }
    } catch (err) {
      await progress.close()
      if (entry.reason === 'cancelled') return { kind: 'cancelled' }
      const error = entry.reason === 'stopped' ? 'the worker stopped before the job ended' : entry.reason === 'timeout' ? `timed out after ${this.#timeoutMs / 1000} s` : messageOf(err)
      const final = job.attempts > job.retryLimit
      const resultJson = entry.reason === undefined && err instanceof JobFailure && err.result !== undefined ? JSON.stringify(err.result) : null
      await failAttempt(this.#db, job, error, final ? null : backoffSeconds(job.retryDelaySeconds, job.attempts), resultJson)
      return final ? { kind: 'failed', error } : { kind: 'retry', error }
    } finally {
      clearTimeout(timer)
    }
  }

  #startPolling(): void {
    if (this.#poll) return
    this.#poll = setInterval(() => void this.#checkCancelled(), this.#cancelPollMs)
    this.#poll.unref()
  }

  #stopPolling(): void {
    clearInterval(this.#poll)
    this.#poll = undefined
  }

  async #checkCancelled(): Promise<void> {
    try {
      const ids = await cancelledAmong(this.#db, [...this.#running.values()].map((r) => r.job))
      for (const id of ids) this.abortLocal(id, 'cancelled')
    } catch (err) {
      this.#onError(err)
    }
  }
}

/** Writes progress at most every `intervalMs`, in order, and always the latest value in the end. */
class ProgressWriter {
  #last = 0
  #pending: { fraction: number; message: string | null } | undefined
  #timer: NodeJS.Timeout | undefined
  #chain: Promise<void> = Promise.resolve()
  #closed = false

  constructor(
    private readonly db: Db,
    private readonly job: ClaimedJob,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  set(fraction: number, message?: string): Promise<void> {
    if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) throw invalid([{ path: 'progress', message: 'must be a number from 0 to 1' }])
    if (this.#closed) return Promise.resolve()
    this.#pending = { fraction, message: message ?? null }
    // Never waits for the write: on PGlite a job inside ctx.transaction holds the one connection, and the
    // write would queue behind it.
    const wait = this.#last + this.intervalMs - Date.now()
    if (wait <= 0) void this.#flush()
    else this.#timer ??= setTimeout(() => void this.#flush(), wait)
    return Promise.resolve()
  }

  /** Writes the latest value still held back, then stops; resolves once every write has landed (so the final state comes last). */
  async close(): Promise<void> {
    if (this.#pending) await this.#flush()
    this.#closed = true
    clearTimeout(this.#timer)
    await this.#chain
  }

  #flush(): Promise<void> {
    clearTimeout(this.#timer)
    this.#timer = undefined
    const p = this.#pending
    this.#pending = undefined
    if (!p || this.#closed) return this.#chain
    this.#last = Date.now()
    this.#chain = this.#chain.then(() => writeProgress(this.db, this.job, p.fraction, p.message)).catch(this.onError)
    return this.#chain
  }
}

function reasonText(reason: StopReason): string {
  switch (reason) {
    case 'cancelled':
      return 'cancelled'
    case 'stopped':
      return 'stopped: the worker is shutting down'
    case 'timeout':
      return 'timed out'
  }
}

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))
