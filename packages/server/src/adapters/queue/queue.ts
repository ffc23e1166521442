import type { Db } from '../../store/db.ts'

/**
 * The background-job queue: one interface, two drivers (pg-boss on PostgreSQL, in-process on PGlite), one
 * contract suite (queue.contract.ts). Every job belongs to a workspace and records who enqueued it; what
 * the API shows of it is a `JobView`, read from the `jobs` table both drivers keep up to date.
 */
export interface Queue {
  /** Adds a job and returns its id; with `uniqueKey`, returns the id of the queued or active job that has it. */
  enqueue(kind: string, payload: JobPayload, opts: EnqueueOptions): Promise<string>
  /** Enqueues `kind` at every tick of `cron` (5 fields, or 6 with seconds first; UTC). Replaces a schedule of that name. */
  schedule(name: string, cron: string, kind: string, payload: JobPayload, opts: EnqueueOptions): Promise<void>
  unschedule(name: string): Promise<void>
  /** Runs `handler` for jobs of `kind` (from start() on). */
  work(kind: string, handler: JobHandler): Promise<void>
  /** A job of the workspace, or undefined (also for another workspace's id). */
  get(workspaceId: number, id: string): Promise<JobView | undefined>
  list(workspaceId: number, opts: ListJobsOptions): Promise<JobPage>
  /** Cancels a queued or active job (an active handler sees ctx.signal abort); false when it had already ended. */
  cancel(workspaceId: number, id: string): Promise<boolean>
  /** Call first: the pg-boss driver needs it before enqueue (it also starts this process's workers and schedules). */
  start(): Promise<void>
  /** Stops taking jobs and waits (bounded) for active handlers; aborts the ones still running after that. */
  stop(): Promise<void>
}

export const JOB_STATES = ['queued', 'active', 'completed', 'failed', 'cancelled'] as const
export type JobState = (typeof JOB_STATES)[number]

/** Kept small: it is stored with the job (limit MAX_PAYLOAD_BYTES); big inputs go in a table or a file. */
export type JobPayload = Record<string, unknown>
export const MAX_PAYLOAD_BYTES = 64 * 1024

export interface EnqueueOptions {
  workspaceId: number
  /** Who asked, as the audit log names them (Actor.label). */
  actorLabel: string
  uniqueKey?: string | undefined
  /** Retries after the first failed attempt (default 2). */
  retryLimit?: number | undefined
  /** Wait before retry n is retryDelaySeconds · 2^(n-1) at least (default 1). */
  retryDelaySeconds?: number | undefined
  startAfter?: Date | undefined
}

/** What a handler is given about its job. */
export interface JobInfo {
  id: string
  kind: string
  workspaceId: number
  actorLabel: string
  payload: JobPayload
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number
}

export interface JobContext {
  /**
   * The database, for reads and for bookkeeping that must outlive a failed step (a registry row saying the
   * run failed). Changes that belong to the job's work go through `transaction`.
   */
  db: Db
  /** Queues follow-up work (e.g. a rescore after a large import), as Queue.enqueue. */
  enqueue(kind: string, payload: JobPayload, opts: EnqueueOptions): Promise<string>
  /**
   * Records how far the job is (0..1) and what it is doing; cheap to call often (writes are throttled and
   * happen in the background, so it may be called inside ctx.transaction).
   */
  progress(fraction: number, message?: string): Promise<void>
  /** Aborted when the job is cancelled or the worker stops before the job ends. */
  signal: AbortSignal
  /**
   * Runs fn in one database transaction: a job's changes go through here so that a failing (or cancelled)
   * attempt leaves each step fully applied or not at all. Throws without committing once the signal is set.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
}

/**
 * Thrown by a handler to fail its attempt with data as well as a message: `result` (JSON-able) is stored
 * as the job's result, shown while it is failed (e.g. the located row errors of a refused import). Other
 * errors leave the result null. Retries are as for any failure.
 */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly result: unknown,
  ) {
    super(message)
    this.name = 'JobFailure'
  }
}

/** Returns the job's result (JSON-able, stored with the job) or nothing; a failed job's result is that of its JobFailure, else null. */
export type JobHandler = (job: JobInfo, ctx: JobContext) => Promise<unknown>

/** A job as the API shows it: plain JSON, ISO timestamps. */
export interface JobView {
  id: string
  kind: string
  state: JobState
  progress: number
  message: string | null
  error: string | null
  attempts: number
  actor: string
  created_at: string
  started_at: string | null
  finished_at: string | null
  result: unknown
}

export interface ListJobsOptions {
  state?: JobState | undefined
  kind?: string | undefined
  limit: number
  /** nextCursor of the previous page. */
  cursor?: string | undefined
}

export interface JobPage {
  items: JobView[]
  /** Absent on the last page. */
  nextCursor?: string
}
