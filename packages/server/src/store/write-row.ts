import type { Db } from './db.ts'
import { columnName, type EntityTable } from './entity-tables.ts'

/**
 * Single-record writes for the API, driven by the same column specs as the bulk upsert so a record written
 * through either path is stored identically. `values` is keyed by field name with references already
 * resolved to internal ids; objects are stored as JSON. A duplicate natural key fails with Postgres' 23505
 * (the API's 409) instead of being merged, because a create that silently updates would hide mistakes.
 */
export async function insertRow(db: Db, spec: EntityTable, workspaceId: number, values: Record<string, unknown>): Promise<number> {
  const { cols, params, select, alias } = rowParts(spec, workspaceId, values)
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO ${spec.table} (workspace_id, ${cols.join(', ')})
     SELECT $1, ${select} FROM unnest(${alias.unnest}) AS r(${alias.names}) RETURNING id`,
    params,
  )
  return Number(row?.id)
}

/**
 * Writes the columns of `fields` (import-shape field names; default every column) of one record, leaving
 * the others as they are; false when no record has that id in the workspace.
 */
export async function updateRow(db: Db, spec: EntityTable, workspaceId: number, id: number, values: Record<string, unknown>, fields?: readonly string[]): Promise<boolean> {
  const { cols, params, exprs, alias } = rowParts(spec, workspaceId, values)
  params.push(id)
  const written = fields ? spec.columns.filter((c) => fields.includes(c.field)).map(columnName) : cols
  if (written.length === 0) return true
  const set = written.map((c) => `${c} = s.${c}`).join(', ')
  const rows = await db.query(
    `UPDATE ${spec.table} AS t SET ${set}${spec.touchUpdatedAt ? ', updated_at = now()' : ''}
     FROM (SELECT ${exprs.map((e, i) => `${e} AS ${cols[i]}`).join(', ')} FROM unnest(${alias.unnest}) AS r(${alias.names})) s
     WHERE t.workspace_id = $1 AND t.id = $${params.length} RETURNING t.id`,
    params,
  )
  return rows.length > 0
}

/** Deletes one record; false when there was none. */
export async function deleteRow(db: Db, table: string, workspaceId: number, id: number): Promise<boolean> {
  const rows = await db.query(`DELETE FROM ${table} WHERE workspace_id = $1 AND id = $2 RETURNING id`, [workspaceId, id])
  return rows.length > 0
}

function rowParts(spec: EntityTable, workspaceId: number, values: Record<string, unknown>) {
  const cols = spec.columns.map(columnName)
  const params: unknown[] = [workspaceId]
  for (const c of spec.columns) {
    const v = values[c.field]
    params.push([v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : v])
  }
  const exprs = spec.columns.map((c, i) => (c.expr ? c.expr(`r.c${i}`) : `r.c${i}`))
  const select = exprs.join(', ')
  const alias = {
    unnest: spec.columns.map((c, i) => `$${i + 2}::${c.arrayType}[]`).join(', '),
    names: spec.columns.map((_, i) => `c${i}`).join(', '),
  }
  return { cols, params, select, exprs, alias }
}
