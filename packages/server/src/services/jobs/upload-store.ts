import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { InputError, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { blobStoreOf, type UploadBlobWriter } from './upload-blob-store.ts'

/**
 * Uploaded files: an `uploads` row in the database (name, size, `complete`) and its bytes where the
 * backend keeps them best (upload-blob-store.ts: chunk rows on PostgreSQL, so any worker can read them; a
 * spool file on PGlite), written as they arrive in pieces of at most `chunkBytes`, with no transaction
 * held open while the client sends: on PGlite (one connection) a slow client must not block everyone
 * else. An upload is `complete` only once its whole body arrived; a body that fails half-way (client
 * gone, too large) has its bytes deleted at once, and one interrupted by the process dying is deleted at
 * the next start (removeAbandonedUploads).
 */

export const MAX_UPLOAD_BYTES = 2 ** 30
export const UPLOAD_CHUNK_BYTES = 8 * 2 ** 20

export interface UploadLimits {
  maxBytes: number
  chunkBytes: number
}

export interface ReceivedUpload {
  id: string
  bytes: number
  /** Pieces of at most chunkBytes it was written in. */
  chunks: number
}

/** `1 GiB`, `24 MiB`: a limit as people write it. */
export const sizeText = (bytes: number): string => (bytes % 2 ** 30 === 0 ? `${bytes / 2 ** 30} GiB` : `${+(bytes / 2 ** 20).toFixed(2)} MiB`)

export const tooLarge = (maxBytes: number): RapportError =>
  new RapportError('payload_too_large', `the file is larger than the ${sizeText(maxBytes)} an upload may be`)

/**
 * Reads `body` into a new incomplete upload of the workspace. Any failure (the stream errors, the body
 * passes maxBytes, the database fails) deletes what was written and rethrows; the stream is never
 * destroyed here, so the caller can still answer on its connection.
 */
export async function receiveUpload(db: Db, workspaceId: number, fileName: string, body: Readable, limits: UploadLimits): Promise<ReceivedUpload> {
  const id = randomUUID()
  await db.query('INSERT INTO uploads (workspace_id, id, file_name) VALUES ($1, $2, $3)', [workspaceId, id, fileName])
  let bytes = 0
  let seq = 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  let writer: UploadBlobWriter | undefined
  try {
    const out = (writer = await blobStoreOf(db).create(workspaceId, id))
    const write = async (chunk: Buffer): Promise<void> => {
      await out.append(chunk)
      seq++
    }
    for await (const piece of body.iterator({ destroyOnReturn: false })) {
      const buf = typeof piece === 'string' ? Buffer.from(piece) : (piece as Buffer)
      bytes += buf.length
      if (bytes > limits.maxBytes) throw tooLarge(limits.maxBytes)
      pending.push(buf)
      pendingBytes += buf.length
      if (pendingBytes < limits.chunkBytes) continue
      let all = Buffer.concat(pending, pendingBytes)
      while (all.length >= limits.chunkBytes) {
        await write(all.subarray(0, limits.chunkBytes))
        all = all.subarray(limits.chunkBytes)
      }
      pending = all.length > 0 ? [Buffer.from(all)] : []
      pendingBytes = all.length
    }
    if (pendingBytes > 0) await write(Buffer.concat(pending, pendingBytes))
    await out.finish()
    await db.query('UPDATE uploads SET bytes_total = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2', [workspaceId, id, bytes])
    return { id, bytes, chunks: seq }
  } catch (err) {
    await writer?.discard()
    await deleteUpload(db, workspaceId, id)
    if (err instanceof RapportError) throw err
    // The client went away (or the stream broke) before the whole body arrived.
    throw new InputError(`the upload was interrupted after ${bytes} bytes; nothing was kept (${(err as Error).message})`)
  }
}

/** Marks an upload whole: from now on an import job may read it. */
export async function markUploadComplete(tx: Db, workspaceId: number, id: string): Promise<void> {
  await tx.query('UPDATE uploads SET complete = true, updated_at = now() WHERE workspace_id = $1 AND id = $2', [workspaceId, id])
}

export async function deleteUpload(db: Db, workspaceId: number, id: string): Promise<void> {
  await db.query('DELETE FROM uploads WHERE workspace_id = $1 AND id = $2', [workspaceId, id])
  // After the row: a process dying in between leaves bytes without a row, which removeAbandonedUploads sweeps.
  await blobStoreOf(db).remove(workspaceId, id)
}

/**
 * Writes a complete upload to `file`, one piece at a time (never the whole file in memory). Returns its
 * size, or undefined when there is no complete upload of that id.
 */
export async function writeUploadToFile(db: Db, workspaceId: number, id: string, file: string): Promise<number | undefined> {
  const [upload] = await db.query<{ bytes_total: number | string }>('SELECT bytes_total FROM uploads WHERE workspace_id = $1 AND id = $2 AND complete', [workspaceId, id])
  if (!upload) return undefined
  const size = await blobStoreOf(db).copyTo(workspaceId, id, file)
  if (size !== Number(upload.bytes_total)) throw new Error(`upload ${id}: ${size} of its ${upload.bytes_total} bytes were found`)
  return size
}

/** Bytes held for the workspace's uploads, or for one of them, wherever the backend keeps them. */
export async function storedUploadBytes(db: Db, workspaceId: number, id?: string): Promise<number> {
  return blobStoreOf(db).storedBytes(workspaceId, id)
}

/**
 * Deletes uploads that never completed: their client went away with the process that received them. On
 * PGlite only this process uploads, so at its start every incomplete upload is abandoned; on PostgreSQL
 * other servers may be receiving theirs right now, so only those idle for `idleMinutes` go. Bytes left
 * without a complete upload (spool files of a process that died) go too; complete ones stay for their job.
 */
export async function removeAbandonedUploads(db: Db, idleMinutes = 60): Promise<number> {
  const rows = await db.query(
    `DELETE FROM uploads WHERE NOT complete AND ($1::boolean OR updated_at < now() - $2::double precision * interval '1 minute') RETURNING 1`,
    [db.kind === 'pglite', idleMinutes],
  )
  await blobStoreOf(db).removeOrphans()
  return rows.length
}
