import { UsageError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { InProcessQueue, type InProcessQueueOptions } from './inprocess-queue.ts'
import { PgBossQueue, type PgBossQueueOptions } from './pgboss-queue.ts'
import type { Queue } from './queue.ts'

export interface OpenQueueOptions {
  /** The PostgreSQL URL the Db was opened with; required when db.kind is 'postgres'. */
  databaseUrl?: string | undefined
  pgboss?: Omit<PgBossQueueOptions, 'connectionString'> | undefined
  inProcess?: InProcessQueueOptions | undefined
}

/**
 * The queue driver that fits the database: pg-boss on PostgreSQL (worker processes scale out), the
 * in-process loop on PGlite (one connection, so the serving process runs the jobs). Call start() on it.
 */
export function openQueue(db: Db, opts: OpenQueueOptions = {}): Queue {
  switch (db.kind) {
    case 'postgres':
      if (!opts.databaseUrl) throw new UsageError('the job queue on PostgreSQL needs the database URL (DATABASE_URL)')
      return new PgBossQueue(db, { ...opts.pgboss, connectionString: opts.databaseUrl })
    case 'pglite':
      return new InProcessQueue(db, opts.inProcess)
  }
}
