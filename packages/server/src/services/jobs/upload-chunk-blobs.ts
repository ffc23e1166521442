import { open } from 'node:fs/promises'
import type { Db } from '../../store/db.ts'
import type { UploadBlobStore } from './upload-blob-store.ts'

/**
 * Upload bytes as upload_chunks rows (PostgreSQL): one statement per chunk and no transaction held open
 * while the client sends. The rows go with their upload (ON DELETE CASCADE), so there are never orphans.
 */
export function chunkBlobStore(db: Db): UploadBlobStore {
  return {
    async create(workspaceId, id) {
      let seq = 0
      return {
        async append(chunk) {
          await db.query('INSERT INTO upload_chunks (workspace_id, upload_id, seq, bytes) VALUES ($1, $2, $3, $4)', [workspaceId, id, seq++, chunk])
          // Shows the upload is alive (removeAbandonedUploads goes by this on PostgreSQL).
          await db.query('UPDATE uploads SET updated_at = now() WHERE workspace_id = $1 AND id = $2', [workspaceId, id])
        },
        async finish() {},
        async discard() {
          // The rows go with the upload's row (deleteUpload).
        },
      }
    },

    async copyTo(workspaceId, id, file) {
      const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM upload_chunks WHERE workspace_id = $1 AND upload_id = $2', [workspaceId, id])
      const out = await open(file, 'w')
      let size = 0
      try {
        for (let seq = 0; seq < Number(count?.n ?? 0); seq++) {
          const [chunk] = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM upload_chunks WHERE workspace_id = $1 AND upload_id = $2 AND seq = $3', [workspaceId, id, seq])
          if (!chunk) throw new Error(`upload ${id}: chunk ${seq} is missing`)
          await out.write(chunk.bytes)
          size += chunk.bytes.length
        }
      } finally {
        await out.close()
      }
      return size
    },

    async remove() {
      // ON DELETE CASCADE, with the row.
    },

    async removeOrphans() {
      return 0
    },

    async storedBytes(workspaceId, id) {
      const [r] = await db.query<{ n: number | string }>(
        'SELECT coalesce(sum(length(bytes)), 0)::bigint AS n FROM upload_chunks WHERE workspace_id = $1 AND ($2::uuid IS NULL OR upload_id = $2::uuid)',
        [workspaceId, id ?? null],
      )
      return Number(r?.n ?? 0)
    },
  }
}
