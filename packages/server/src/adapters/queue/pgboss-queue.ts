import { randomUUID } from 'node:crypto'
import PgBoss from 'pg-boss'
import type { Db } from '../../store/db.ts'
import { newJob, type NewJob } from './enqueue-options.ts'
import { claimById } from './job-lifecycle.ts'
import { cancelJobRow, getJob, insertJob, listJobs } from './job-rows.ts'
import { JobRunner, type RunnerOptions } from './job-runner.ts'
import type { EnqueueOptions, JobHandler, JobPage, JobPayload, JobView, ListJobsOptions, Queue } from './queue.ts'
import { reconcileWithBoss } from './reconcile.ts'
import { Scheduler, type SchedulerOptions } from './scheduler.ts'

export interface PgBossQueueOptions extends RunnerOptions {
  /** The PostgreSQL server (the Db does not expose its URL). */
  connectionString: string
  /** pg-boss's own schema (default `pgboss`; tests use one per suite). */
  schema?: string | undefined
  /** Jobs of one kind this process runs at the same time (default 1). */
  concurrency?: number | undefined
  /** How often an idle worker asks pg-boss for jobs (seconds, ≥ 0.5, default 1). */
  pollingIntervalSeconds?: number | undefined
  /** How long stop() waits for running jobs before aborting them (ms, default 10 s). */
  stopTimeoutMs?: number | undefined
  /** How often rows of jobs pg-boss ended without us (a killed worker, expiry) are brought in line (ms, default 60 s). */
  reconcileMs?: number | undefined
  schedules?: Omit<SchedulerOptions, 'onError'> | undefined
}

interface BossData {
  workspaceId: number
}

/**
 * The queue on PostgreSQL: pg-boss delivers (any number of processes may work a kind; SKIP LOCKED fetches
 * mean one job goes to one worker) and the `jobs` row mirrors it for the API. A job's row and its pg-boss
 * job are inserted in one transaction, with the same id. Retries are pg-boss's (exponential backoff);
 * cancellation is noticed by the process running the job through the row.
 */
export class PgBossQueue implements Queue {
  readonly #db: Db
  readonly #boss: PgBoss
  readonly #schema: string
  readonly #runner: JobRunner
  readonly #scheduler: Scheduler
  readonly #handlers = new Map<string, JobHandler>()
  /** One createQueue per kind and process, shared by concurrent callers. */
  readonly #queues = new Map<string, Promise<void>>()
  readonly #workers = new Map<string, string[]>()
  readonly #opts: PgBossQueueOptions
  readonly #timeoutMs: number
  readonly #onError: (err: unknown) => void
  #started = false
  #reconcile: NodeJS.Timeout | undefined

  constructor(db: Db, opts: PgBossQueueOptions) {
    this.#db = db
    this.#opts = opts
    this.#schema = opts.schema ?? 'pgboss'
    this.#onError = opts.onError ?? ((err) => process.stderr.write(`rapport queue: ${(err as Error).message}\n`))
    this.#timeoutMs = opts.timeoutMs ?? 3_600_000
    // Cron runs in our Scheduler (seconds, many schedules per kind), so pg-boss's own is off.
    this.#boss = new PgBoss({ connectionString: opts.connectionString, schema: this.#schema, schedule: false, max: 4, application_name: 'rapport-queue' })
    this.#boss.on('error', this.#onError)
    this.#runner = new JobRunner(db, { ...opts, timeoutMs: this.#timeoutMs, onError: this.#onError, enqueue: (kind, payload, o) => this.enqueue(kind, payload, o) })
    this.#scheduler = new Scheduler(db, (tx, job) => this.#insert(tx, job).then(() => undefined), { ...opts.schedules, onError: this.#onError })
  }

