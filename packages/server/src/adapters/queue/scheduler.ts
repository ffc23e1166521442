import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { latestTick, parseCron, type Cron } from './cron.ts'
import { newJob, type NewJob } from './enqueue-options.ts'
import type { EnqueueOptions, JobPayload } from './queue.ts'

export interface SchedulerOptions {
  /** How often schedules are checked (ms, default 1000). */
  tickMs?: number | undefined
  /** The clock (tests may pass a fake one). */
  now?: (() => Date) | undefined
  /** Ticks missed for longer than this (a stopped server) are not fired late (ms, default 1 hour). */
  catchUpMs?: number | undefined
  onError: (err: unknown) => void
}

/** Puts one fired job in the queue inside the scheduler's transaction, so a tick is fired with its job or not at all. */
export type EnqueueInTx = (tx: Db, job: NewJob) => Promise<void>

interface ScheduleRow {
  workspace_id: number | string
  name: string
  cron: string
  kind: string
  payload: JobPayload
  options: { actorLabel: string; uniqueKey?: string; retryLimit?: number; retryDelaySeconds?: number }
  last_fired: string
}

/**
 * Cron schedules for both drivers, kept in `job_schedules`. Every process ticks; a tick fires through a
 * conditional UPDATE of last_fired_at, so with any number of processes each tick enqueues one job. Unless
 * the schedule names its own unique key, a firing uses `schedule:<name>`, so a run still queued or active
 * is not joined by another.
 */
export class Scheduler {
  readonly #db: Db
  readonly #enqueue: EnqueueInTx
  readonly #tickMs: number
  readonly #now: () => Date
  readonly #catchUpMs: number
  readonly #onError: (err: unknown) => void
  readonly #parsed = new Map<string, Cron>()
  #timer: NodeJS.Timeout | undefined
  #ticking: Promise<void> | undefined

  constructor(db: Db, enqueue: EnqueueInTx, opts: SchedulerOptions) {
    this.#db = db
    this.#enqueue = enqueue
    this.#tickMs = opts.tickMs ?? 1000
    this.#now = opts.now ?? (() => new Date())
    this.#catchUpMs = opts.catchUpMs ?? 3_600_000
    this.#onError = opts.onError
  }

  async schedule(name: string, cron: string, kind: string, payload: JobPayload, opts: EnqueueOptions): Promise<void> {
    parseCron(cron)
    const job = newJob(kind, payload, opts)
    if (!/^[\w.:-]{1,100}$/.test(name)) throw invalid([{ path: 'name', message: 'a schedule name has 1-100 letters, digits, ".", ":", "_" or "-"' }])
    const options = { actorLabel: job.actorLabel, retryLimit: job.retryLimit, retryDelaySeconds: job.retryDelaySeconds, ...(job.uniqueKey ? { uniqueKey: job.uniqueKey } : {}) }
    await this.#db.transaction(async (tx) => {
      await tx.query('DELETE FROM job_schedules WHERE name = $1 AND workspace_id <> $2', [name, job.workspaceId])
      // A new schedule counts from now; replacing one keeps its last firing, so a restart does not fire twice.
      await tx.query(
        `INSERT INTO job_schedules (workspace_id, name, cron, kind, payload, options, last_fired_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)
         ON CONFLICT (workspace_id, name) DO UPDATE SET cron = excluded.cron, kind = excluded.kind, payload = excluded.payload, options = excluded.options`,
        [job.workspaceId, name, cron, kind, job.payloadJson, JSON.stringify(options), this.#now().toISOString()],
      )
    })
  }

  async unschedule(name: string): Promise<void> {
    await this.#db.query('DELETE FROM job_schedules WHERE name = $1', [name])
  }

  start(): void {
    if (this.#timer) return
    this.#timer = setInterval(() => {
      this.#ticking ??= this.tick()
        .then(() => undefined, this.#onError)
        .finally(() => (this.#ticking = undefined))
    }, this.#tickMs)
    this.#timer.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.#ticking
  }

  /** Fires every schedule whose latest tick is due; returns how many fired (public for tests with a fake clock). */
  async tick(): Promise<number> {
    const now = this.#now()
    const rows = await this.#db.query<ScheduleRow>(
      `SELECT workspace_id, name, cron, kind, payload, options,
         to_char(last_fired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_fired FROM job_schedules`,
    )
    let fired = 0
    for (const s of rows) {
      const since = Math.max(Date.parse(s.last_fired), now.getTime() - this.#catchUpMs)
      const tick = latestTick(this.#cron(s.cron), new Date(since), now)
      if (tick && (await this.#fire(s, tick))) fired++
    }
    return fired
  }

  async #fire(s: ScheduleRow, tick: Date): Promise<boolean> {
    try {
      return await this.#db.transaction(async (tx) => {
        const won = await tx.query(
          'UPDATE job_schedules SET last_fired_at = $3 WHERE workspace_id = $1 AND name = $2 AND last_fired_at < $3 RETURNING 1',
          [s.workspace_id, s.name, tick.toISOString()],
        )
        if (won.length === 0) return false
        const { uniqueKey, ...rest } = s.options
        await this.#enqueue(tx, newJob(s.kind, s.payload, { ...rest, workspaceId: Number(s.workspace_id), uniqueKey: uniqueKey ?? `schedule:${s.name}` }))
        return true
      })
    } catch (err) {
      this.#onError(err)
      return false
    }
  }

  #cron(expr: string): Cron {
    let c = this.#parsed.get(expr)
    if (!c) this.#parsed.set(expr, (c = parseCron(expr)))
    return c
  }
}
