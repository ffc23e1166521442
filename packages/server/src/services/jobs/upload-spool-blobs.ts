import { copyFile, link, mkdir, open, readdir, rename, rm, rmdir, stat, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import type { UploadBlobStore } from './upload-blob-store.ts'

/**
 * Upload bytes as files on local disk (PGlite: the one process that owns the database receives the
 * uploads and runs their jobs). A body is written to `<workspace>-<upload>.part` as it arrives and
 * renamed to `.upload` once whole, before its row is marked complete; so a complete upload always has
 * its file, and a process restart keeps it for its queued job.
 */

let spoolRoot = join(tmpdir(), 'rapport-uploads')

/** RAPPORT_UPLOAD_DIR (set once at start-up, before any upload). */
export function setUploadSpoolRoot(dir: string): void {
  spoolRoot = dir
}

/**
 * This database's spool folder. Its system identifier (one per initdb: per data dir, and per memory://
 * database) keeps two databases on one machine from sweeping each other's files at start-up.
 */
export async function uploadSpoolDir(db: Db): Promise<string> {
  const [r] = await db.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()')
  if (!r) throw new Error('pg_control_system() returned no row')
  return join(spoolRoot, `db-${r.id}`)
}

const keyOf = (workspaceId: number, id: string): string => `${workspaceId}-${id}`
const SPOOL_NAME = /^(\d+-[0-9a-f-]{36})\.(part|upload)$/

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'ENOENT'

export function spoolBlobStore(db: Db): UploadBlobStore {
  return {
    async create(workspaceId, id) {
      const dir = await uploadSpoolDir(db)
      const part = join(dir, `${keyOf(workspaceId, id)}.part`)
      const fh = await openNew(dir, part)
      return {
        async append(chunk) {
          for (let at = 0; at < chunk.length; ) at += (await fh.write(chunk, at)).bytesWritten
        },
        async finish() {
          // On disk before the row says complete, like the chunks of PostgreSQL's commit.
          await fh.datasync()
          await fh.close()
          await rename(part, join(dir, `${keyOf(workspaceId, id)}.upload`))
        },
        async discard() {
          await fh.close().catch(() => undefined)
          await rm(part, { force: true })
        },
      }
    },

    async copyTo(workspaceId, id, file) {
      const src = join(await uploadSpoolDir(db), `${keyOf(workspaceId, id)}.upload`)
      const size = await stat(src).then(
        (s) => s.size,
        (err: unknown) => {
          if (isMissing(err)) throw new InputError(`the uploaded file of this import is gone: ${src} is missing (was the upload folder cleaned?)`)
          throw err
        },
      )
      await rm(file, { force: true })
      // A second name for the same bytes costs nothing; across file systems (RAPPORT_UPLOAD_DIR elsewhere) it is a copy.
      await link(src, file).catch(() => copyFile(src, file))
      return size
    },

    async remove(workspaceId, id) {
      const dir = await uploadSpoolDir(db)
      for (const ext of ['part', 'upload']) await rm(join(dir, `${keyOf(workspaceId, id)}.${ext}`), { force: true })
      // An empty folder goes too (memory:// databases would leave one each); openNew copes with the race.
      await rmdir(dir).catch(() => undefined)
    },

    async removeOrphans() {
      const dir = await uploadSpoolDir(db)
      const names = await readdir(dir).catch((err: unknown) => {
        if (isMissing(err)) return []
        throw err
      })
      if (names.length === 0) return 0
      const complete = new Set(
        (await db.query<{ key: string }>(`SELECT workspace_id::text || '-' || id::text AS key FROM uploads WHERE complete`)).map((r) => r.key),
      )
      let removed = 0
      for (const name of names) {
        const m = SPOOL_NAME.exec(name)
        if (!m || (m[2] === 'upload' && complete.has(m[1] ?? ''))) continue
        await rm(join(dir, name), { force: true })
        removed++
      }
      return removed
    },

    async storedBytes(workspaceId, id) {
      const dir = await uploadSpoolDir(db)
      const prefix = id === undefined ? `${workspaceId}-` : `${keyOf(workspaceId, id)}.`
      const names = await readdir(dir).catch((err: unknown) => {
        if (isMissing(err)) return []
        throw err
      })
      let bytes = 0
      for (const name of names) {
        if (!name.startsWith(prefix) || !SPOOL_NAME.test(name)) continue
        bytes += await stat(join(dir, name)).then((s) => s.size, () => 0)
      }
      return bytes
    },
  }
}

/** Creates `file` in `dir`; `remove` may delete the folder when it empties, so a vanished folder is made again. */
async function openNew(dir: string, file: string): Promise<FileHandle> {
  for (let attempt = 1; ; attempt++) {
    await mkdir(dir, { recursive: true })
    try {
      return await open(file, 'wx')
    } catch (err) {
      if (!isMissing(err) || attempt >= 5) throw err
    }
  }
}
