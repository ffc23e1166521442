import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import { insertRow, updateRow } from '../../store/write-row.ts'
import { deriveKey } from '../../services/import/derive-key.ts'
import { invalid, notFound } from '../../errors/rapport-error.ts'
import { entityView } from './entity-view.ts'
import { resolveRecordRefs } from './resolve-refs.ts'

export type Row = Record<string, unknown>

/** One record in its API view, or undefined. */
export async function getRecord(db: Db, entity: EntityName, workspaceId: number, id: number): Promise<Row | undefined> {
  const v = entityView(entity)
  const [row] = await db.query<Row>(`SELECT ${v.select} FROM ${v.from} WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, id])
  return row
}

export async function mustGetRecord(db: Db, entity: EntityName, workspaceId: number, id: number, noun: string): Promise<Row> {
  const row = await getRecord(db, entity, workspaceId, id)
  if (!row) throw notFound(`${noun} ${id}`)
  return row
}

/** Inserts a validated record (import shape); records without a natural key get the same derived key as on import. */
export async function createRecord(db: Db, entity: EntityName, workspaceId: number, data: Row): Promise<number> {
  const spec = entityTables[entity]
  const record = { ...data }
  if (spec.derivedKey && record.external_id === undefined) record.external_id = deriveKey(Object.keys(entitySchemas[entity].shape), record)
  const values = await resolveRecordRefs(db, entity, workspaceId, record)
  return insertRow(db, spec, workspaceId, values)
}

/**
 * Applies a partial update: the stored record (in import shape) is merged with the patch, where `null`
 * clears an optional field, and the result is validated as a whole with the entity's schema before every
 * column is written, so a record can never be left in a state the import would reject.
 */
export async function updateRecord(db: Db, entity: EntityName, workspaceId: number, id: number, patch: Row, noun: string): Promise<void> {
  const schema = entitySchemas[entity]
  const current = await mustGetRecord(db, entity, workspaceId, id, noun)
  const merged: Row = {}
  for (const field of Object.keys(schema.shape)) {
    const v = field in patch ? patch[field] : current[field]
    if (v !== null && v !== undefined) merged[field] = v
  }
  const parsed = schema.safeParse(merged)
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })))
  }
  const values = await resolveRecordRefs(db, entity, workspaceId, parsed.data as Row)
  if (!(await updateRow(db, entityTables[entity], workspaceId, id, values))) throw notFound(`${noun} ${id}`)
}
