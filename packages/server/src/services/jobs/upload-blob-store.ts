import type { Db } from '../../store/db.ts'
import { chunkBlobStore } from './upload-chunk-blobs.ts'
import { spoolBlobStore } from './upload-spool-blobs.ts'

/**
 * Where the bytes of an upload live; its `uploads` row (name, size, `complete`) is always in the database.
 * On PostgreSQL: upload_chunks rows, so that any worker can read them. On PGlite: a spool file on local
 * disk, since one process owns the database and runs the jobs, and bytea inserts into PGlite are slow
 * and grow its WASM heap (200 MB: 45 s and +1 GB of memory, against a few seconds for a file).
 */
export interface UploadBlobStore {
  /** Starts the bytes of a new upload (its row exists). */
  create(workspaceId: number, id: string): Promise<UploadBlobWriter>
  /** Writes the bytes of an upload to `file` (never whole in memory); returns their size. */
  copyTo(workspaceId: number, id: string, file: string): Promise<number>
  /** Deletes the bytes of an upload; its row is deleted by the caller. */
  remove(workspaceId: number, id: string): Promise<void>
  /** Deletes bytes whose upload row is missing or incomplete (run once abandoned rows are gone); returns how many. */
  removeOrphans(): Promise<number>
  /** Bytes held for the workspace's uploads (or for one of them). */
  storedBytes(workspaceId: number, id?: string): Promise<number>
}

export interface UploadBlobWriter {
  /** Appends the next piece; resolves once it is stored (the back-pressure on the request). */
  append(chunk: Buffer): Promise<void>
  /** The whole body arrived: its bytes become readable by copyTo. */
  finish(): Promise<void>
  /** The body failed: drops what was written. */
  discard(): Promise<void>
}

export const blobStoreOf = (db: Db): UploadBlobStore => (db.kind === 'pglite' ? spoolBlobStore(db) : chunkBlobStore(db))
