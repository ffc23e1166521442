import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { backends } from '../../../test/backends.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { openPgliteDb } from '../../store/pglite-db.ts'
import { migrate } from '../../store/migrate.ts'
import { uploadSpoolDir } from './upload-spool-blobs.ts'
import { deleteUpload, markUploadComplete, receiveUpload, removeAbandonedUploads, storedUploadBytes, writeUploadToFile } from './upload-store.ts'

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

/** The upload's row, and its bytes wherever the backend keeps them (chunk rows, or a spool file). */
async function rowsOf(db: Db, id: string): Promise<{ uploads: number; bytes: number }> {
  const [r] = await db.query<{ u: number }>('SELECT count(*)::int AS u FROM uploads WHERE id = $1', [id])
  return { uploads: r?.u ?? -1, bytes: await storedUploadBytes(db, ws, id) }
}

const chunkRows = async (db: Db): Promise<number> => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM upload_chunks'))[0]?.n ?? -1

for (const backend of backends()) {
  describe(`upload store (${backend.name})`, () => {
    let db: Db
    let dir: string
    before(async () => {
      db = await backend.open()
      dir = mkdtempSync(join(tmpdir(), 'upload-store-'))
    })
    after(async () => {
      // The complete uploads the tests keep, on PGlite.
      if (db.kind === 'pglite') rmSync(await uploadSpoolDir(db), { recursive: true, force: true })
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('stores a body in pieces of at most chunkBytes (chunk rows on PostgreSQL, a spool file on PGlite) and writes it back byte for byte once complete', async () => {
      const { stream, bytes } = bodyOf(1000 * KiB + 123, 7 * KiB)
      const got = await receiveUpload(db, ws, 'a.csv', stream, { maxBytes: 2000 * KiB, chunkBytes: 64 * KiB })
      assert.equal(got.bytes, bytes.length)
      assert.equal(got.chunks, Math.ceil(bytes.length / (64 * KiB)))
      assert.equal(await storedUploadBytes(db, ws, got.id), bytes.length)
      if (db.kind === 'postgres') {
        const sizes = await db.query<{ n: number }>('SELECT length(bytes) AS n FROM upload_chunks WHERE upload_id = $1 ORDER BY seq', [got.id])
        assert.equal(sizes.length, got.chunks)
        assert.ok(sizes.every((s) => Number(s.n) <= 64 * KiB))
        assert.equal(sizes.slice(0, -1).every((s) => Number(s.n) === 64 * KiB), true, 'all chunks but the last are full')
      } else {
        assert.equal(await chunkRows(db), 0, 'PGlite stores no bytea chunks')
        const spool = await uploadSpoolDir(db)
        assert.deepEqual(readdirSync(spool).filter((n) => n.includes(got.id)), [`${ws}-${got.id}.upload`], 'renamed from .part once whole')
        assert.ok(readFileSync(join(spool, `${ws}-${got.id}.upload`)).equals(bytes))
      }
      const file = join(dir, 'a.csv')
      assert.equal(await writeUploadToFile(db, ws, got.id, file), undefined, 'an incomplete upload is not readable')
      await markUploadComplete(db, ws, got.id)
      assert.equal(await writeUploadToFile(db, ws, got.id, file), bytes.length)
      assert.ok(readFileSync(file).equals(bytes))
      assert.equal(await writeUploadToFile(db, ws + 1, got.id, file), undefined, "another workspace's id finds nothing")
      await deleteUpload(db, ws, got.id)
      assert.deepEqual(await rowsOf(db, got.id), { uploads: 0, bytes: 0 })
      assert.ok(readFileSync(file).equals(bytes), 'the copy written for a job is its own')
    })

    it('a body past maxBytes is refused as payload_too_large and leaves no rows', async () => {
      const { stream } = bodyOf(300 * KiB, 16 * KiB)
      const before = { chunks: await chunkRows(db), bytes: await storedUploadBytes(db, ws) }
      await assert.rejects(receiveUpload(db, ws, 'big.csv', stream, { maxBytes: 200 * KiB, chunkBytes: 32 * KiB }), (err: unknown) => {
        assert.ok(err instanceof RapportError)
        assert.equal(err.code, 'payload_too_large')
        return true
      })
      assert.equal(stream.destroyed, false, 'the request stays open for the answer')
      assert.deepEqual(await db.query('SELECT id FROM uploads WHERE file_name = $1', ['big.csv']), [])
      assert.deepEqual({ chunks: await chunkRows(db), bytes: await storedUploadBytes(db, ws) }, before, 'no bytes left, in rows or files')
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
      const before = { chunks: await chunkRows(db), bytes: await storedUploadBytes(db, ws) }
      await assert.rejects(receiveUpload(db, ws, 'cut.csv', stream, { maxBytes: 1000 * KiB, chunkBytes: 64 * KiB }), /interrupted after 204800 bytes/)
      assert.deepEqual(await db.query('SELECT id FROM uploads WHERE file_name = $1', ['cut.csv']), [])
      assert.deepEqual({ chunks: await chunkRows(db), bytes: await storedUploadBytes(db, ws) }, before, 'no bytes left, in rows or files')
    })

    it('removes uploads that never completed (all of them on PGlite; idle ones on PostgreSQL), and keeps complete ones', async () => {
      const done = await receiveUpload(db, ws, 'done.csv', bodyOf(10, 10).stream, { maxBytes: KiB, chunkBytes: KiB })
      await markUploadComplete(db, ws, done.id)
      const stale = await receiveUpload(db, ws, 'stale.csv', bodyOf(10, 10).stream, { maxBytes: KiB, chunkBytes: KiB })
      const fresh = await receiveUpload(db, ws, 'fresh.csv', bodyOf(10, 10).stream, { maxBytes: KiB, chunkBytes: KiB })
      await db.query(`UPDATE uploads SET updated_at = now() - interval '2 hours' WHERE id = $1`, [stale.id])
      await db.query(`UPDATE uploads SET updated_at = now() - interval '2 hours' WHERE id = $1`, [done.id])
      const removed = await removeAbandonedUploads(db, 60)
      assert.deepEqual(await rowsOf(db, stale.id), { uploads: 0, bytes: 0 })
      assert.deepEqual(await rowsOf(db, done.id), { uploads: 1, bytes: 10 })
      if (db.kind === 'pglite') {
        assert.equal(removed, 2)
        assert.deepEqual(await rowsOf(db, fresh.id), { uploads: 0, bytes: 0 })
      } else {
        assert.equal(removed, 1)
        assert.deepEqual(await rowsOf(db, fresh.id), { uploads: 1, bytes: 10 }, 'another server may still be receiving it')
      }
    })

    it('a complete upload whose bytes went missing or shrank is an error, not a short file', async () => {
      const got = await receiveUpload(db, ws, 'gone.csv', bodyOf(3 * KiB, KiB).stream, { maxBytes: 10 * KiB, chunkBytes: KiB })
      await markUploadComplete(db, ws, got.id)
      const file = join(dir, 'gone.csv')
      if (db.kind === 'pglite') truncateSync(join(await uploadSpoolDir(db), `${ws}-${got.id}.upload`), KiB)
      else await db.query('DELETE FROM upload_chunks WHERE upload_id = $1 AND seq = 2', [got.id])
      const found = db.kind === 'pglite' ? 1024 : 2048
      await assert.rejects(writeUploadToFile(db, ws, got.id, file), { message: `upload ${got.id}: ${found} of its 3072 bytes were found` })
      if (db.kind === 'pglite') {
        rmSync(join(await uploadSpoolDir(db), `${ws}-${got.id}.upload`))
        await assert.rejects(writeUploadToFile(db, ws, got.id, file), /the uploaded file of this import is gone: .* is missing/)
      }
      await deleteUpload(db, ws, got.id)
    })

    if (backend.name === 'PGlite') {
      it('PGlite: the start-up sweep removes spool files without a complete upload, keeps complete ones, and never touches another database\'s', async () => {
        const spool = await uploadSpoolDir(db)
        const kept = await receiveUpload(db, ws, 'kept.csv', bodyOf(10, 10).stream, { maxBytes: KiB, chunkBytes: KiB })
        await markUploadComplete(db, ws, kept.id)
        // Left by a process that died: a finished file whose row was deleted, and a half-received one.
        const orphan = join(spool, `${ws}-00000000-0000-4000-8000-000000000001.upload`)
        const half = join(spool, `${ws}-00000000-0000-4000-8000-000000000002.part`)
        writeFileSync(orphan, 'x')
        writeFileSync(half, 'y')
        const other = await openPgliteDb('memory://')
        try {
          await migrate(other)
          assert.notEqual(await uploadSpoolDir(other), spool, 'each database has its own folder')
          const theirs = await receiveUpload(other, ws, 'theirs.csv', bodyOf(10, 10).stream, { maxBytes: KiB, chunkBytes: KiB })
          await markUploadComplete(other, ws, theirs.id)
          assert.equal(await removeAbandonedUploads(db), 0, 'no incomplete rows; the files are not counted as uploads')
          assert.equal(existsSync(orphan), false)
          assert.equal(existsSync(half), false)
          assert.deepEqual(await rowsOf(db, kept.id), { uploads: 1, bytes: 10 })
          assert.equal(await storedUploadBytes(other, ws, theirs.id), 10)
          await deleteUpload(other, ws, theirs.id)
        } finally {
          await other.close()
        }
        await deleteUpload(db, ws, kept.id)
      })
    }
  })
}
