import { createHash } from 'node:crypto'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { invalid, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import { entityView } from '../../store/entity-view.ts'
import { deleteRow, insertRow, updateRow } from '../../store/write-row.ts'
import { changedFields } from '../audit/redact.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { deriveKey } from '../import/derive-key.ts'
import { inTransaction } from '../transaction.ts'
import { resolveRecordRefs } from './resolve-record-refs.ts'

export type Row = Record<string, unknown>

/** Optimistic concurrency: the ETag a client got on read; a write with a stale one fails with 412. */
export interface WriteConditions {
  ifMatch?: string | undefined
}

/** A strong ETag of a record's API view: changes whenever any field it shows changes. */
export function etagOf(row: Row): string {
  return `"${createHash('sha1').update(JSON.stringify(row)).digest('base64url').slice(0, 22)}"`
}

async function selectRecord(db: Db, entity: EntityName, workspaceId: number, id: number, lock: boolean): Promise<Row | undefined> {
  const v = entityView(entity)
  const [row] = await db.query<Row>(`SELECT ${v.select} FROM ${v.from} WHERE t.workspace_id = $1 AND t.id = $2${lock ? ' FOR UPDATE OF t' : ''}`, [workspaceId, id])
  return row
}

/** One record of the actor's workspace in its API view; another workspace's id is not found, like a missing one. */
export async function getRecord(db: Db, actor: Actor, entity: EntityName, id: number, noun: string): Promise<Row> {
  requirePermission(actor, 'customers:read')
  const row = await selectRecord(db, entity, actor.workspaceId, id, false)
  if (!row) throw notFound(`${noun} ${id}`)
  return row
}

/** Natural-key lookup (customers by external id, products by sku). */
export async function getRecordByKey(db: Db, actor: Actor, entity: 'customers' | 'products', key: string, noun: string): Promise<Row> {
  requirePermission(actor, 'customers:read')
  const v = entityView(entity)
  const column = entity === 'products' ? 'sku' : 'external_id'
  const [row] = await db.query<Row>(`SELECT ${v.select} FROM ${v.from} WHERE t.workspace_id = $1 AND t.${column} = $2`, [actor.workspaceId, key])
  if (!row) throw notFound(noun)
  return row
}

/**
 * Inserts a validated record (import shape) inside `tx`; records without a natural key get the same derived
 * key as on import. Returns the new id. The caller's transaction also holds the audit row.
 */
export async function insertRecord(tx: Db, actor: Actor, entity: EntityName, data: Row): Promise<number> {
  requirePermission(actor, 'customers:write')
  const spec = entityTables[entity]
  const record = { ...data }
  if (spec.derivedKey && record.external_id === undefined) record.external_id = deriveKey(Object.keys(entitySchemas[entity].shape), record)
  const values = await resolveRecordRefs(tx, entity, actor.workspaceId, record)
  const id = await insertRow(tx, spec, actor.workspaceId, values)
  const after = await selectRecord(tx, entity, actor.workspaceId, id, false)
  await recordAudit(tx, actor, { action: 'create', entity: spec.table, entityId: id, changes: changedFields(spec.table, undefined, after) })
  return id
}

export async function createRecord(db: Db, actor: Actor, entity: EntityName, data: Row): Promise<Row> {
  return inTransaction(db, async (tx) => {
    const id = await insertRecord(tx, actor, entity, data)
    return (await selectRecord(tx, entity, actor.workspaceId, id, false)) as Row
  })
}

/**
 * Applies a partial update inside `tx`. The record is locked first (FOR UPDATE), so concurrent updates of
 * one record queue up instead of overwriting each other; the stored record is merged with the patch
 * (`null` clears an optional field) and validated as a whole with the entity's schema, so a record can
 * never be left in a state the import would reject; then only the fields sent are written.
 */
export async function patchRecord(tx: Db, actor: Actor, entity: EntityName, id: number, patch: Row, noun: string, cond: WriteConditions = {}): Promise<void> {
  requirePermission(actor, 'customers:write')
  const spec = entityTables[entity]
  const schema = entitySchemas[entity]
  const current = await selectRecord(tx, entity, actor.workspaceId, id, true)
  if (!current) throw notFound(`${noun} ${id}`)
  if (cond.ifMatch !== undefined && !matches(cond.ifMatch, current)) throw stale(noun, id)
  const merged: Row = {}
  for (const field of Object.keys(schema.shape)) {
    const v = field in patch ? patch[field] : current[field]
    if (v !== null && v !== undefined) merged[field] = v
  }
  const parsed = schema.safeParse(merged)
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })))
  }
  const sent = Object.keys(patch).filter((f) => f in schema.shape)
  if (sent.length === 0) return
  const values = await resolveRecordRefs(tx, entity, actor.workspaceId, parsed.data as Row)
  await updateRow(tx, spec, actor.workspaceId, id, values, sent)
  const after = await selectRecord(tx, entity, actor.workspaceId, id, false)
  const changes = changedFields(spec.table, current, after)
  if (Object.keys(changes).length > 0) await recordAudit(tx, actor, { action: 'update', entity: spec.table, entityId: id, changes })
}

export async function updateRecord(db: Db, actor: Actor, entity: EntityName, id: number, patch: Row, noun: string, cond: WriteConditions = {}): Promise<Row> {
  return inTransaction(db, async (tx) => {
    await patchRecord(tx, actor, entity, id, patch, noun, cond)
    return (await selectRecord(tx, entity, actor.workspaceId, id, false)) as Row
  })
}

/** Deletes one record (its dependants cascade); not_found when the workspace has no record with that id. */
export async function deleteRecord(db: Db, actor: Actor, entity: EntityName, id: number, noun: string, cond: WriteConditions = {}): Promise<void> {
  requirePermission(actor, 'customers:write')
  const spec = entityTables[entity]
  await inTransaction(db, async (tx) => {
    const current = await selectRecord(tx, entity, actor.workspaceId, id, true)
    if (!current) throw notFound(`${noun} ${id}`)
    if (cond.ifMatch !== undefined && !matches(cond.ifMatch, current)) throw stale(noun, id)
    if (!(await deleteRow(tx, spec.table, actor.workspaceId, id))) throw notFound(`${noun} ${id}`)
    await recordAudit(tx, actor, { action: 'delete', entity: spec.table, entityId: id, changes: changedFields(spec.table, current, undefined) })
  })
}

/** If-Match: `*` or a list of ETags, one of which must be the current one. */
function matches(ifMatch: string, current: Row): boolean {
  const tags = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''))
  return tags.includes('*') || tags.includes(etagOf(current))
}

const stale = (noun: string, id: number): RapportError =>
  new RapportError('precondition_failed', `${noun} ${id} was changed since you read it (If-Match does not match its ETag); read it again and retry`)
