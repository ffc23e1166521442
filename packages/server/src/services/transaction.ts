import { setTimeout as sleep } from 'node:timers/promises'
import { RapportError } from '../errors/rapport-error.ts'
import type { Db } from '../store/db.ts'

/** Deadlock and serialisation failures: the transaction was rolled back and running it again is safe. */
const RETRYABLE = new Set(['40P01', '40001'])

export interface RetryOptions {
  /** Attempts in all (default 5). */
  attempts?: number
  /** Backoff base in ms; attempt n waits a random time in [0, base · 2^n) (default 20). */
  baseMs?: number
}

/**
 * Runs fn in one transaction and, when PostgreSQL aborts it as a deadlock victim or a serialisation
 * failure, runs it again after a jittered backoff, a bounded number of times. Only then does the caller
 * see a failure: `unavailable` with Retry-After, which tells a client (or a CLI user) to try again.
 * fn must be safe to re-run: it may do nothing outside the transaction.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  return retryDeadlocks(() => db.transaction(fn), opts)
}

/** Runs `attempt` (which must run one whole transaction) again when it fails as a deadlock victim. */
export async function retryDeadlocks<T>(run: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 5
  const base = opts.baseMs ?? 20
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (err) {
      const code = (err as { code?: unknown }).code
      if (typeof code !== 'string' || !RETRYABLE.has(code)) throw err
      if (attempt >= attempts) {
        throw new RapportError('unavailable', 'the database kept aborting this change because of conflicting concurrent changes; retry shortly', { retryAfter: 1, cause: err })
      }
      await sleep(Math.random() * base * 2 ** attempt)
    }
  }
}

export const isRetryable = (err: unknown): boolean => {
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' && RETRYABLE.has(code)
}
