import type { EntityName } from '../domain/entities.ts'
import { columnName, entityTables } from './entity-tables.ts'

/**
 * How the API shows a record: its internal `id`, every field in the import shape (references by external
 * id or sku, exactly as a client writes them), the internal id of each reference as `<noun>_internal_id`,
 * and the bookkeeping times the table keeps. The same view serves read, list and the 360° profile.
 */
export interface EntityView {
  /** SELECT list over the table aliased `t` and its reference joins. */
  select: string
  /** FROM clause: the table `t` and a LEFT JOIN per reference. */
  from: string
  table: string
}

const BOOKKEEPING: Partial<Record<EntityName, string[]>> = {
  customers: ['created_at', 'updated_at'],
  products: ['created_at', 'updated_at'],
  orders: ['created_at', 'updated_at'],
  tickets: ['updated_at'],
}

export const isoTime = (ref: string): string => `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const cache = new Map<EntityName, EntityView>()

export function entityView(entity: EntityName): EntityView {
  const hit = cache.get(entity)
  if (hit) return hit
  const spec = entityTables[entity]
  const parts = ['t.id']
  const joins: string[] = []
  spec.refs.forEach((r, i) => {
    joins.push(`LEFT JOIN ${r.table} r${i} ON r${i}.workspace_id = t.workspace_id AND r${i}.id = t.${r.column}`)
  })
  for (const c of spec.columns) {
    const refIndex = spec.refs.findIndex((r) => r.field === c.field)
    const ref = spec.refs[refIndex]
    if (ref) {
      parts.push(`r${refIndex}.${ref.keyColumn} AS ${c.field}`, `t.${ref.column} AS ${ref.noun}_internal_id`)
    } else {
      const col = `t.${columnName(c)}`
      parts.push(`${c.out ? c.out(col) : col} AS ${c.field}`)
    }
  }
  for (const b of BOOKKEEPING[entity] ?? []) parts.push(`${isoTime(`t.${b}`)} AS ${b}`)
  const view = { select: parts.join(', '), from: `${spec.table} t ${joins.join(' ')}`, table: spec.table }
  cache.set(entity, view)
  return view
}
