import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { RapportError } from '../errors/rapport-error.ts'

/**
 * An embedded database folder may be open in one process only: PGlite has no locking of its own, and two
 * processes writing one folder corrupt it. The lock is a file holding the owner's pid, created exclusively;
 * one left by a process that no longer runs (killed) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, 'rapport.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(path, { force: true })
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err
      const pid = Number(readFileSync(path, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        throw new RapportError(
          'unavailable',
          `the embedded database in ${dataDir} is in use by process ${pid} (a running "rapport serve"?): stop it first, or use PostgreSQL (DATABASE_URL) to share one database between processes`,
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw new RapportError('unavailable', `could not lock the embedded database in ${dataDir}`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM'
  }
}
