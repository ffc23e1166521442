import { can, requirePermission, type Actor } from '../../domain/actor.ts'
import type { EntityName } from '../../domain/entities.ts'
import { maskPii } from '../../domain/mask-pii.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Db } from '../../store/db.ts'
import { columnName, entityTables } from '../../store/entity-tables.ts'
import { SqlFilter } from '../../store/query/sql-filter.ts'

/**
 * Streams an entity in its import shape (external ids for references, no internal ids or bookkeeping
 * times), ordered by natural key in byte order, a page at a time. The same data therefore always exports
 * to the same bytes, whatever order it was loaded in and on either database. `filter` narrows it to what
 * a list shows (the dashboard's "export these"); it must be the actor's workspace's.
 */
export async function* exportEntity(db: Db, actor: Actor, entity: EntityName, pageSize = 2000, filter?: SqlFilter): AsyncGenerator<Record<string, unknown>> {
  requirePermission(actor, 'export')
  const workspaceId = actor.workspaceId
  const base = filter ?? new SqlFilter(workspaceId)
  if (base.params[0] !== workspaceId) throw new Error('export filter of another workspace')
  const spec = entityTables[entity]
  // Exports are audited when they start: what left the system, and who took it.
  await recordAudit(db, actor, { action: 'export', entity: spec.table, changes: { masked: !can(actor, 'pii:read'), ...(filter && filter.conditions.length > 1 && { filtered: true }) } })
  const mask = can(actor, 'pii:read') ? (r: Record<string, unknown>) => r : maskPii
  const refAlias = new Map(spec.refs.map((r, i) => [r.field, { alias: `r${i}`, ref: r }]))
  const fieldExpr = (field: string): string => {
    const ref = refAlias.get(field)
    if (ref) return `${ref.alias}.${ref.ref.keyColumn}`
    const c = spec.columns.find((x) => x.field === field)
    if (!c) throw new Error(`no column for ${field}`)
    return c.out ? c.out(`t.${columnName(c)}`) : `t.${columnName(c)}`
  }
  const select = spec.columns.map((c) => `${fieldExpr(c.field)} AS "${c.field}"`).join(', ')
  const joins = spec.refs
    .map((r, i) => `LEFT JOIN ${r.table} r${i} ON r${i}.workspace_id = t.workspace_id AND r${i}.id = t.${r.column}`)
    .join(' ')
  const keys = spec.keyFields.map((f) => `${fieldExpr(f)} COLLATE "C"`)
  const keyList = keys.join(', ')
  let after: unknown[] | undefined
  for (;;) {
    const params: unknown[] = [...base.params, pageSize]
    const limit = `$${params.length}`
    let where = base.sql()
    if (after) {
      where += ` AND (${keyList}) > (${after.map((_, i) => `$${params.length + i + 1}`).join(', ')})`
      params.push(...after)
    }
    const rows = await db.query<Record<string, unknown>>(
      `SELECT ${select} FROM ${spec.table} t ${joins} WHERE ${where} ORDER BY ${keyList} LIMIT ${limit}`,
      params,
    )
    for (const r of rows) yield mask(r)
    if (rows.length < pageSize) return
    const last = rows[rows.length - 1] as Record<string, unknown>
    after = spec.keyFields.map((f) => last[f])
  }
}
