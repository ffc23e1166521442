import type { Db } from '../db.ts'
import type { EntityView } from '../entity-view.ts'
import { decodeCursor, encodeCursor } from './cursor.ts'
import type { SqlFilter } from './sql-filter.ts'

/** A sortable field: the SQL expression over `t` and the type its cursor value is cast back to. */
export interface SortField {
  expr: string
  type: 'text' | 'timestamptz' | 'numeric' | 'int8' | 'date'
}

export interface ListRequest {
  view: EntityView
  filter: SqlFilter
  sorts: Record<string, SortField>
  /** A key of `sorts`, prefixed with `-` for descending. */
  sort: string
  limit: number
  cursor?: string | undefined
}

export interface Page<T> {
  data: T[]
  next_cursor: string | null
}

/**
 * One page of a filtered, sorted list by keyset pagination on (sort value, id): each page starts strictly
 * after the previous page's last row, so rows are never skipped or repeated while walking, and a deep page
 * costs the same as the first (no OFFSET). Ascending order puts NULL sort values last and descending
 * first, the exact reverse, which the cursor condition spells out because row comparison with NULL is null.
 * Cost: one index-range query of limit + 1 rows.
 */
export async function listPage<T = Record<string, unknown>>(db: Db, req: ListRequest): Promise<Page<T>> {
  const desc = req.sort.startsWith('-')
  const name = desc ? req.sort.slice(1) : req.sort
  const field = req.sorts[name]
  if (!field) throw new Error(`unknown sort ${req.sort}`)
  const f = req.filter
  if (req.cursor !== undefined) {
    const c = decodeCursor(req.cursor, req.sort)
    const id = f.param(c.id)
    const e = field.expr
    if (c.value === null) {
      f.where(desc ? `((${e}) IS NOT NULL OR t.id < ${id})` : `((${e}) IS NULL AND t.id > ${id})`)
    } else {
      const v = `${f.param(c.value)}::${field.type}`
      f.where(desc ? `((${e}) IS NOT NULL AND ((${e}), t.id) < (${v}, ${id}))` : `((${e}) IS NULL OR ((${e}), t.id) > (${v}, ${id}))`)
    }
  }
  const dir = desc ? 'DESC NULLS FIRST' : 'ASC NULLS LAST'
  const limit = f.param(req.limit + 1)
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${req.view.select}, (${field.expr})::text AS __sort FROM ${req.view.from}
     WHERE ${f.sql()} ORDER BY (${field.expr}) ${dir}, t.id ${desc ? 'DESC' : 'ASC'} LIMIT ${limit}`,
    f.params,
  )
  const more = rows.length > req.limit
  if (more) rows.pop()
  const last = rows[rows.length - 1]
  const next = more && last ? encodeCursor({ sort: req.sort, value: (last.__sort as string | null) ?? null, id: Number(last.id) }) : null
  for (const r of rows) delete r.__sort
  return { data: rows as T[], next_cursor: next }
}
