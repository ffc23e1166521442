import { randomUUID } from 'node:crypto'
import type { Db } from '../../store/db.ts'
import { newJob, type NewJob } from './enqueue-options.ts'
import { claimNext, recoverInterrupted } from './job-lifecycle.ts'
import { cancelJobRow, getJob, insertJob, listJobs } from './job-rows.ts'
import { JobRunner, type RunnerOptions } from './job-runner.ts'
import type { EnqueueOptions, JobHandler, JobPage, JobPayload, JobView, ListJobsOptions, Queue } from './queue.ts'
import { Scheduler, type SchedulerOptions } from './scheduler.ts'

export interface InProcessQueueOptions extends RunnerOptions {
  /** Jobs run at the same time (default 1). */
  concurrency?: number | undefined
  /** How often due jobs are looked for when nothing woke the loop (ms, default 250). */
  pollMs?: number | undefined
  /** How long stop() waits for running jobs before aborting them (ms, default 10 s). */
  stopTimeoutMs?: number | undefined
  schedules?: Omit<SchedulerOptions, 'onError'> | undefined
}

/**
 * The queue for PGlite: jobs are rows of `jobs`, and a loop in this process claims due ones (an UPDATE over
 * a SKIP LOCKED pick), runs up to `concurrency` at once and wakes at once on enqueue. One process owns
 * the database, so on start the jobs it left active when it was killed are queued again (or failed after
 * their last attempt).
 */
export class InProcessQueue implements Queue {
  readonly #db: Db
  readonly #runner: JobRunner
  readonly #scheduler: Scheduler
  readonly #handlers = new Map<string, JobHandler>()
  readonly #concurrency: number
  readonly #pollMs: number
  readonly #stopTimeoutMs: number
  readonly #onError: (err: unknown) => void
  #running = false
  #pumping = false
  #again = false
  #timer: NodeJS.Timeout | undefined

  constructor(db: Db, opts: InProcessQueueOptions = {}) {
    this.#db = db
    this.#onError = opts.onError ?? ((err) => process.stderr.write(`rapport queue: ${(err as Error).message}\n`))
    this.#runner = new JobRunner(db, { ...opts, onError: this.#onError, enqueue: (kind, payload, o) => this.enqueue(kind, payload, o) })
    this.#scheduler = new Scheduler(db, (tx, job) => this.#insert(tx, job).then(() => undefined), { ...opts.schedules, onError: this.#onError })
    this.#concurrency = opts.concurrency ?? 1
    this.#pollMs = opts.pollMs ?? 250
    this.#stopTimeoutMs = opts.stopTimeoutMs ?? 10_000
  }

  async enqueue(kind: string, payload: JobPayload, opts: EnqueueOptions): Promise<string> {
    const id = await this.#insert(this.#db, newJob(kind, payload, opts))
    this.#wake()
    return id
  }

  async schedule(name: string, cron: string, kind: string, payload: JobPayload, opts: EnqueueOptions): Promise<void> {
    await this.#scheduler.schedule(name, cron, kind, payload, opts)
  }

  async unschedule(name: string): Promise<void> {
    await this.#scheduler.unschedule(name)
  }

  async work(kind: string, handler: JobHandler): Promise<void> {
    this.#handlers.set(kind, handler)
    this.#wake()
  }

  get(workspaceId: number, id: string): Promise<JobView | undefined> {
    return getJob(this.#db, workspaceId, id)
  }

  list(workspaceId: number, opts: ListJobsOptions): Promise<JobPage> {
    return listJobs(this.#db, workspaceId, opts)
  }

  async cancel(workspaceId: number, id: string): Promise<boolean> {
    const kind = await cancelJobRow(this.#db, workspaceId, id)
    if (kind === undefined) return false
    this.#runner.abortLocal(id, 'cancelled')
    return true
  }

  async start(): Promise<void> {
    if (this.#running) return
    const recovered = await recoverInterrupted(this.#db)
    if (recovered > 0) this.#onError(new Error(`${recovered} job(s) interrupted by the last shutdown were queued again or failed`))
    this.#running = true
    this.#scheduler.start()
    this.#wake()
  }

  async stop(): Promise<void> {
    this.#running = false
    clearTimeout(this.#timer)
    await this.#scheduler.stop()
    if (!(await this.#runner.idle(this.#stopTimeoutMs))) {
      this.#runner.abortAll('stopped')
      await this.#runner.idle(2000)
    }
  }

  async #insert(db: Db, job: NewJob): Promise<string> {
    return (await insertJob(db, randomUUID(), job)).id
  }

  #wake(): void {
    if (!this.#running) return
    clearTimeout(this.#timer)
    this.#timer = undefined
    void this.#pump()
  }

  /** Claims and starts due jobs until the slots are full or none is due, then sleeps for pollMs. */
  async #pump(): Promise<void> {
    if (this.#pumping) {
      this.#again = true
      return
    }
    this.#pumping = true
    try {
      do {
        this.#again = false
        while (this.#running && this.#runner.size < this.#concurrency) {
          const job = await claimNext(this.#db, [...this.#handlers.keys()])
          if (!job) break
          const handler = this.#handlers.get(job.kind)
          if (!handler) break
          void this.#runner.run(job, handler).then(() => this.#wake())
        }
      } while (this.#again && this.#running)
    } catch (err) {
      this.#onError(err)
    } finally {
      this.#pumping = false
      if (this.#running) {
        clearTimeout(this.#timer)
        this.#timer = setTimeout(() => this.#wake(), this.#pollMs)
        this.#timer.unref()
      }
    }
  }
}
