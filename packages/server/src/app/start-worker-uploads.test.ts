import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, it } from 'node:test'
import { uploadSpoolDir } from '../services/jobs/upload-spool-blobs.ts'
import { markUploadComplete, receiveUpload, storedUploadBytes, writeUploadToFile } from '../services/jobs/upload-store.ts'
import { migrate } from '../store/migrate.ts'
import { openPgliteDb } from '../store/pglite-db.ts'
import { startServerQueue } from './start-worker.ts'

describe('startServerQueue and uploads', () => {
  it('deletes the uploads a stopped process left incomplete (on PGlite: all of them) and their spool files, keeping complete ones for their job', async () => {
    const db = await openPgliteDb('memory://')
    const dir = mkdtempSync(join(tmpdir(), 'start-uploads-'))
    let spool: string | undefined
    try {
      await migrate(db)
      const limits = { maxBytes: 1024, chunkBytes: 4 }
      const cut = await receiveUpload(db, 1, 'cut.csv', Readable.from([Buffer.from('a,b\n1,')]), limits)
      const whole = await receiveUpload(db, 1, 'whole.csv', Readable.from([Buffer.from('a,b\n1,2\n')]), limits)
      await markUploadComplete(db, 1, whole.id)
      // A process killed mid-body leaves its .part file behind, its row incomplete.
      spool = await uploadSpoolDir(db)
      const cutFile = join(spool, `1-${cut.id}.upload`)
      assert.equal(existsSync(cutFile), true)
      const killed = join(spool, `1-${cut.id}.part`)
      writeFileSync(killed, 'a,b\n')
      const lines: string[] = []
      const queue = await startServerQueue(db, { workerConcurrency: 1 }, (l) => lines.push(l))
      await queue.stop()
      assert.deepEqual(await db.query<{ file_name: string }>('SELECT file_name FROM uploads ORDER BY file_name'), [{ file_name: 'whole.csv' }])
      assert.ok(cut.chunks > 1)
      assert.equal(await storedUploadBytes(db, 1, cut.id), 0)
      assert.equal(existsSync(cutFile) || existsSync(killed), false, 'no spool file of the abandoned upload is left')
      assert.equal(await storedUploadBytes(db, 1, whole.id), whole.bytes)
      const copy = join(dir, 'whole.csv')
      assert.equal(await writeUploadToFile(db, 1, whole.id, copy), whole.bytes, 'a queued job still finds its file after the restart')
      assert.equal(readFileSync(copy, 'utf8'), 'a,b\n1,2\n')
      assert.deepEqual(await db.query('SELECT 1 FROM upload_chunks'), [], 'PGlite keeps no bytes in upload_chunks')
      assert.ok(lines.some((l) => /uploads: removed 1 left incomplete/.test(l)), lines.join('\n'))
    } finally {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
      if (spool) rmSync(spool, { recursive: true, force: true })
    }
  })
})
