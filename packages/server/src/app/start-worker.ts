import { openQueue, type JobEvent, type Queue } from '../adapters/queue/index.ts'
import { UsageError } from '../errors/rapport-error.ts'
import { jobRegistry } from '../jobs/registry.ts'
import { removeAbandonedUploads } from '../services/jobs/upload-store.ts'
import type { Db } from '../store/db.ts'
import { readConfig } from '../config.ts'
import { openDb, type DbConfig } from '../store/open-db.ts'
import { redact } from '../store/postgres-db.ts'
import type { InboundSmtp } from '../adapters/mailer/inbound-smtp.ts'
import { startDeskMailListener } from './desk-mail-listener.ts'

export interface StartWorkerOptions {
  env?: NodeJS.ProcessEnv | undefined
  /** Jobs of each kind this process runs at once (default RAPPORT_WORKER_CONCURRENCY). */
  concurrency?: number | undefined
  /** pg-boss's schema (default `pgboss`). */
  bossSchema?: string | undefined
  /** Where the worker says what it does (default stderr). */
  log?: ((line: string) => void) | undefined
  /** Opens the database (tests pass one on a schema of their own); default: openDb with migrations. */
  open?: ((config: DbConfig) => Promise<Db>) | undefined
  /**
   * Also receive the service desk's e-mail on this loopback port (0: any free one), for deployments whose
   * `rapport serve` runs with RAPPORT_DESK_SMTP_PORT=off. Off by default: only one process can have the port.
   */
  deskSmtpPort?: number | undefined
}

export interface RunningWorker {
  db: Db
  queue: Queue
  kinds: string[]
  /** The desk's inbound SMTP listener, when asked for. */
  deskMail: InboundSmtp | null
  /** Stops taking jobs, waits (bounded) for running ones, closes the database. */
  stop(): Promise<void>
}

/**
 * Start-up of `rapport worker`: a process that takes jobs of every registered kind from the pg-boss queue on
 * PostgreSQL. Any number of them may run, on any machine. On PGlite there is no worker: the database is one
 * connection inside `rapport serve`, which runs the jobs itself.
 */
export async function startWorker(opts: StartWorkerOptions = {}): Promise<RunningWorker> {
  const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`))
  // config.ts rejects a DATABASE_URL that is not postgres://, naming the variable.
  const config = readConfig(opts.env ?? process.env)
  const url = config.databaseUrl
  if (!url) throw new UsageError('rapport worker needs DATABASE_URL=postgres://…; without it Rapport uses PGlite, where `rapport serve` runs the jobs itself')
  const db = await (opts.open ?? openDb)({ databaseUrl: url, dataDir: config.dataDir })
  const concurrency = opts.concurrency ?? config.workerConcurrency
  const queue = openQueue(db, { databaseUrl: url, pgboss: { concurrency, schema: opts.bossSchema, onEvent: (e) => log(describe(e)), onError: (err) => log(`worker: ${(err as Error).message}`) } })
  try {
    for (const [kind, handler] of jobRegistry) await queue.work(kind, handler)
    await queue.start()
  } catch (err) {
    await queue.stop().catch(() => undefined)
    await db.close()
    throw err
  }
  const kinds = [...jobRegistry.keys()]
  log(`worker ${process.pid}: taking jobs from PostgreSQL at ${redact(url)} — kinds ${kinds.join(', ')}; ${concurrency} at a time per kind`)
  let deskMail: InboundSmtp | null = null
  if (opts.deskSmtpPort !== undefined) {
    try {
      deskMail = await startDeskMailListener(db, queue, { port: opts.deskSmtpPort, domain: config.deskMailDomain, log })
    } catch (err) {
      await queue.stop().catch(() => undefined)
      await db.close()
      throw err
    }
  }
  return {
    db,
    queue,
    kinds,
    deskMail,
    async stop() {
      log(`worker ${process.pid}: stopping (waiting for running jobs)`)
      // New mail first: a message arriving while the queue drains would have no one to triage it.
      await deskMail?.close()
      await queue.stop()
      await db.close()
      log(`worker ${process.pid}: stopped`)
    },
  }
}

/**
 * The queue `rapport serve` opens. On PGlite the serving process is the only one on the database, so it
 * works every registered kind itself (RAPPORT_WORKER_CONCURRENCY at once); on PostgreSQL it only enqueues
 * and reads jobs, and `rapport worker` processes run them. Stop it before closing the database.
 */
export async function startServerQueue(
  db: Db,
  config: { databaseUrl?: string | undefined; workerConcurrency: number; bossSchema?: string | undefined },
  log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`),
): Promise<Queue> {
  // Uploads a stopped process was receiving will never complete (see upload-store.ts).
  const abandoned = await removeAbandonedUploads(db)
  if (abandoned > 0) log(`uploads: removed ${abandoned} left incomplete by an interrupted upload`)
  const onError = (err: unknown) => log(`jobs: ${(err as Error).message}`)
  const queue = openQueue(db, { databaseUrl: config.databaseUrl, pgboss: { onError, schema: config.bossSchema }, inProcess: { concurrency: config.workerConcurrency, onError, onEvent: (e) => log(describe(e)) } })
  if (db.kind === 'pglite') for (const [kind, handler] of jobRegistry) await queue.work(kind, handler)
  await queue.start()
  log(db.kind === 'pglite' ? `jobs: run in this process (${[...jobRegistry.keys()].join(', ')})` : 'jobs: run by `rapport worker` processes (DATABASE_URL)')
  return queue
}

function describe(e: JobEvent): string {
  const job = `job ${e.job.id} ${e.job.kind} (workspace ${e.job.workspaceId}, attempt ${e.job.attempts})`
  const took = e.ms === undefined ? '' : ` in ${(e.ms / 1000).toFixed(1)} s`
  switch (e.type) {
    case 'started':
      return `${job} started`
    case 'completed':
      return `${job} completed${took}`
    case 'cancelled':
      return `${job} cancelled${took}`
    case 'retry':
      return `${job} failed${took}, will retry: ${e.error ?? ''}`
    case 'failed':
      return `${job} failed${took}, no retries left: ${e.error ?? ''}`
  }
}
