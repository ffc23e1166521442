import type { Db } from '../../packages/server/src/store/db.ts'
import { arrayLiteral } from '../../packages/server/src/store/array-literal.ts'

/**
 * Bulk loading into tables whose indexes are built once afterwards, in one sorted pass, instead of growing
 * row by row (20M events into four random-keyed B-trees would spend most of the load in index maintenance).
 * Drops the secondary indexes, the foreign keys and the primary / unique constraints that no remaining
 * foreign key depends on, of the named tables, and returns a function that puts back exactly what was
 * dropped, from the catalog's own definitions; the restore checks the catalog matches what it was before.
 */
export async function suspendIndexes(db: Db, tables: readonly string[]): Promise<(on?: Db) => Promise<void>> {
  const before = await schemaSnapshot(db, tables)
  const fks = await db.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) ORDER BY c.conname`, [arrayLiteral(tables)])
  for (const f of fks) await db.exec(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${f.name}`)
  // Keys another table's foreign key points at (customers' primary key, say) stay: dropping them would
  // mean dropping constraints of tables this load does not touch.
  const keys = await db.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.confrelid = c.conrelid AND r.conindid = c.conindid)
      ORDER BY c.conname`, [arrayLiteral(tables)])
  for (const k of keys) await db.exec(`ALTER TABLE ${k.tbl} DROP CONSTRAINT ${k.name}`)
  const indexes = await db.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`, [arrayLiteral(tables)])
  for (const i of indexes) await db.exec(`DROP INDEX ${i.name}`)
  // `on`: the handle to rebuild with (a transaction's, on PGlite the only one that may run meanwhile).
  return async (on: Db = db) => {
    for (const k of keys) await on.exec(`ALTER TABLE ${k.tbl} ADD CONSTRAINT ${k.name} ${k.def}`)
    for (const i of indexes) await on.exec(i.def)
    for (const f of fks) await on.exec(`ALTER TABLE ${f.tbl} ADD CONSTRAINT ${f.name} ${f.def}`)
    const after = await schemaSnapshot(on, tables)
    if (after !== before) throw new Error(`bench: the indexes and constraints put back differ from the migrated ones:\nbefore ${before}\nafter  ${after}`)
  }
}

/** Every index and constraint definition of the tables, as one comparable text. */
async function schemaSnapshot(db: Db, tables: readonly string[]): Promise<string> {
  const rows = await db.query<{ d: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS d FROM pg_index i WHERE i.indrelid = ANY($1::regclass[])
     UNION ALL
     SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.conrelid = ANY($1::regclass[])
     ORDER BY 1`, [arrayLiteral(tables)])
  return rows.map((r) => r.d).join('; ')
}
