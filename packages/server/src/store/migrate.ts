import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from './db.ts'

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

export interface Migration {
  version: string
  sql: string
  checksum: string
}

/** The versioned SQL migrations shipped with this build, in order (file names `NNNN_name.sql`). */
export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8')
      return { version: f.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

/**
 * Applies every migration not yet recorded, each in its own transaction, under an advisory lock so two
 * processes starting together don't race. Safe to run any number of times. A migration that was changed
 * after being applied is an error: migrations are append-only history.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS rapport_migrations (
    version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  const applied: string[] = []
  for (const m of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727277)')
      const [row] = await tx.query<{ checksum: string }>('SELECT checksum FROM rapport_migrations WHERE version = $1', [m.version])
      if (row) {
        if (row.checksum !== m.checksum) throw new Error(`migration ${m.version} was changed after it was applied`)
        return
      }
      await tx.exec(m.sql)
      await tx.query('INSERT INTO rapport_migrations (version, checksum) VALUES ($1, $2)', [m.version, m.checksum])
      applied.push(m.version)
    })
  }
  return applied
}
