import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { backends } from '../../../test/backends.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { markUploadComplete, receiveUpload, removeAbandonedUploads, writeUploadToFile } from './upload-store.ts'

const KiB = 1024
const ws = 1

/** A body arriving in pieces of `piece` bytes (deterministic content, so a reordered chunk shows). */
function bodyOf(size: number, piece: number): { stream: Readable; bytes: Buffer } {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 10)) & 0xff
  const pieces: Buffer[] = []
  for (let at = 0; at < size; at += piece) pieces.push(bytes.subarray(at, at + piece))
  return { stream: Readable.from(pieces), bytes }
}

async function rowsOf(db: Db, id: string): Promise<{ uploads: number; chunks: number }> {
  const [r] = await db.query<{ u: number; c: number }>(
    'SELECT (SELECT count(*)::int FROM uploads WHERE id = $1) AS u, (SELECT count(*)::int FROM upload_chunks WHERE upload_id = $1) AS c',
    [id],
  )
  return { uploads: r?.u ?? -1, chunks: r?.c ?? -1 }
}

for (const backend of backends()) {
  describe(`upload store (${backend.name})`, () => {
    let db: Db
    let dir: string
    before(async () => {
      db = await backend.open()
      dir = mkdtempSync(join(tmpdir(), 'upload-store-'))
    })
    after(async () => {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('stores a body in chunks of at most chunkBytes, in order, and writes it back byte for byte once complete', async () => {
      const { stream, bytes } = bodyOf(1000 * KiB + 123, 7 * KiB)
      const got = await receiveUpload(db, ws, 'a.csv', stream, { maxBytes: 2000 * KiB, chunkBytes: 64 * KiB })
      assert.equal(got.bytes, bytes.length)
      assert.equal(got.chunks, Math.ceil(bytes.length / (64 * KiB)))
      const sizes = await db.query<{ n: number }>('SELECT length(bytes) AS n FROM upload_chunks WHERE upload_id = $1 ORDER BY seq', [got.id])
      assert.ok(sizes.every((s) => Number(s.n) <= 64 * KiB))
      assert.equal(sizes.slice(0, -1).every((s) => Number(s.n) === 64 * KiB), true, 'all chunks but the last are full')
      const file = join(dir, 'a.csv')
      assert.equal(await writeUploadToFile(db, ws, got.id, file), undefined, 'an incomplete upload is not readable')
      await markUploadComplete(db, ws, got.id)
      assert.equal(await writeUploadToFile(db, ws, got.id, file), bytes.length)
      assert.ok(readFileSync(file).equals(bytes))
      assert.equal(await writeUploadToFile(db, ws + 1, got.id, file), undefined, "another workspace's id finds nothing")
    })

    it('a body past maxBytes is refused as payload_too_large and leaves no rows', async () => {
      const { stream } = bodyOf(300 * KiB, 16 * KiB)
      const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM upload_chunks')
      await assert.rejects(receiveUpload(db, ws, 'big.csv', stream, { maxBytes: 200 * KiB, chunkBytes: 32 * KiB }), (err: unknown) => {
        assert.ok(err instanceof RapportError)
        assert.equal(err.code, 'payload_too_large')
        return true
      })
      assert.equal(stream.destroyed, false, 'the request stays open for the answer')
      assert.deepEqual(await db.query('SELECT id FROM uploads WHERE file_name = $1', ['big.csv']), [])
      assert.deepEqual(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM upload_chunks'), before)
    })

    it('a body that breaks off half-way (client gone) leaves no rows', async () => {
      let sent = 0
      const stream = new Readable({
        read() {
          sent++
          if (sent <= 5) this.push(Buffer.alloc(40 * KiB, 1))
          else this.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))
        },
      })
      await assert.rejects(receiveUpload(db, ws, 'cut.csv', stream, { maxBytes: 1000 * KiB, chunkBytes: 64 * KiB }), /interrupted after 204800 bytes/)
      assert.deepEqual(await db.query('SELECT id FROM uploads WHERE file_name = $1', ['cut.csv']), [])
    })

    it('removes uploads that never completed (all of them on PGlite; idle ones on PostgreSQL), and keeps complete ones', async () => {
      const done = await receiveUpload(db, ws, 'done.csv', bodyOf(10, 10).stream, { maxBytes: KiB, chunkBytes: KiB })
      await markUploadComplete(db, ws, done.id)
      const stale = await receiveUpload(db, ws, 'stale.csv', bodyOf(10, 10).stream, { maxBytes: KiB, chunkBytes: KiB })
      const fresh = await receiveUpload(db, ws, 'fresh.csv', bodyOf(10, 10).stream, { maxBytes: KiB, chunkBytes: KiB })
      await db.query(`UPDATE uploads SET updated_at = now() - interval '2 hours' WHERE id = $1`, [stale.id])
      await db.query(`UPDATE uploads SET updated_at = now() - interval '2 hours' WHERE id = $1`, [done.id])
      const removed = await removeAbandonedUploads(db, 60)
      assert.deepEqual(await rowsOf(db, stale.id), { uploads: 0, chunks: 0 })
      assert.deepEqual(await rowsOf(db, done.id), { uploads: 1, chunks: 1 })
      if (db.kind === 'pglite') {
        assert.equal(removed, 2)
        assert.deepEqual(await rowsOf(db, fresh.id), { uploads: 0, chunks: 0 })
      } else {
        assert.equal(removed, 1)
        assert.deepEqual(await rowsOf(db, fresh.id), { uploads: 1, chunks: 1 }, 'another server may still be receiving it')
      }
    })
  })
}
