import type { Db } from '../store/db.ts'
import { dbConfigFromEnv, openDb } from '../store/open-db.ts'

/** Opens the configured database (DATABASE_URL or PGlite in RAPPORT_DATA_DIR), runs fn, always closes it. */
export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(dbConfigFromEnv())
  try {
    return await fn(db)
  } finally {
    await db.close()
  }
}
