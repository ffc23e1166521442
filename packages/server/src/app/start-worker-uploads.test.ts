import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { describe, it } from 'node:test'
import { markUploadComplete, receiveUpload } from '../services/jobs/upload-store.ts'
import { migrate } from '../store/migrate.ts'
import { openPgliteDb } from '../store/pglite-db.ts'
import { startServerQueue } from './start-worker.ts'

describe('startServerQueue and uploads', () => {
  it('deletes the uploads a stopped process left incomplete (on PGlite: all of them), keeping complete ones', async () => {
    const db = await openPgliteDb('memory://')
    try {
      await migrate(db)
      const limits = { maxBytes: 1024, chunkBytes: 4 }
      const cut = await receiveUpload(db, 1, 'cut.csv', Readable.from([Buffer.from('a,b\n1,')]), limits)
      const whole = await receiveUpload(db, 1, 'whole.csv', Readable.from([Buffer.from('a,b\n1,2\n')]), limits)
      await markUploadComplete(db, 1, whole.id)
      const lines: string[] = []
      const queue = await startServerQueue(db, { workerConcurrency: 1 }, (l) => lines.push(l))
      await queue.stop()
      const left = await db.query<{ file_name: string; chunks: number }>(
        'SELECT u.file_name, (SELECT count(*)::int FROM upload_chunks c WHERE c.upload_id = u.id) AS chunks FROM uploads u ORDER BY file_name',
      )
      assert.deepEqual(left, [{ file_name: 'whole.csv', chunks: whole.chunks }])
      assert.ok(cut.chunks > 1)
      assert.deepEqual(await db.query('SELECT 1 FROM upload_chunks WHERE upload_id = $1', [cut.id]), [])
      assert.ok(lines.some((l) => /uploads: removed 1 left incomplete/.test(l)), lines.join('\n'))
    } finally {
      await db.close()
    }
  })
})
