import type { Db } from './db.ts'
import { columnName, type EntityTable } from './entity-tables.ts'

export interface UpsertCounts {
  inserted: number
  updated: number
}

/**
 * Writes a batch with one statement: the columns travel as one array parameter each and come back as rows
 * through `unnest` (no per-row round trip). Rows whose key exists are updated only when something changed,
 * so re-importing the same data writes nothing and leaves updated_at alone; the others are inserted.
 *
 * Why not INSERT … ON CONFLICT DO UPDATE: its speculative insertion made bulk loads about 1.6× slower
 * (PostgreSQL 15, 200k order lines). The update-then-insert-missing form reads one snapshot, so it is exact
 * within a transaction; a concurrent writer inserting the same key fails with a unique violation (23505)
 * instead of merging, which the caller reports.
 * `values[c][i]` is column c of row i; rows must be unique on the key within the batch.
 */
export async function upsertBatch(db: Db, spec: EntityTable, workspaceId: number, values: unknown[][]): Promise<UpsertCounts> {
  const cols = spec.columns.map(columnName)
  const unnestArgs = spec.columns.map((c, i) => `$${i + 2}::${c.arrayType}[]`).join(', ')
  const alias = spec.columns.map((_, i) => `c${i}`).join(', ')
  const valueOf = (col: string): string => {
    const i = cols.indexOf(col)
    const c = spec.columns[i]
    if (!c) throw new Error(`no column ${col}`)
    return c.expr ? c.expr(`r.c${i}`) : `r.c${i}`
  }
  const keyMatch = spec.keyColumns.map((k) => `t.${k} = ${valueOf(k)}`).join(' AND ')
  const nonKey = cols.filter((c) => !spec.keyColumns.includes(c))
  const update = spec.appendOnly
    ? 'upd AS (SELECT 1 WHERE false)'
    : `upd AS (
        UPDATE ${spec.table} t SET ${nonKey.map((c) => `${c} = ${valueOf(c)}`).join(', ')}${spec.touchUpdatedAt ? ', updated_at = now()' : ''}
        FROM r WHERE t.workspace_id = $1 AND ${keyMatch}
          AND (${nonKey.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${nonKey.map(valueOf).join(', ')})
        RETURNING 1)`
  const sql = `WITH r AS (SELECT * FROM unnest(${unnestArgs}) AS r(${alias})),
    ${update},
    ins AS (
      INSERT INTO ${spec.table} (workspace_id, ${cols.join(', ')})
      SELECT $1, ${cols.map(valueOf).join(', ')} FROM r
      WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE t.workspace_id = $1 AND ${keyMatch})
      RETURNING 1)
    SELECT (SELECT count(*) FROM ins) AS inserted, (SELECT count(*) FROM upd) AS updated`
  const [row] = await db.query<{ inserted: number; updated: number }>(sql, [workspaceId, ...values])
  return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) }
}
