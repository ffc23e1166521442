import type { Db } from '../../packages/server/src/store/db.ts'
import { openDb } from '../../packages/server/src/store/open-db.ts'

/** A database named the way bench children get it: a postgres:// URL, or else a PGlite data folder. */
export const openTarget = (target: string): Promise<Db> =>
  target.startsWith('postgres://') || target.startsWith('postgresql://') ? openDb({ databaseUrl: target }) : openDb({ dataDir: target })

/** Sends a message to the parent bench process (children are forked with an IPC channel); resolves once sent. */
export const tellParent = (msg: object): Promise<void> =>
  new Promise((resolve) => (process.send ? process.send(msg, undefined, {}, () => resolve()) : resolve()))

/** Runs a child's main function, reporting a failure to the parent as an `error` message before exiting. */
export function childMain(fn: () => Promise<void>): void {
  fn().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
      void tellParent({ type: 'error', error: (err as Error).message }).then(() => process.exit(1))
    },
  )
}
