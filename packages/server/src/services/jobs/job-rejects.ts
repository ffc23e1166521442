import { closeSync, openSync, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import type { RowError } from '../import/row-error.ts'
import type { Db } from '../../store/db.ts'

/**
 * The rejected rows of an import job as `line,column,reason` CSV (one row per error, so a row with two bad
 * columns has two), kept with the job in chunks (table job_rejects) for GET /api/v1/jobs/:id/rejects.
 * While the import runs they go to a local file, since its transaction may roll back; up to
 * MAX_REJECTS_BYTES of CSV are kept, after which one last row says how many errors were left out.
 */

export const REJECTS_HEADER = 'line,column,reason\n'
export const MAX_REJECTS_BYTES = 64 * 2 ** 20
const CHUNK_BYTES = 8 * 2 ** 20
const FLUSH_BYTES = 2 ** 20

/** Collects errors into a local CSV file (synchronously: the import's reject callback is synchronous). */
export class RejectsCsv {
  #fd: number | undefined
  #buffer = ''
  #bytes = REJECTS_HEADER.length
  #closed = false
  count = 0
  left = 0

  constructor(
    readonly path: string,
    private readonly maxBytes = MAX_REJECTS_BYTES,
  ) {}

  readonly write = (errors: readonly RowError[]): void => {
    if (this.#closed) return
    for (const e of errors) {
      this.count++
      const row = stringify([[e.line, e.column ?? '', e.reason]])
      if (this.left > 0 || this.#bytes + Buffer.byteLength(row) > this.maxBytes) {
        this.left++
        continue
      }
      this.#bytes += Buffer.byteLength(row)
      this.#buffer += row
      if (this.#buffer.length >= FLUSH_BYTES) this.#flush()
    }
  }

  /** Finishes the file (once; later calls only return it); returns its path. */
  close(): string {
    if (this.#closed) return this.path
    this.#closed = true
    if (this.left > 0) this.#buffer += stringify([['', '', `… and ${this.left} more errors, left out (the list is limited to ${this.maxBytes / 2 ** 20} MiB)`]])
    this.#flush()
    if (this.#fd !== undefined) closeSync(this.#fd)
    this.#fd = undefined
    return this.path
  }

  #flush(): void {
    if (this.#fd === undefined) {
      this.#fd = openSync(this.path, 'w')
      writeSync(this.#fd, REJECTS_HEADER)
    }
    if (this.#buffer !== '') writeSync(this.#fd, this.#buffer)
    this.#buffer = ''
  }
}

/** Stores a closed RejectsCsv file as the job's rejects (replacing any of an earlier attempt). */
export async function storeRejects(tx: Db, workspaceId: number, jobId: string, file: string): Promise<void> {
  await tx.query('DELETE FROM job_rejects WHERE workspace_id = $1 AND job_id = $2', [workspaceId, jobId])
  const handle = await open(file, 'r')
  try {
    const buf = Buffer.alloc(CHUNK_BYTES)
    for (let seq = 0; ; seq++) {
      const { bytesRead } = await handle.read(buf, 0, CHUNK_BYTES, null)
      if (bytesRead === 0) return
      await tx.query('INSERT INTO job_rejects (workspace_id, job_id, seq, bytes) VALUES ($1, $2, $3, $4)', [workspaceId, jobId, seq, buf.subarray(0, bytesRead)])
    }
  } finally {
    await handle.close()
  }
}

/** The stored rejects of a job, chunk by chunk; just the header when it has none. */
export async function* readRejects(db: Db, workspaceId: number, jobId: string): AsyncGenerator<Buffer> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM job_rejects WHERE workspace_id = $1 AND job_id = $2', [workspaceId, jobId])
  if (Number(n) === 0) {
    yield Buffer.from(REJECTS_HEADER)
    return
  }
  for (let seq = 0; seq < Number(n); seq++) {
    const [chunk] = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM job_rejects WHERE workspace_id = $1 AND job_id = $2 AND seq = $3', [workspaceId, jobId, seq])
    if (chunk) yield Buffer.from(chunk.bytes)
  }
}
