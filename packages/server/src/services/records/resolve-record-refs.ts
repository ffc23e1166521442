import type { EntityName } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import { RefResolver } from '../../store/resolve-refs.ts'
import { invalid, type FieldIssue } from '../../errors/rapport-error.ts'

/**
 * Replaces the external ids a validated record uses for its references with internal ids, ready for
 * `insertRow`/`updateRow`. An unknown reference is a 400 naming the field (`body.customer_id`).
 */
export async function resolveRecordRefs(
  db: Db,
  entity: EntityName,
  workspaceId: number,
  data: Record<string, unknown>,
  pathPrefix = 'body',
): Promise<Record<string, unknown>> {
  const out = { ...data }
  const issues: FieldIssue[] = []
  for (const ref of entityTables[entity].refs) {
    const key = data[ref.field]
    // The schema has already required the mandatory references, so an absent one here is optional.
    if (key === undefined || key === null) continue
    const ids = await new RefResolver(db, workspaceId, ref).resolve([String(key)])
    const id = ids.get(String(key))
    if (id === undefined) issues.push({ path: `${pathPrefix}.${ref.field}`, message: `unknown ${ref.noun} "${String(key)}"` })
    else out[ref.field] = id
  }
  if (issues.length > 0) throw invalid(issues, 'the record refers to something that does not exist')
  return out
}
