import { resolve } from 'node:path'
import { readConfig } from '../config.ts'
import type { Db } from './db.ts'
import { lockDataDir } from './data-dir-lock.ts'
import { migrate } from './migrate.ts'
import { openPgliteDb } from './pglite-db.ts'
import { openPostgresDb } from './postgres-db.ts'

export interface DbConfig {
  /** postgres://… selects PostgreSQL; otherwise PGlite in dataDir. */
  databaseUrl?: string | undefined
  /** PGlite folder; 'memory://' for an in-memory database. */
  dataDir?: string | undefined
}

/** DATABASE_URL and RAPPORT_DATA_DIR (default ./.rapport/data), through config.ts. */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const c = readConfig(env)
  return { databaseUrl: c.databaseUrl, dataDir: c.dataDir }
}

/** Opens the configured database and brings its schema up to date. */
export async function openDb(config: DbConfig = dbConfigFromEnv()): Promise<Db> {
  if (config.databaseUrl) return migrated(await openPostgresDb(config.databaseUrl))
  if (config.dataDir?.startsWith('memory://')) return migrated(await openPgliteDb(config.dataDir))
  const dir = resolve(config.dataDir ?? './.rapport/data')
  const unlock = lockDataDir(dir)
  let db: Db
  try {
    db = await openPgliteDb(dir)
  } catch (err) {
    unlock()
    throw err
  }
  const close = db.close.bind(db)
  return migrated({ ...db, close: async () => {
    try {
      await close()
    } finally {
      unlock()
    }
  } })
}

async function migrated(db: Db): Promise<Db> {
  try {
    await migrate(db)
  } catch (err) {
    await db.close()
    throw err
  }
  return db
}

export function describeDb(config: DbConfig): string {
  return config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`
}