  async enqueue(kind: string, payload: JobPayload, opts: EnqueueOptions): Promise<string> {
    const job = newJob(kind, payload, opts)
    await this.#ensureQueue(kind)
    const id = await this.#db.transaction((tx) => this.#insert(tx, job))
    for (const w of this.#workers.get(kind) ?? []) this.#boss.notifyWorker(w)
    return id
  }

  async schedule(name: string, cron: string, kind: string, payload: JobPayload, opts: EnqueueOptions): Promise<void> {
    await this.#ensureQueue(kind)
    await this.#scheduler.schedule(name, cron, kind, payload, opts)
  }

  async unschedule(name: string): Promise<void> {
    await this.#scheduler.unschedule(name)
  }

  async work(kind: string, handler: JobHandler): Promise<void> {
    this.#handlers.set(kind, handler)
    if (this.#started) await this.#startWorkers(kind)
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
    await this.#boss.cancel(kind, id)
    this.#runner.abortLocal(id, 'cancelled')
    return true
  }

  async start(): Promise<void> {
    if (this.#started) return
    await this.#boss.start()
    this.#started = true
    for (const kind of this.#handlers.keys()) await this.#startWorkers(kind)
    await this.#reconcileNow()
    this.#reconcile = setInterval(() => void this.#reconcileNow(), this.#opts.reconcileMs ?? 60_000)
    this.#reconcile.unref()
    this.#scheduler.start()
  }

  async stop(): Promise<void> {
    if (!this.#started) return
    this.#started = false
    clearInterval(this.#reconcile)
    await this.#scheduler.stop()
    const stopTimeout = this.#opts.stopTimeoutMs ?? 10_000
    // pg-boss stops fetching at once and waits for running handlers; ours get aborted when the wait is over.
    const abort = setTimeout(() => this.#runner.abortAll('stopped'), stopTimeout)
    try {
      await this.#boss.stop({ graceful: true, wait: true, timeout: stopTimeout + 3000 })
    } finally {
      clearTimeout(abort)
    }
    this.#workers.clear()
  }

  async #insert(tx: Db, job: NewJob): Promise<string> {
    const { id, created } = await insertJob(tx, randomUUID(), job)
    if (!created) return id
    const sent = await this.#boss.send(job.kind, { workspaceId: job.workspaceId } satisfies BossData, {
      id,
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelaySeconds,
      retryBackoff: job.retryDelaySeconds > 0,
      // pg-boss re-delivers a job it thinks expired; our runner aborts the attempt before that moment.
      expireInSeconds: Math.ceil(this.#timeoutMs / 1000) + 60,
      ...(job.startAfter ? { startAfter: job.startAfter } : {}),
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }) },
    })
    if (sent === null) throw new Error(`pg-boss did not accept job ${id} of kind ${job.kind} (does its queue exist?)`)
    return id
  }

  #ensureQueue(kind: string): Promise<void> {
    if (!this.#started) return Promise.reject(new Error('start the queue before enqueueing jobs'))
    let made = this.#queues.get(kind)
    if (!made) {
      made = createQueue(this.#boss, kind)
      made.catch(() => this.#queues.delete(kind))
      this.#queues.set(kind, made)
    }
    return made
  }

  async #startWorkers(kind: string): Promise<void> {
    const handler = this.#handlers.get(kind)
    if (!handler || this.#workers.has(kind)) return
    await this.#ensureQueue(kind)
    const ids: string[] = []
    for (let i = 0; i < (this.#opts.concurrency ?? 1); i++) {
      const self = { id: '' }
      self.id = await this.#boss.work<BossData>(kind, { batchSize: 1, pollingIntervalSeconds: this.#opts.pollingIntervalSeconds ?? 1 }, async ([delivered]) => {
        try {
          if (delivered) await this.#deliver(delivered, handler)
        } finally {
          // pg-boss waits a polling interval after every fetch; a worker that just found a job asks again at once.
          this.#boss.notifyWorker(self.id)
        }
      })
      ids.push(self.id)
    }
    this.#workers.set(kind, ids)
  }

  async #deliver(delivered: PgBoss.Job<BossData>, handler: JobHandler): Promise<void> {
    const job = await claimById(this.#db, delivered.data.workspaceId, delivered.id)
    if (!job) return // cancelled (or finished) before it started
    const outcome = await this.#runner.run(job, handler)
    // Throwing hands the failure to pg-boss, which schedules the retry with its backoff or ends the job.
    if (outcome.kind === 'retry' || outcome.kind === 'failed') throw new Error(outcome.error)
  }

  async #reconcileNow(): Promise<void> {
    try {
      await reconcileWithBoss(this.#db, this.#schema)
    } catch (err) {
      this.#onError(err)
    }
  }
}

/**
 * pg-boss's createQueue is idempotent, but two first calls for one name at the same time deadlock (each
 * adds a partition with a foreign key to the queue table the other has a pending row in). PostgreSQL
 * aborts one of them; running it again then finds the queue made.
 */
async function createQueue(boss: PgBoss, kind: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(kind)
      return
    } catch (err) {
      if ((err as { code?: unknown }).code !== '40P01' || attempt >= 5) throw err
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random()))
    }
  }
}
